import { resolveVersion } from '../core/objects/read-object';
import type { CosService } from '../core/service';
import { encryptionLabel } from './object-encryption';

/** An object version's bytes exactly as stored at rest, for tests that check encryption. */
export interface RawObject {
  bytes: Buffer;
  /** `none`, `SSE-COS`, `SSE-KMS` or `SSE-C`. */
  sse: string;
  kmsKeyId?: string;
}

/** The stored bytes of the latest (or the named) version of a key; CosErrors as GET Object. */
export function rawObject(
  service: CosService,
  bucketName: string,
  key: string,
  versionId?: string,
): RawObject {
  const bucket = service.getBucket(bucketName);
  const version = resolveVersion(bucket, key, versionId);
  const body = version.body;
  const bytes = body ? service.blobs.readSync(body.blob, 0, body.blob.size) : Buffer.alloc(0);
  return {
    bytes,
    sse: encryptionLabel(body?.encryption),
    kmsKeyId: body?.encryption?.kmsKeyId,
  };
}
