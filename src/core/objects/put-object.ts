import { Readable } from 'stream';
import { CosError } from '../../errors';
import { Bucket } from '../bucket';
import { newVersionId } from '../ids';
import {
  ContentHeaders,
  NULL_VERSION_ID,
  ObjectAcl,
  ObjectVersion,
  StoredBody,
  Tag,
} from '../model/object-version';
import { createObjectVersion } from '../model/version-record';
import { CosService } from '../service';
import { etagOf, releaseBody, storeBody, StoreBodyOptions } from './store-body';

/** What a write says about the new object besides its bytes. */
export interface ObjectAttributes {
  contentHeaders: ContentHeaders;
  userMetadata: Record<string, string>;
  storageClass?: string;
  acl?: ObjectAcl;
  tags?: Tag[];
}

export interface PutObjectInput extends ObjectAttributes, StoreBodyOptions {
  key: string;
  body: Readable | Buffer;
  /** `x-cos-forbid-overwrite: true`: refuse to replace an existing object. */
  forbidOverwrite?: boolean;
}

/** PUT Object: stores the bytes, then makes them the latest version of the key. */
export async function putObject(
  service: CosService,
  bucket: Bucket,
  input: PutObjectInput,
): Promise<ObjectVersion> {
  assertMayOverwrite(bucket, input.key, input.forbidOverwrite);
  const body = await storeBody(service, bucket, input.body, input);
  try {
    // Checked again: another write may have created the key while these bytes streamed in.
    assertMayOverwrite(bucket, input.key, input.forbidOverwrite);
  } catch (error) {
    releaseBody(service, body);
    throw error;
  }
  return commitVersion(service, bucket, input.key, body, input, 'PutObject');
}

/**
 * `x-cos-forbid-overwrite: true` only counts in buckets where versioning was never enabled
 * (reference 4.7). The 409 code is UNCONFIRMED for COS; PathConflict is the catalogue's 409
 * that says "conflicts with an existing object".
 */
export function assertMayOverwrite(bucket: Bucket, key: string, forbidOverwrite?: boolean): void {
  if (!forbidOverwrite || bucket.versioning !== '') return;
  if (bucket.objects.currentObject(key)) {
    throw new CosError(
      'PathConflict',
      'The object already exists and x-cos-forbid-overwrite is set.',
    );
  }
}

/**
 * Makes stored bytes the latest version of a key, under the bucket's versioning rules, and tells
 * the features that listen for new objects. Shared by every write path.
 */
export function commitVersion(
  service: CosService,
  bucket: Bucket,
  key: string,
  body: StoredBody,
  attributes: ObjectAttributes,
  via: string,
  etag = etagOf(body),
): ObjectVersion {
  const version = createObjectVersion({
    key,
    versionId: bucket.versioning === 'Enabled' ? newVersionId() : NULL_VERSION_ID,
    isDeleteMarker: false,
    lastModified: service.clock.now(),
    etag,
    size: body.size,
    body,
    contentHeaders: attributes.contentHeaders,
    userMetadata: attributes.userMetadata,
    storageClass: attributes.storageClass ?? 'STANDARD',
    acl: attributes.acl,
    tags: attributes.tags ?? [],
  });
  const replaced = bucket.objects.add(version, bucket.versioning);
  releaseBody(service, replaced?.body);
  service.events.emit('objectCreated', { bucket, version, via });
  return version;
}
