import { RequestContext } from '../context';
import { isoSeconds, sendXml } from '../respond';

/** GET Service: the account's buckets, all regions or the one the host names (reference 4.1). */
export async function getService(ctx: RequestContext): Promise<void> {
  const region = ctx.target.region ?? ctx.query.get('region');
  const buckets = ctx.service.listBuckets(region || undefined).map((bucket) => ({
    Name: bucket.name,
    Location: bucket.region,
    CreationDate: isoSeconds(bucket.createdAt),
    BucketType: 'cos',
  }));
  sendXml(ctx, 'ListAllMyBucketsResult', {
    Owner: { ID: ctx.service.ownerId, DisplayName: ctx.service.ownerUin },
    Buckets: buckets.length > 0 ? { Bucket: buckets } : '',
  });
}
