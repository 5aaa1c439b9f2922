/** The key states the emulated KMS models (reference 9.2; PendingImport and Archived are not). */
export type KmsKeyState = 'Enabled' | 'Disabled' | 'PendingDelete';

/** A CMK as DescribeKey shows it (Tencent KMS field names), plus the region it lives in. */
export interface KmsKeyMetadata {
  KeyId: string;
  Alias?: string;
  Description: string;
  KeyState: KmsKeyState;
  KeyUsage: 'ENCRYPT_DECRYPT';
  Region: string;
  /** Unix seconds. */
  CreateTime: number;
  /** Unix seconds; set while PendingDelete. */
  DeletionDate?: number;
  /** True for the default CMK COS creates in a region for SSE-KMS without a key id. */
  IsDefault: boolean;
}

export interface CreateKmsKeyInput {
  region: string;
  /** `name` or `alias/name`; unique per region. */
  alias?: string;
  description?: string;
  /** A fixed id (fixtures); a random UUID-like id otherwise. */
  keyId?: string;
  state?: KmsKeyState;
}

/** What GenerateDataKey answers (reference 9.2). */
export interface GeneratedDataKey {
  keyId: string;
  plaintext: Buffer;
  ciphertextBlob: Buffer;
}
