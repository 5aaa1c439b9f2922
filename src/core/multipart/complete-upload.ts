import { CosError } from '../../errors';
import { Bucket } from '../bucket';
import { ObjectVersion } from '../model/object-version';
import { assertMayOverwrite, commitVersion } from '../objects/put-object';
import { releaseBody } from '../objects/store-body';
import { CosService } from '../service';
import { composeBody, multipartEtag } from './compose-body';
import { MultipartUpload, UploadedPart } from './multipart-upload';

/** A part as the Complete request lists it. */
export interface CompletedPart {
  partNumber: number;
  /** As sent: quoted or bare. */
  etag: string;
}

export interface CompleteUploadOptions {
  forbidOverwrite?: boolean;
}

const MIN_PART_BYTES = 1024 * 1024;

/**
 * Complete Multipart Upload (reference 4.14): checks the listed parts, joins them into the
 * object and commits it as the key's latest version. Parts uploaded but not listed are freed.
 */
export async function completeUpload(
  service: CosService,
  bucket: Bucket,
  upload: MultipartUpload,
  listed: ReadonlyArray<CompletedPart>,
  options: CompleteUploadOptions = {},
): Promise<ObjectVersion> {
  const parts = selectParts(upload, listed);
  assertMayOverwrite(bucket, upload.key, options.forbidOverwrite);

  // Taken out first: parts still streaming in now fail with NoSuchUpload and free their bytes.
  bucket.uploads.delete(upload.uploadId);
  let body;
  try {
    body = await composeBody(service, bucket, upload, parts);
  } catch (error) {
    bucket.uploads.add(upload);
    throw error;
  }
  const used = new Set(parts);
  for (const part of upload.parts.values()) if (!used.has(part)) releaseBody(service, part.body);
  upload.parts.clear();

  const etag = multipartEtag(parts);
  return commitVersion(service, bucket, upload.key, body, upload, 'CompleteMultipartUpload', etag);
}

/**
 * The uploaded parts the request names, after COS's checks: ascending order (InvalidPartOrder),
 * each part uploaded with that ETag and the numbers consecutive (InvalidPart), every part but
 * the last at least 1 MB (EntityTooSmall).
 */
function selectParts(
  upload: MultipartUpload,
  listed: ReadonlyArray<CompletedPart>,
): UploadedPart[] {
  if (listed.length === 0) {
    throw new CosError('MalformedXML', 'The request must list at least one part.');
  }
  for (let i = 1; i < listed.length; i++) {
    if (listed[i].partNumber <= listed[i - 1].partNumber) throw new CosError('InvalidPartOrder');
  }

  const parts = listed.map((entry) => {
    const part = upload.parts.get(entry.partNumber);
    if (!part || part.etag !== unquote(entry.etag)) {
      const message = `Part ${entry.partNumber} was not uploaded with that ETag.`;
      throw new CosError('InvalidPart', message);
    }
    return part;
  });
  for (let i = 1; i < parts.length; i++) {
    if (parts[i].partNumber !== parts[i - 1].partNumber + 1) {
      throw new CosError('InvalidPart', 'The part numbers must be consecutive.');
    }
  }
  for (let i = 0; i < parts.length - 1; i++) {
    if (parts[i].size < MIN_PART_BYTES) {
      throw new CosError('EntityTooSmall', `Part ${parts[i].partNumber} is smaller than 1 MB.`);
    }
  }
  return parts;
}

function unquote(etag: string): string {
  return etag
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
}
