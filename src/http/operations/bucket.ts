import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { sendEmpty, sendXml } from '../respond';

/** PUT Bucket. The region comes from the host; path-style requests fall back to the first. */
export async function putBucket(ctx: RequestContext): Promise<void> {
  const name = ctx.target.bucket;
  if (!name) throw new CosError('InvalidBucketName');
  const region = ctx.target.region ?? ctx.service.regions[0];
  const bucket = ctx.service.createBucket(name, region);
  const canned = ctx.header('x-cos-acl');
  if (canned) bucket.acl = { canned, grants: [] };
  sendEmpty(ctx, 200, { Location: `/${name}` });
}

export async function headBucket(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  sendEmpty(ctx, 200, { 'x-cos-bucket-region': bucket.region });
}

export async function deleteBucket(ctx: RequestContext): Promise<void> {
  ctx.service.deleteBucket(ctx.bucket());
  sendEmpty(ctx, 204);
}

export async function getBucketLocation(ctx: RequestContext): Promise<void> {
  sendXml(ctx, 'LocationConstraint', { '#': ctx.bucket().region });
}
