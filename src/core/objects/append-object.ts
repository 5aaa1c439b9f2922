import { createHash, Hash } from 'crypto';
import { Readable } from 'stream';
import { CosError } from '../../errors';
import { chunksOf } from '../../storage/drain';
import { parseMd5 } from '../../storage/ingest';
import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';
import { Crc64 } from '../checksums/crc64';
import { copyBody, ObjectVersion, StoredBody } from '../model/object-version';
import { changedVersion } from '../model/version-record';
import { CosService } from '../service';
import { commitVersion, ObjectAttributes } from './put-object';
import { keepProtection } from '../../sse/choose-encryption';
import { assertReadable, etagOf, openBody, releaseBody, storeBody } from './store-body';

const MAX_APPENDABLE_BYTES = 5 * 1024 ** 3;

export interface AppendObjectInput {
  key: string;
  position: number;
  body: Readable | Buffer;
  /** Content-Length of the appended bytes; fewer is IncompleteBody. */
  expectedLength?: number;
  contentMd5?: string;
  encryption?: EncryptionChoice;
  /** The SSE-C key, needed to extend an object encrypted with one. */
  customerKey?: Buffer;
  /** Used when the append creates the object; later appends keep the first one's. */
  attributes: ObjectAttributes;
}

export interface AppendResult {
  version: ObjectVersion;
  /** Hex SHA-1 of the bytes this request appended (`x-cos-content-sha1`). */
  appendedSha1: string;
}

/**
 * The MD5 state of each appendable object's whole plaintext, so that the next append extends it
 * instead of re-reading the object. Keyed by version, so it goes when the version goes.
 */
const wholeMd5 = new WeakMap<ObjectVersion, Hash>();

/**
 * Append Object (reference 4.16): position 0 creates an appendable object; later appends must
 * start at its length. The object's protection is fixed by the append that creates it (its SSE
 * headers, else the bucket default), as an upload's is fixed at Initiate. Plaintext objects grow
 * without copying: the new body is the old extents followed by the new ones. An encrypted object
 * is rewritten whole under its own encryption, since sealed chunks cannot be concatenated.
 * Buckets that have ever had versioning are refused, as COS refuses them.
 */
export async function appendObject(
  service: CosService,
  bucket: Bucket,
  input: AppendObjectInput,
): Promise<AppendResult> {
  // InvalidBucketState is the code COS and S3 use for "not allowed in this bucket's state".
  if (bucket.versioning !== '') {
    throw new CosError('InvalidBucketState', 'Append is not supported in versioned buckets.');
  }
  const previous = checkPosition(bucket, input.key, input.position);
  const expectedMd5 = input.contentMd5 === undefined ? undefined : parseMd5(input.contentMd5);

  const protection = previous?.body?.encryption;
  const rewrite = previous !== undefined && protection !== undefined;
  const room = MAX_APPENDABLE_BYTES - (previous?.size ?? 0);
  // A declared length over the limit is refused before a byte is read.
  if ((input.expectedLength ?? 0) > room) throw new CosError('EntityTooLarge');

  const tap = new AppendTap(previous);
  const appended = tap.pipe(input.body);
  const source = rewrite
    ? Readable.from(concatenate(openPrevious(service, previous, input.customerKey), appended))
    : appended;
  const stored = await storeBody(service, bucket, source, {
    encryption: protection
      ? keepProtection(protection, input.customerKey)
      : previous
        ? undefined
        : input.encryption,
    applyBucketDefault: previous === undefined,
    // A rewrite stores the old bytes again with the new ones: its limit is on the whole.
    maxSize: rewrite ? MAX_APPENDABLE_BYTES : room,
  });

  try {
    tap.check(input.expectedLength, expectedMd5);
    // Another append may have landed while these bytes streamed in.
    if (bucket.objects.currentObject(input.key) !== previous) {
      throw appendPositionError(bucket.objects.currentObject(input.key)?.size ?? 0);
    }
  } catch (error) {
    releaseBody(service, stored);
    throw error;
  }

  const joined = rewrite || !previous?.body ? stored : joinBodies(previous.body, stored);
  const body = withChecksums(joined, tap.wholeMd5.copy().digest('hex'), tap.wholeCrc.digest());
  const version = commitAppend(service, bucket, input, previous, body);
  if (rewrite) releaseBody(service, previous.body);
  wholeMd5.set(version, tap.wholeMd5);
  return { version, appendedSha1: tap.sha1.digest('hex') };
}

function checkPosition(bucket: Bucket, key: string, position: number): ObjectVersion | undefined {
  const current = bucket.objects.currentObject(key);
  if (current && !current.appendable) throw new CosError('ObjectNotAppendable');
  const length = current?.size ?? 0;
  if (position !== length) throw appendPositionError(length);
  return current;
}

function appendPositionError(length: number): CosError {
  return new CosError(
    'AppendPositionErr',
    undefined,
    {},
    {
      'x-cos-next-append-position': String(length),
    },
  );
}

function commitAppend(
  service: CosService,
  bucket: Bucket,
  input: AppendObjectInput,
  previous: ObjectVersion | undefined,
  body: StoredBody,
): ObjectVersion {
  if (!previous) {
    const created = commitVersion(service, bucket, input.key, body, input.attributes, 'Append');
    created.appendable = true;
    return created;
  }
  // The old body's extents now belong to the new one: the old version is replaced, not freed.
  const grown = changedVersion(previous, {
    body,
    size: body.size,
    etag: etagOf(body),
    lastModified: service.clock.now(),
  });
  bucket.objects.replace(grown);
  service.events.emit('objectCreated', { bucket, version: grown, via: 'Append' });
  return grown;
}

function joinBodies(old: StoredBody, added: StoredBody): StoredBody {
  const size = old.size + added.size;
  const blob = { size, extents: [...old.blob.extents, ...added.blob.extents] };
  return { ...copyBody(old), blob, size };
}

function withChecksums(body: StoredBody, md5: string, crc64: string): StoredBody {
  return { ...copyBody(body), md5, crc64 };
}

function openPrevious(service: CosService, version: ObjectVersion, key?: Buffer): Readable {
  if (!version.body) return Readable.from([]);
  assertReadable(service, version.body, key);
  return openBody(service, version.body, undefined, key);
}

async function* concatenate(first: Readable, second: AsyncIterable<Buffer>) {
  for await (const chunk of first) yield chunk as Buffer;
  yield* second;
}

/** Hashes the appended bytes on their way in: their own MD5/SHA-1, and the whole object's. */
class AppendTap {
  readonly md5 = createHash('md5');
  readonly sha1 = createHash('sha1');
  readonly wholeMd5: Hash;
  readonly wholeCrc: Crc64;
  size = 0;

  constructor(previous: ObjectVersion | undefined) {
    this.wholeMd5 = (previous && wholeMd5.get(previous)?.copy()) ?? createHash('md5');
    this.wholeCrc = previous?.body ? Crc64.resume(previous.body.crc64) : new Crc64();
  }

  pipe(input: Readable | Buffer): Readable {
    // A refused append stops reading without destroying the request, which is then drained.
    const source: Iterable<Buffer> | AsyncIterable<Buffer> = Buffer.isBuffer(input)
      ? [input]
      : chunksOf(input);
    const tap = this;
    return Readable.from(
      (async function* () {
        for await (const chunk of source) {
          tap.update(chunk as Buffer);
          yield chunk as Buffer;
        }
      })(),
    );
  }

  check(expectedLength?: number, expectedMd5?: Buffer): void {
    if (expectedLength !== undefined && this.size < expectedLength) {
      throw new CosError('IncompleteBody');
    }
    if (expectedMd5 && !this.md5.copy().digest().equals(expectedMd5)) {
      throw new CosError('BadDigest');
    }
  }

  private update(chunk: Buffer): void {
    this.size += chunk.length;
    this.md5.update(chunk);
    this.sha1.update(chunk);
    this.wholeMd5.update(chunk);
    this.wholeCrc.update(chunk);
  }
}
