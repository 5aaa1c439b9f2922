import { Readable } from 'stream';
import { resolveVersion } from '../core/objects/read-object';
import type { StoredBody } from '../core/model/object-version';
import type { CosService } from '../core/service';
import { encryptionLabel } from './object-encryption';

/** How an object version is stored at rest, for tests that check encryption. */
export interface RawObjectInfo {
  /** `none`, `SSE-COS`, `SSE-KMS` or `SSE-C`. */
  sse: string;
  kmsKeyId?: string;
}

/** An object version's bytes exactly as stored at rest. */
export interface RawObject extends RawObjectInfo {
  bytes: Buffer;
}

/** The same, as a stream: the control endpoint never holds a whole blob in memory. */
export interface RawObjectStream extends RawObjectInfo {
  size: number;
  stream: Readable;
}

/** The stored bytes of the latest (or the named) version of a key; CosErrors as GET Object. */
export function rawObject(
  service: CosService,
  bucketName: string,
  key: string,
  versionId?: string,
): RawObject {
  const body = storedBody(service, bucketName, key, versionId);
  const bytes = body ? service.blobs.readSync(body.blob, 0, body.blob.size) : Buffer.alloc(0);
  return { bytes, ...describe(body) };
}

/** As rawObject, streaming the stored bytes. */
export function openRawObject(
  service: CosService,
  bucketName: string,
  key: string,
  versionId?: string,
): RawObjectStream {
  const body = storedBody(service, bucketName, key, versionId);
  const size = body?.blob.size ?? 0;
  const stream = body ? service.blobs.read(body.blob, 0, size) : Readable.from([]);
  return { size, stream, ...describe(body) };
}

function storedBody(
  service: CosService,
  bucketName: string,
  key: string,
  versionId: string | undefined,
): StoredBody | undefined {
  const bucket = service.getBucket(bucketName);
  return resolveVersion(bucket, key, versionId).body;
}

function describe(body: StoredBody | undefined): RawObjectInfo {
  return { sse: encryptionLabel(body?.encryption), kmsKeyId: body?.encryption?.kmsKeyId };
}
