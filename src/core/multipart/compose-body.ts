import { createHash } from 'crypto';
import { Readable } from 'stream';
import { BlobRef } from '../../storage/blob-store';
import { Bucket } from '../bucket';
import { StoredBody } from '../model/object-version';
import { openBody, releaseBody, storeBody } from '../objects/store-body';
import { CosService } from '../service';
import { combineCrc64 } from './crc64-combine';
import { MultipartUpload, UploadedPart } from './multipart-upload';

/** `"<md5 of the parts' binary MD5s>-<N>"` (unquoted), the S3 multipart ETag form. */
export function multipartEtag(parts: ReadonlyArray<UploadedPart>): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(Buffer.from(part.etag, 'hex'));
  return `${hash.digest('hex')}-${parts.length}`;
}

/**
 * The object's body made of the parts, in order. The parts' bytes now belong to the body.
 *
 * Plaintext parts are joined without copying a byte: the blob's extents are the parts' extents
 * and the CRC-64 is combined from the parts' CRCs. The MD5 of the whole plaintext is then never
 * computed, so `md5` holds the multipart ETag instead (nothing reads it as a digest).
 *
 * Encrypted parts each carry their own data key and nonces, which one body cannot describe, so
 * they are decrypted and stored again as one body with the upload's encryption (one copy of the
 * bytes, at Complete) and the parts are freed.
 */
export async function composeBody(
  service: CosService,
  bucket: Bucket,
  upload: MultipartUpload,
  parts: ReadonlyArray<UploadedPart>,
): Promise<StoredBody> {
  if (parts.every((part) => !part.body.encryption)) return joinPlaintext(parts);

  const encryption = upload.encryption;
  const customerKey = encryption?.mode === 'SSE-C' ? encryption.customerKey : undefined;
  const body = await storeBody(service, bucket, concatenate(service, parts, customerKey), {
    encryption: upload.encryption,
    applyBucketDefault: false,
  });
  for (const part of parts) releaseBody(service, part.body);
  return body;
}

function joinPlaintext(parts: ReadonlyArray<UploadedPart>): StoredBody {
  const size = parts.reduce((total, part) => total + part.size, 0);
  const blob: BlobRef = { size, extents: parts.flatMap((part) => part.body.blob.extents) };
  return {
    blob,
    size,
    md5: multipartEtag(parts),
    crc64: combineCrc64(parts.map((part) => part.body)),
  };
}

/**
 * The parts' plaintext one after another, opening each only when the previous one ends. Opening
 * can fail at once (a CMK disabled since the part was stored): the generator only runs once the
 * store reads, so the failure reaches it through the stream instead of an unheard 'error' event.
 */
function concatenate(
  service: CosService,
  parts: ReadonlyArray<UploadedPart>,
  customerKey: Buffer | undefined,
): Readable {
  async function* plaintext(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      for await (const chunk of openBody(service, part.body, undefined, customerKey)) {
        yield chunk as Buffer;
      }
    }
  }
  return Readable.from(plaintext(), { objectMode: false });
}
