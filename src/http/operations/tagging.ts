import { MAX_BUCKET_TAGS, MAX_OBJECT_TAGS, validateTagSet } from '../../core/buckets/tag-set';
import { Tag } from '../../core/model/object-version';
import { resolveVersion } from '../../core/objects/read-object';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { readXmlBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';

export async function putBucketTagging(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  bucket.tags = validateTagSet(await readTagging(ctx), MAX_BUCKET_TAGS);
  sendEmpty(ctx, 200);
}

/** GET Bucket tagging; a bucket without tags is 404 NoSuchTagSet, as COS answers. */
export async function getBucketTagging(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  if (bucket.tags.length === 0) throw new CosError('NoSuchTagSet');
  sendTagging(ctx, bucket.tags);
}

export async function deleteBucketTagging(ctx: RequestContext): Promise<void> {
  ctx.bucket().tags = [];
  sendEmpty(ctx, 204);
}

/** PUT Object tagging, of the latest version or the one `versionId` names. */
export async function putObjectTagging(ctx: RequestContext): Promise<void> {
  const versionId = ctx.query.get('versionId');
  const version = resolveVersion(ctx.bucket(), ctx.key(), versionId);
  version.tags = validateTagSet(await readTagging(ctx), MAX_OBJECT_TAGS);
  sendEmpty(ctx, 200, { 'x-cos-version-id': versionId });
}

/** GET Object tagging: an object without tags has an empty TagSet (200, not 404). */
export async function getObjectTagging(ctx: RequestContext): Promise<void> {
  const versionId = ctx.query.get('versionId');
  const version = resolveVersion(ctx.bucket(), ctx.key(), versionId);
  sendTagging(ctx, version.tags, { 'x-cos-version-id': versionId });
}

export async function deleteObjectTagging(ctx: RequestContext): Promise<void> {
  const versionId = ctx.query.get('versionId');
  const version = resolveVersion(ctx.bucket(), ctx.key(), versionId);
  version.tags = [];
  sendEmpty(ctx, 204, { 'x-cos-version-id': versionId });
}

async function readTagging(ctx: RequestContext): Promise<Tag[]> {
  const document = await readXmlBody(ctx, 'Tagging');
  const tagSet = document.child('TagSet');
  if (!tagSet) throw new CosError('MalformedXML', 'Missing element <TagSet>.');
  return tagSet.all('Tag').map((tag) => ({
    key: tag.requireText('Key'),
    value: tag.textOf('Value') ?? '',
  }));
}

function sendTagging(
  ctx: RequestContext,
  tags: Tag[],
  headers: Record<string, string | undefined> = {},
): void {
  const tagSet = tags.length > 0 ? { Tag: tags.map((t) => ({ Key: t.key, Value: t.value })) } : '';
  sendXml(ctx, 'Tagging', { TagSet: tagSet }, headers);
}
