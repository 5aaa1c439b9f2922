/** Where the verifier looks up the SecretKey that belongs to a SecretId. */
export interface CredentialStore {
  secretKeyFor(secretId: string): string | undefined;
}

export interface CredentialPair {
  secretId: string;
  secretKey: string;
}

/** A fixed set of key pairs, given when the emulator starts. */
export class StaticCredentialStore implements CredentialStore {
  private readonly secretKeys = new Map<string, string>();

  constructor(pairs: ReadonlyArray<CredentialPair>) {
    for (const pair of pairs) this.secretKeys.set(pair.secretId, pair.secretKey);
  }

  secretKeyFor(secretId: string): string | undefined {
    return this.secretKeys.get(secretId);
  }
}
