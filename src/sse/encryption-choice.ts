/**
 * The encryption a write asked for (from its headers) or inherited (from the bucket default):
 * decided once per write, before any byte is stored. After `resolveEncryption` an SSE-KMS
 * choice names the CMK id it will use (the region's default CMK when the request named none).
 * An SSE-C choice holds the customer key only for the duration of the request (or, for a
 * multipart upload, in memory until Complete or Abort); it never reaches the stored version.
 */
export type EncryptionChoice =
  | { mode: 'SSE-COS' }
  | { mode: 'SSE-KMS'; kmsKeyId?: string; context?: string }
  | { mode: 'SSE-C'; customerKey: Buffer; customerKeyMd5: string };
