import { CosError } from '../../errors';
import type { EncryptionChoice } from '../../sse/encryption-choice';
import { Bucket } from '../bucket';
import { ObjectVersion } from '../model/object-version';
import { CosService } from '../service';
import { ObjectConditions } from './conditions';
import { CopySource, resolveCopySource } from './copy-source';
import { assertMayOverwrite, commitVersion, ObjectAttributes } from './put-object';
import { openBody, releaseBody, storeBody } from './store-body';

/** Whether a copy keeps the source's value or takes the request's (`Copy` / `Replaced`). */
export type CopyDirective = 'Copy' | 'Replaced';

export interface CopyObjectInput {
  /** Destination key, in the bucket the copy is called on. */
  key: string;
  source: CopySource;
  /** `x-cos-copy-source-If-*`. */
  conditions?: ObjectConditions;
  /** Content headers and user metadata: from the source (Copy) or the request (Replaced). */
  metadataDirective: CopyDirective;
  /** Tags: from the source (Copy) or the request (Replaced). */
  taggingDirective: CopyDirective;
  /**
   * What the request says. Storage class and ACL always come from here: the destination does
   * not inherit them from the source (reference 4.11).
   */
  attributes: ObjectAttributes;
  /** The destination's SSE, from the request headers; the bucket default applies otherwise. */
  encryption?: EncryptionChoice;
  /** SSE-C key for reading the source (`x-cos-copy-source-server-side-encryption-customer-*`). */
  sourceCustomerKey?: Buffer;
  forbidOverwrite?: boolean;
}

export interface CopyOutcome {
  /** The new destination version. */
  version: ObjectVersion;
  /** The source version that was read. */
  source: ObjectVersion;
}

/**
 * PUT Object - Copy. The source bytes stream through openBody into storeBody, so the source is
 * decrypted and the destination encrypted by the same seam as any other read and write.
 */
export async function copyObject(
  service: CosService,
  bucket: Bucket,
  input: CopyObjectInput,
): Promise<CopyOutcome> {
  const source = resolveCopySource(
    service,
    input.source,
    input.conditions,
    input.sourceCustomerKey,
  );
  assertNotPlainSelfCopy(bucket, input, source);
  assertMayOverwrite(bucket, input.key, input.forbidOverwrite);

  const bytes = source.body
    ? openBody(service, source.body, undefined, input.sourceCustomerKey)
    : Buffer.alloc(0);
  const body = await storeBody(service, bucket, bytes, {
    encryption: input.encryption,
    applyBucketDefault: true,
  });
  try {
    assertMayOverwrite(bucket, input.key, input.forbidOverwrite);
  } catch (error) {
    releaseBody(service, body);
    throw error;
  }

  const copiesMetadata = input.metadataDirective === 'Copy';
  const attributes: ObjectAttributes = {
    contentHeaders: copiesMetadata ? { ...source.contentHeaders } : input.attributes.contentHeaders,
    userMetadata: copiesMetadata ? { ...source.userMetadata } : input.attributes.userMetadata,
    storageClass: input.attributes.storageClass,
    acl: input.attributes.acl,
    tags:
      input.taggingDirective === 'Copy'
        ? source.tags.map((tag) => ({ ...tag }))
        : (input.attributes.tags ?? []),
  };
  const version = commitVersion(service, bucket, input.key, body, attributes, 'CopyObject');
  return { version, source };
}

/**
 * Copying the current version of a key onto itself changes nothing unless the metadata is
 * replaced (reference 4.11; the 400 code InvalidRequest is UNCONFIRMED for COS). Copying an older
 * version onto its key is allowed: that is how a version is restored.
 */
function assertNotPlainSelfCopy(bucket: Bucket, input: CopyObjectInput, source: ObjectVersion) {
  const sameKey = bucket.name === input.source.bucket && input.key === input.source.key;
  if (!sameKey || input.metadataDirective === 'Replaced') return;
  if (bucket.objects.latest(input.key) !== source) return;
  throw new CosError(
    'InvalidRequest',
    'This copy request is illegal because it copies an object onto itself without ' +
      'x-cos-metadata-directive: Replaced.',
  );
}
