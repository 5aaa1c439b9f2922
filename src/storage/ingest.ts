import { createHash } from 'crypto';
import { Readable } from 'stream';
import { CosError } from '../errors';
import { Crc64 } from '../core/checksums/crc64';
import { BlobRef, BlobStore } from './blob-store';
import { drainRest, eachChunk } from './drain';

/**
 * Turns plaintext into bytes at rest (encryption plugs in here). `push` may hold bytes back and
 * return fewer (or none); `end` returns the rest.
 */
export interface ByteTransform {
  push(chunk: Buffer): Buffer | undefined;
  end(): Buffer | undefined;
}

export interface IngestOptions {
  /** Content-Length of the request; a shorter body is IncompleteBody. */
  expectedLength?: number;
  /** Content-MD5 header (base64 of 16 bytes), checked against the bytes received. */
  contentMd5?: string;
  /** Largest size accepted; more is EntityTooLarge. */
  maxSize?: number;
  transform?: ByteTransform;
}

/**
 * What a write stored: the blob at rest and the plaintext's size and checksums. Without a
 * transform it may be the blob store's own record, read-only and with accessors: copy its fields
 * by name, never by spreading it.
 */
export interface IngestedBody {
  readonly blob: BlobRef;
  readonly size: number;
  readonly md5: string;
  readonly crc64: string;
}

/**
 * Streams a request body into the blob store, hashing the plaintext on the way. On any failure
 * the partial blob is released, so nothing half-written stays behind, and the body is drained.
 */
export async function ingest(
  store: BlobStore,
  input: Readable | Buffer,
  options: IngestOptions = {},
): Promise<IngestedBody> {
  const expectedMd5 = options.contentMd5 === undefined ? undefined : parseMd5(options.contentMd5);
  // A declared length over the limit is refused before a byte is read (Node discards the body).
  if (options.maxSize !== undefined && (options.expectedLength ?? 0) > options.maxSize) {
    throw new CosError('EntityTooLarge');
  }
  const writer = store.createWriter();
  const md5 = createHash('md5');
  const crc = new Crc64();
  let size = 0;

  const accept = (chunk: Buffer) => {
    size += chunk.length;
    if (options.maxSize !== undefined && size > options.maxSize) {
      throw new CosError('EntityTooLarge');
    }
    md5.update(chunk);
    crc.update(chunk);
    const stored = options.transform ? options.transform.push(chunk) : chunk;
    if (stored && stored.length > 0) writer.write(stored);
  };

  try {
    if (Buffer.isBuffer(input)) accept(input);
    else await eachChunk(input, accept);
    const tail = options.transform?.end();
    if (tail && tail.length > 0) writer.write(tail);

    if (options.expectedLength !== undefined && size < options.expectedLength) {
      throw new CosError('IncompleteBody');
    }
    const digest = md5.digest();
    if (expectedMd5 && !digest.equals(expectedMd5)) throw new CosError('BadDigest');
    const md5Hex = digest.toString('hex');
    if (!options.transform) return writer.finishPlain(md5Hex, crc);
    return { blob: writer.finish(), size, md5: md5Hex, crc64: crc.digest() };
  } catch (error) {
    writer.abort();
    // A refusal mid-body (EntityTooLarge) is answered once the rest is read, not by a reset.
    if (input instanceof Readable) await drainRest(input);
    throw error;
  }
}

/** Content-MD5 must be the base64 of 16 bytes, else InvalidDigest (checked before reading). */
export function parseMd5(header: string): Buffer {
  const bytes = Buffer.from(header, 'base64');
  if (bytes.length !== 16 || bytes.toString('base64') !== header.trim()) {
    throw new CosError('InvalidDigest');
  }
  return bytes;
}
