/** A bucket's default encryption (`/?encryption`), reference 5.1. */
export interface BucketEncryption {
  /** `AES256` (SSE-COS) or `KMS` (SSE-KMS). */
  algorithm: 'AES256' | 'KMS';
  kmsMasterKeyId?: string;
  kmsAlgorithm?: string;
}
