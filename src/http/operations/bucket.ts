import {
  BUCKET_CANNED_ACLS,
  grantsFromHeaders,
  withPublicGrantsFolded,
} from '../../core/acl/acl-grants';
import { BucketLayout } from '../../core/buckets/bucket-layout';
import { MAX_BUCKET_TAGS, validateTagSet } from '../../core/buckets/tag-set';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { readSmallBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';
import { parseXml } from '../xml';
import { readTaggingHeader } from './object-attributes';
import { isSigV4 } from './object-headers';

interface CreateOptions {
  layout: BucketLayout;
  locationConstraint?: string;
}

/**
 * PUT Bucket (reference 4.2). Everything is checked before the bucket exists, so a refused
 * request leaves nothing behind. Path-style requests (the AWS SDK against an IP) do not name
 * a region in the host; it comes from the body's LocationConstraint, else the SigV4 scope, else
 * the first served region. PathStyleDomainForbidden is not applied: path style always works.
 */
export async function putBucket(ctx: RequestContext): Promise<void> {
  const name = ctx.target.bucket;
  if (!name) throw new CosError('InvalidBucketName');
  const canned = ctx.header('x-cos-acl') ?? ctx.header('x-amz-acl');
  if (canned !== undefined && !BUCKET_CANNED_ACLS.includes(canned)) {
    throw new CosError('InvalidArgument', `Invalid x-cos-acl: ${canned}`);
  }
  const acl = withPublicGrantsFolded(
    canned,
    grantsFromHeaders((header) => ctx.header(header)),
  );
  const tags = validateTagSet(readTaggingHeader(ctx) ?? [], MAX_BUCKET_TAGS);
  const options = await readCreateOptions(ctx);
  const hostRegion = ctx.target.region;
  if (hostRegion && options.locationConstraint && options.locationConstraint !== hostRegion) {
    throw new CosError('InvalidLocationConstraint');
  }
  const region =
    hostRegion ?? options.locationConstraint ?? sigV4ScopeRegion(ctx) ?? ctx.service.regions[0];

  const bucket = ctx.service.createBucket(name, region);
  bucket.acl = { canned: acl.canned ?? 'private', grants: acl.grants };
  bucket.tags = tags;
  bucket.layout = options.layout;
  sendEmpty(ctx, 200, { Location: `/${name}` });
}

/** HEAD Bucket: 200 with the region (and the multi-AZ / OFS headers); 403/404 without a body. */
export async function headBucket(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  sendEmpty(ctx, 200, {
    'x-cos-bucket-region': bucket.region,
    'x-cos-bucket-az-type': bucket.layout.azType,
    'x-cos-bucket-arch': bucket.layout.arch,
  });
}

export async function deleteBucket(ctx: RequestContext): Promise<void> {
  ctx.service.deleteBucket(ctx.bucket());
  sendEmpty(ctx, 204);
}

export async function getBucketLocation(ctx: RequestContext): Promise<void> {
  // The AWS SDK reads a text-only root only when it has attributes, as S3's namespaced one has;
  // the COS SDK is given COS's documented bare element (which real COS sends to SigV4 callers
  // is UNCONFIRMED).
  const namespace = isSigV4(ctx) ? 'http://s3.amazonaws.com/doc/2006-03-01/' : undefined;
  sendXml(ctx, 'LocationConstraint', { '@xmlns': namespace, '#': ctx.bucket().region });
}

/** The optional `<CreateBucketConfiguration>` body. */
async function readCreateOptions(ctx: RequestContext): Promise<CreateOptions> {
  const body = await readSmallBody(ctx);
  if (body.length === 0) return { layout: {} };
  const document = parseXml(body.toString('utf8'), 'CreateBucketConfiguration');
  const azConfig = document.textOf('BucketAZConfig');
  const archConfig = document.textOf('BucketArchConfig');
  if (azConfig !== undefined && azConfig !== 'MAZ') {
    throw new CosError('InvalidArgument', 'BucketAZConfig must be MAZ.');
  }
  if (archConfig !== undefined && archConfig !== 'OFS') {
    throw new CosError('InvalidArgument', 'BucketArchConfig must be OFS.');
  }
  const locationConstraint = document.textOf('LocationConstraint') || undefined;
  if (locationConstraint !== undefined && !ctx.service.hasRegion(locationConstraint)) {
    throw new CosError('InvalidLocationConstraint');
  }
  return {
    layout: { azType: azConfig as 'MAZ' | undefined, arch: archConfig as 'OFS' | undefined },
    locationConstraint,
  };
}

/** The region of a SigV4 credential scope (`<id>/<date>/<region>/s3/aws4_request`). */
function sigV4ScopeRegion(ctx: RequestContext): string | undefined {
  const header = ctx.header('authorization') ?? '';
  const credential =
    /Credential=([^,\s]+)/.exec(header)?.[1] ?? ctx.query.get('X-Amz-Credential') ?? '';
  const region = credential.split('/')[2];
  return region && ctx.service.hasRegion(region) ? region : undefined;
}
