import { Readable } from 'stream';
import { CosError } from '../../errors';
import { Bucket } from '../bucket';
import { releaseBody, storeBody, StoreBodyOptions } from '../objects/store-body';
import { CosService } from '../service';
import { MultipartUpload, UploadedPart } from './multipart-upload';
import { isInProgress } from './upload-lifecycle';

export const MIN_PART_NUMBER = 1;
export const MAX_PART_NUMBER = 10000;
export const MAX_PART_BYTES = 5 * 1024 ** 3;

export type PartBodyOptions = Omit<StoreBodyOptions, 'encryption' | 'applyBucketDefault'>;

/**
 * Upload Part: stores the bytes with the upload's encryption and makes them part N, replacing
 * (and freeing) an earlier part N. If the upload was completed or aborted while the bytes
 * streamed in, they are freed and the answer is NoSuchUpload.
 */
export async function uploadPart(
  service: CosService,
  bucket: Bucket,
  upload: MultipartUpload,
  partNumber: number,
  bytes: Readable | Buffer,
  options: PartBodyOptions = {},
): Promise<UploadedPart> {
  assertPartNumber(partNumber);
  const body = await storeBody(service, bucket, bytes, {
    maxSize: MAX_PART_BYTES,
    ...options,
    encryption: upload.encryption,
    applyBucketDefault: false,
  });
  if (!isInProgress(bucket, upload)) {
    releaseBody(service, body);
    throw new CosError('NoSuchUpload');
  }

  const part: UploadedPart = {
    partNumber,
    etag: body.md5,
    size: body.size,
    lastModified: service.clock.now(),
    body,
  };
  const replaced = upload.parts.get(partNumber);
  upload.parts.set(partNumber, part);
  releaseBody(service, replaced?.body);
  return part;
}

export function assertPartNumber(partNumber: number): void {
  const inRange = partNumber >= MIN_PART_NUMBER && partNumber <= MAX_PART_NUMBER;
  if (!Number.isInteger(partNumber) || !inRange) {
    throw new CosError(
      'InvalidArgument',
      `Part number must be an integer between ${MIN_PART_NUMBER} and ${MAX_PART_NUMBER}.`,
    );
  }
}
