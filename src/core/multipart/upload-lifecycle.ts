import { CosError } from '../../errors';
import { decideEncryption } from '../../sse/choose-encryption';
import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';
import { newUploadId } from '../ids';
import { ObjectAttributes } from '../objects/put-object';
import { releaseBody } from '../objects/store-body';
import { CosService } from '../service';
import { MultipartUpload } from './multipart-upload';

export interface InitiateUploadInput extends ObjectAttributes {
  key: string;
  /** The SSE the Initiate request asked for; the bucket default applies otherwise. */
  encryption?: EncryptionChoice;
}

/**
 * Initiate Multipart Upload: the object's attributes and encryption are fixed here. The
 * encryption is the request's, else the bucket default as it is now, checked against KMS; every
 * part is stored with exactly it, so a default changed mid-upload cannot split the parts.
 */
export function initiateUpload(
  service: CosService,
  bucket: Bucket,
  input: InitiateUploadInput,
): MultipartUpload {
  const upload: MultipartUpload = {
    uploadId: newUploadId(),
    key: input.key,
    initiated: service.clock.now(),
    storageClass: input.storageClass ?? 'STANDARD',
    contentHeaders: input.contentHeaders,
    userMetadata: input.userMetadata,
    acl: input.acl,
    tags: input.tags ?? [],
    encryption: decideEncryption(service, bucket, input.encryption),
    parts: new Map(),
  };
  bucket.uploads.add(upload);
  return upload;
}

/** The upload an uploadId names, which must be for this key; otherwise 404 NoSuchUpload. */
export function getUpload(
  bucket: Bucket,
  key: string,
  uploadId: string | undefined,
): MultipartUpload {
  const upload = uploadId === undefined ? undefined : bucket.uploads.get(uploadId);
  if (!upload || upload.key !== key) throw new CosError('NoSuchUpload');
  return upload;
}

/** Abort Multipart Upload: forgets the upload and gives its parts' bytes back. */
export function abortUpload(service: CosService, bucket: Bucket, upload: MultipartUpload): void {
  bucket.uploads.delete(upload.uploadId);
  for (const part of upload.parts.values()) releaseBody(service, part.body);
  upload.parts.clear();
}

/** Whether the upload is still in progress (not completed or aborted meanwhile). */
export function isInProgress(bucket: Bucket, upload: MultipartUpload): boolean {
  return bucket.uploads.get(upload.uploadId) === upload;
}
