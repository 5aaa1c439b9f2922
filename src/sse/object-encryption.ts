/**
 * How one object version is encrypted at rest (envelope encryption, reference 9.1). Every
 * version has its own random 256-bit data key; the body is AES-256-GCM in 64 KiB chunks
 * (chunk-layout.ts). Only the wrapped data key is kept, never the key itself.
 */
export interface ObjectEncryption {
  mode: 'SSE-COS' | 'SSE-KMS' | 'SSE-C';
  /** Region whose service key (SSE-COS) or KMS (SSE-KMS) wraps the data key. */
  region: string;
  /**
   * The data key, wrapped: by the region's service key (SSE-COS), by KMS (SSE-KMS: the
   * CiphertextBlob of GenerateDataKey), or by a key derived from the customer key (SSE-C).
   */
  wrappedKey: Buffer;
  /** Random per version; a chunk's nonce is this prefix followed by the chunk index. */
  noncePrefix: Buffer;
  /** SSE-KMS: the CMK id (never an alias), echoed in responses. */
  kmsKeyId?: string;
  /** SSE-KMS: the encryption context as sent (base64 JSON), needed again to Decrypt. */
  kmsContext?: string;
  /** SSE-C: base64 MD5 of the customer key, echoed in responses. */
  customerKeyMd5?: string;
  /** SSE-C: salt and check value that tell a right key from a wrong one. */
  customerKeySalt?: Buffer;
  customerKeyCheck?: Buffer;
  /** The version's ETag when it is not the plaintext MD5 (SSE-KMS, SSE-C: reference 5.4). */
  etag?: string;
}

/** The name of a mode as the inspection endpoint shows it. */
export function encryptionLabel(encryption: ObjectEncryption | undefined): string {
  return encryption?.mode ?? 'none';
}
