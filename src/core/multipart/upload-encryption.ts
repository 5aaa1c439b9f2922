import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';

/**
 * The encryption of a whole upload, fixed at Initiate: what the request asked for, else the
 * bucket default as it is now. Every part is then stored with exactly this choice (and no
 * bucket default), so a default changed mid-upload cannot leave parts encrypted differently.
 */
export function uploadEncryption(
  bucket: Bucket,
  requested: EncryptionChoice | undefined,
): EncryptionChoice | undefined {
  if (requested) return requested;
  const preset = bucket.encryption;
  if (!preset) return undefined;
  if (preset.algorithm === 'KMS') return { mode: 'SSE-KMS', kmsKeyId: preset.kmsMasterKeyId };
  return { mode: 'SSE-COS' };
}
