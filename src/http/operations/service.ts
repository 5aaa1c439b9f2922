import { Bucket } from '../../core/bucket';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { isoSeconds, sendXml } from '../respond';
import { XmlObject } from '../xml';

const MAX_KEYS = 2000;
const RANGES = ['lt', 'gt', 'lte', 'gte'];

/**
 * GET Service (reference 4.1): the account's buckets, of every region on the service host or of
 * one region on `cos.<region>.myqcloud.com` or with `?region=`; filtered by tag and creation time,
 * paged in name order by marker and max-keys.
 */
export async function getService(ctx: RequestContext): Promise<void> {
  const region = ctx.target.region ?? (ctx.query.get('region') || undefined);
  const matches = ctx.service.listBuckets(region).filter(filterFromQuery(ctx));

  const marker = ctx.query.get('marker') ?? '';
  const maxKeys = readMaxKeys(ctx.query.get('max-keys'));
  const after = marker === '' ? matches : matches.filter((b) => b.name > marker);
  const page = after.slice(0, maxKeys);
  const truncated = after.length > page.length;
  const paged = ctx.query.has('marker') || ctx.query.has('max-keys');

  const content: XmlObject = {
    Owner: { ID: ctx.service.ownerId, DisplayName: ctx.service.ownerUin },
    Marker: paged ? marker : undefined,
    NextMarker: truncated ? page[page.length - 1].name : undefined,
    IsTruncated: paged || truncated ? truncated : undefined,
    Buckets: page.length > 0 ? { Bucket: page.map(bucketEntry) } : '',
  };
  sendXml(ctx, 'ListAllMyBucketsResult', content);
}

function bucketEntry(bucket: Bucket): XmlObject {
  return {
    Name: bucket.name,
    Location: bucket.region,
    CreationDate: isoSeconds(bucket.createdAt),
    BucketType: 'cos',
  };
}

function readMaxKeys(value: string | undefined): number {
  if (value === undefined || value === '') return MAX_KEYS;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new CosError('InvalidArgument', 'max-keys must be a positive integer.');
  }
  return Math.min(Number(value), MAX_KEYS);
}

/** `tagkey`/`tagvalue` and `create-time` with `range` (Unix seconds), as the docs list them. */
function filterFromQuery(ctx: RequestContext): (bucket: Bucket) => boolean {
  const tagKey = ctx.query.get('tagkey') || undefined;
  const tagValue = ctx.query.get('tagvalue') || undefined;
  const createTime = ctx.query.get('create-time') || undefined;
  const range = ctx.query.get('range') || undefined;
  if (createTime !== undefined && (!/^\d+$/.test(createTime) || !RANGES.includes(range ?? ''))) {
    throw new CosError(
      'InvalidArgument',
      'create-time needs Unix seconds and range lt|gt|lte|gte.',
    );
  }
  return (bucket) => {
    const tagged = bucket.tags.some(
      (t) => t.key === tagKey && (tagValue === undefined || t.value === tagValue),
    );
    if (tagKey !== undefined && !tagged) return false;
    if (createTime === undefined) return true;
    const created = Math.floor(bucket.createdAt.getTime() / 1000);
    const bound = Number(createTime);
    if (range === 'lt') return created < bound;
    if (range === 'gt') return created > bound;
    if (range === 'lte') return created <= bound;
    return created >= bound;
  };
}
