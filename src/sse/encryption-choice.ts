/**
 * The encryption a write asked for (from its headers) or inherited (from the bucket default):
 * decided once per write, before any byte is stored. The SSE layer refines this type.
 */
export type EncryptionChoice =
  | { mode: 'SSE-COS' }
  | { mode: 'SSE-KMS'; kmsKeyId?: string; context?: string }
  | { mode: 'SSE-C'; customerKey: Buffer; customerKeyMd5: string };
