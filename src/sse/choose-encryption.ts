import type { Bucket } from '../core/bucket';
import type { CosService } from '../core/service';
import { CosError } from '../errors';
import type { BucketEncryption } from './bucket-encryption';
import type { EncryptionChoice } from './encryption-choice';
import type { ObjectEncryption } from './object-encryption';

/**
 * The encryption of a new object version (PUT, POST, Initiate, copy destination, first append,
 * origin fetch, inventory report): the request's own SSE headers win, else the bucket default
 * as it is now (reference 5.2). Objects written before the default was set keep what they had.
 */
export function chooseForNewWrite(
  bucket: Bucket,
  requested: EncryptionChoice | undefined,
): EncryptionChoice | undefined {
  return requested ?? fromBucketDefault(bucket.encryption);
}

/** What a bucket default (`/?encryption`) means for a new object. */
export function fromBucketDefault(
  encryption: BucketEncryption | undefined,
): EncryptionChoice | undefined {
  if (!encryption) return undefined;
  if (encryption.algorithm === 'AES256') return { mode: 'SSE-COS' };
  return { mode: 'SSE-KMS', kmsKeyId: encryption.kmsMasterKeyId };
}

/**
 * How a replica is protected (reference 5.2): an encrypted source keeps its protection and the
 * destination default does not apply; an unencrypted source gets the destination's default.
 * `verbatim` means the stored bytes and their key envelope are copied as they are (SSE-C: the
 * emulator never has the customer key, so the ciphertext travels unopened, as in S3).
 */
export type ReplicaEncryption =
  { kind: 'encrypt'; choice: EncryptionChoice | undefined } | { kind: 'verbatim' };

export function chooseForReplica(
  source: ObjectEncryption | undefined,
  destination: Bucket,
): ReplicaEncryption {
  if (!source) return { kind: 'encrypt', choice: fromBucketDefault(destination.encryption) };
  if (source.mode === 'SSE-C') return { kind: 'verbatim' };
  const kept = keepProtection(source);
  // CMKs are regional: across regions the replica uses the destination region's default CMK
  // (COS docs are silent on which key; S3 needs a replica key id in the rule instead).
  if (kept.mode === 'SSE-KMS' && source.region !== destination.region) delete kept.kmsKeyId;
  return { kind: 'encrypt', choice: kept };
}

/**
 * The choice that protects new bytes the way an existing version is protected: the same mode,
 * CMK and context; for SSE-C the same customer key, which the caller must present (an append to
 * an SSE-C object). Appends and replicas use it so a rewrite never silently changes protection.
 */
export function keepProtection(existing: ObjectEncryption, customerKey?: Buffer): EncryptionChoice {
  if (existing.mode === 'SSE-COS') return { mode: 'SSE-COS' };
  if (existing.mode === 'SSE-KMS') {
    return { mode: 'SSE-KMS', kmsKeyId: existing.kmsKeyId, context: existing.kmsContext };
  }
  if (!customerKey) {
    throw new CosError(
      'InvalidRequest',
      'The object is encrypted with SSE-C: the request must carry its key.',
    );
  }
  return { mode: 'SSE-C', customerKey, customerKeyMd5: existing.customerKeyMd5! };
}

/**
 * Checks a choice against KMS before any byte is stored, and pins an SSE-KMS choice to a CMK id
 * (the region's default CMK when none was named; aliases resolved). A CMK that does not exist in
 * the bucket's region, is disabled or pending deletion fails the write with its CosError.
 */
export function resolveEncryption(
  service: CosService,
  bucket: Bucket,
  choice: EncryptionChoice | undefined,
): EncryptionChoice | undefined {
  if (choice?.mode !== 'SSE-KMS') return choice;
  const keyId = choice.kmsKeyId ?? service.kms.defaultKeyId(bucket.region);
  return { ...choice, kmsKeyId: service.kms.usableKeyId(bucket.region, keyId) };
}

/**
 * The choice of a new write, checked and pinned: what Initiate Multipart Upload stores on the
 * upload, and what storeBody uses for every other write.
 */
export function decideEncryption(
  service: CosService,
  bucket: Bucket,
  requested: EncryptionChoice | undefined,
  applyBucketDefault = true,
): EncryptionChoice | undefined {
  const choice = applyBucketDefault ? chooseForNewWrite(bucket, requested) : requested;
  return resolveEncryption(service, bucket, choice);
}

/**
 * The encryption of an Upload Part: always the upload's, fixed at Initiate (SSE-COS/KMS headers
 * the SDK repeats on parts are ignored, reference 5.3). An SSE-C upload needs every part to
 * present the same customer key.
 */
export function chooseForPart(
  upload: EncryptionChoice | undefined,
  requested: EncryptionChoice | undefined,
): EncryptionChoice | undefined {
  if (upload?.mode !== 'SSE-C') return upload;
  if (requested?.mode !== 'SSE-C') {
    throw new CosError(
      'InvalidRequest',
      'The multipart upload was initiated with SSE-C: each part must carry the same key.',
    );
  }
  if (!requested.customerKey.equals(upload.customerKey)) {
    throw new CosError(
      'InvalidArgument',
      'The SSE-C key of this part differs from the key given at Initiate.',
    );
  }
  return upload;
}
