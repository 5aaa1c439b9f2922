import type { CredentialStore } from './http/auth/credential-store';
import type { CredentialOption } from './options';

/**
 * The key pairs one emulator accepts: those it started with, plus any a fixture added later.
 * Reset goes back to the start-up pairs.
 */
export class EmulatorCredentials implements CredentialStore {
  private readonly pairs = new Map<string, string>();

  constructor(private readonly startup: ReadonlyArray<CredentialOption>) {
    this.reset();
  }

  secretKeyFor(secretId: string): string | undefined {
    return this.pairs.get(secretId);
  }

  add(pairs: ReadonlyArray<CredentialOption>): void {
    for (const pair of pairs) this.pairs.set(pair.secretId, pair.secretKey);
  }

  /** Every pair accepted now, start-up pairs first. */
  list(): CredentialOption[] {
    return [...this.pairs].map(([secretId, secretKey]) => ({ secretId, secretKey }));
  }

  reset(): void {
    this.pairs.clear();
    this.add(this.startup);
  }
}
