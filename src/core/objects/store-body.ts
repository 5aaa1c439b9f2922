import { Readable } from 'stream';
import { ingest, IngestOptions } from '../../storage/ingest';
import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';
import { StoredBody } from '../model/object-version';
import { CosService } from '../service';

export interface StoreBodyOptions extends Omit<IngestOptions, 'transform'> {
  /** The encryption the request asked for explicitly (its SSE headers). */
  encryption?: EncryptionChoice;
  /**
   * Whether the bucket's default encryption applies when `encryption` is absent. True for new
   * writes; false where the encryption was fixed earlier (parts of an upload fixed at Initiate).
   */
  applyBucketDefault?: boolean;
}

/** Byte range [start, end) of the plaintext. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Every write path (PUT, POST, part, copy, append, origin fetch, replication) stores bytes through
 * here, and every read opens them through `openBody`: the one seam where encryption at rest
 * applies.
 */
export async function storeBody(
  service: CosService,
  bucket: Bucket,
  input: Readable | Buffer,
  options: StoreBodyOptions = {},
): Promise<StoredBody> {
  const stored = await ingest(service.blobs, input, options);
  return { blob: stored.blob, size: stored.size, md5: stored.md5, crc64: stored.crc64 };
}

/**
 * Checks, before any header is sent, that a body can be read: the right SSE-C key is presented,
 * the KMS key is usable. Throws the CosError a GET or HEAD must answer.
 */
export function assertReadable(
  _service: CosService,
  _body: StoredBody,
  _customerKey?: Buffer,
): void {}

/** The plaintext of a stored body, or a range of it. */
export function openBody(
  service: CosService,
  body: StoredBody,
  range?: ByteRange,
  _customerKey?: Buffer,
): Readable {
  return service.blobs.read(body.blob, range?.start ?? 0, range?.end ?? body.size);
}

/** Gives the bytes of a body back to the blob store. */
export function releaseBody(service: CosService, body: StoredBody | undefined): void {
  if (body) service.blobs.release(body.blob);
}
