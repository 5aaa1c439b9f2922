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

  /** Accepts the pairs; the function returned takes them back (restoring any they replaced). */
  add(pairs: ReadonlyArray<CredentialOption>): () => void {
    const before = new Map(this.pairs);
    for (const pair of pairs) this.pairs.set(pair.secretId, pair.secretKey);
    return () => {
      for (const pair of pairs) {
        const earlier = before.get(pair.secretId);
        if (earlier === undefined) this.pairs.delete(pair.secretId);
        else this.pairs.set(pair.secretId, earlier);
      }
    };
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
