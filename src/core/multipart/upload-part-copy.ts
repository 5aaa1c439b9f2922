import { CosError } from '../../errors';
import { chooseForPart } from '../../sse/choose-encryption';
import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';
import { ObjectVersion } from '../model/object-version';
import { ObjectConditions } from '../objects/conditions';
import { CopySource, resolveCopySource } from '../objects/copy-source';
import { ByteRange, openBody } from '../objects/store-body';
import { CosService } from '../service';
import { MultipartUpload, UploadedPart } from './multipart-upload';
import { assertPartNumber, uploadPart } from './upload-part';

export interface PartCopyInput {
  partNumber: number;
  source: CopySource;
  /** `x-cos-copy-source-range`: `bytes=first-last`, inclusive; absent copies the whole source. */
  range?: string;
  conditions?: ObjectConditions;
  /** SSE-C key of the source (`x-cos-copy-source-server-side-encryption-customer-*`). */
  sourceCustomerKey?: Buffer;
  /** The destination SSE the request carries: an SSE-C upload needs its key on every part. */
  encryption?: EncryptionChoice;
}

export interface PartCopyOutcome {
  part: UploadedPart;
  source: ObjectVersion;
}

/**
 * Upload Part - Copy: part N becomes a range of an existing object. The source is read through
 * openBody and stored through the same path as an uploaded part, so encryption on either side
 * is handled by the one seam.
 */
export async function copyPart(
  service: CosService,
  bucket: Bucket,
  upload: MultipartUpload,
  input: PartCopyInput,
): Promise<PartCopyOutcome> {
  assertPartNumber(input.partNumber);
  chooseForPart(upload.encryption, input.encryption);

  const source = resolveCopySource(
    service,
    input.source,
    input.conditions,
    input.sourceCustomerKey,
  );
  const range = parseCopyRange(input.range, source.size);
  const bytes = source.body
    ? openBody(service, source.body, range, input.sourceCustomerKey)
    : Buffer.alloc(0);
  const part = await uploadPart(service, bucket, upload, input.partNumber, bytes);
  return { part, source };
}

const COPY_RANGE = /^bytes=(\d+)-(\d+)$/;

/**
 * A copy range must be one explicit `bytes=first-last` inside the source. The error for a bad
 * one is UNCONFIRMED for COS; S3 answers 400 InvalidArgument, which we follow.
 */
export function parseCopyRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = COPY_RANGE.exec(header.trim());
  const first = match ? Number(match[1]) : NaN;
  const last = match ? Number(match[2]) : NaN;
  if (!match || first > last || last >= size) {
    throw new CosError(
      'InvalidArgument',
      `The x-cos-copy-source-range ${header} is not valid for a source of ${size} bytes.`,
    );
  }
  return { start: first, end: last + 1 };
}
