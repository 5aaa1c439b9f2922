import { Readable } from 'stream';
import { ingest, IngestOptions } from '../../storage/ingest';
import { createChunkSealer, openSealedRange } from '../../sse/chunk-cipher';
import { chooseForReplica, decideEncryption } from '../../sse/choose-encryption';
import { checkCustomerKey, newDataKey, openDataKey } from '../../sse/data-keys';
import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';
import { copyBody, StoredBody } from '../model/object-version';
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
 * applies. The encryption (explicit, else the bucket default) is decided and checked against KMS
 * before the first byte is read, so a refused key never leaves a half-written body.
 */
export async function storeBody(
  service: CosService,
  bucket: Bucket,
  input: Readable | Buffer,
  options: StoreBodyOptions = {},
): Promise<StoredBody> {
  const { encryption: requested, applyBucketDefault, ...ingestOptions } = options;
  const choice = decideEncryption(service, bucket, requested, applyBucketDefault !== false);
  // Plaintext at rest: the blob store's record is the body itself (one record per small object).
  if (!choice) return ingest(service.blobs, input, ingestOptions);

  const { dataKey, encryption } = newDataKey(service, bucket.region, choice);
  const transform = createChunkSealer(dataKey, encryption.noncePrefix);
  const stored = await ingest(service.blobs, input, { ...ingestOptions, transform });
  return { blob: stored.blob, size: stored.size, md5: stored.md5, crc64: stored.crc64, encryption };
}

/**
 * Checks, before any header is sent, that a body can be read: the right SSE-C key is presented,
 * the KMS key is usable. Throws the CosError a GET or HEAD must answer.
 */
export function assertReadable(service: CosService, body: StoredBody, customerKey?: Buffer): void {
  checkCustomerKey(body.encryption, customerKey);
  if (body.encryption) openDataKey(service, body.encryption, customerKey);
}

/**
 * The plaintext of a stored body, or a range of it. Key problems throw here, synchronously; a
 * stored chunk that fails its integrity check destroys the stream with a CosError (after the
 * headers went out, the pipeline then cuts the connection: never garbage).
 */
export function openBody(
  service: CosService,
  body: StoredBody,
  range?: ByteRange,
  customerKey?: Buffer,
): Readable {
  const start = range?.start ?? 0;
  const end = range?.end ?? body.size;
  if (!body.encryption) {
    checkCustomerKey(undefined, customerKey);
    return service.blobs.read(body.blob, start, end);
  }
  const dataKey = openDataKey(service, body.encryption, customerKey);
  return openSealedRange({
    read: (from, to) => service.blobs.readSync(body.blob, from, to),
    dataKey,
    noncePrefix: body.encryption.noncePrefix,
    plainSize: body.size,
    start,
    end,
  });
}

/**
 * The body of a replica in `destination` (reference 5.2): an encrypted source keeps its
 * protection, an unencrypted one gets the destination's default. An SSE-C source is copied as
 * stored bytes, unopened: the emulator never has the customer key, and its key envelope is not
 * bound to a region, so the same key still reads the replica.
 */
export async function replicateBody(
  service: CosService,
  source: StoredBody,
  destination: Bucket,
): Promise<StoredBody> {
  const plan = chooseForReplica(source.encryption, destination);
  if (plan.kind === 'verbatim') {
    const stored = await ingest(service.blobs, service.blobs.read(source.blob));
    return { ...copyBody(source), blob: stored.blob };
  }
  return storeBody(service, destination, openBody(service, source), {
    encryption: plan.choice,
    applyBucketDefault: false,
  });
}

/** The ETag a version of this body shows: the MD5, except for SSE-KMS and SSE-C (reference 5.4). */
export function etagOf(body: StoredBody): string {
  return body.encryption?.etag ?? body.md5;
}

/** Gives the bytes of a body back to the blob store. */
export function releaseBody(service: CosService, body: StoredBody | undefined): void {
  if (body) service.blobs.release(body.blob);
}
