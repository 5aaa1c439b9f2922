import { listObjects as listCurrentObjects, ObjectListing } from '../../core/listing/list-objects';
import { ObjectVersion } from '../../core/model/object-version';
import { Bucket } from '../../core/bucket';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { isoMillis, quoteEtag, sendXml } from '../respond';
import { XmlObject } from '../xml';
import { KeyEncoder, listingOwner, readEncoding, readPageSize, readText } from './listing-query';

/** GET Bucket (reference 4.5), or ListObjectsV2 when `list-type=2` (AWS SDK). */
export async function listObjects(ctx: RequestContext): Promise<void> {
  const listType = ctx.query.get('list-type');
  if (listType === '2') return listObjectsV2(ctx);
  if (listType !== undefined && listType !== '' && listType !== '1') {
    throw new CosError('InvalidArgument', 'The list-type parameter must be 1 or 2.');
  }

  const bucket = ctx.bucket();
  const encoder = readEncoding(ctx);
  const prefix = readText(ctx, 'prefix');
  const delimiter = readText(ctx, 'delimiter');
  const marker = readText(ctx, 'marker');
  const maxKeys = readPageSize(ctx, 'max-keys');
  const listing = listCurrentObjects(bucket.objects, { prefix, delimiter, after: marker, maxKeys });

  const encode = encoder.encode;
  sendXml(
    ctx,
    'ListBucketResult',
    {
      Name: bucket.name,
      EncodingType: encoder.type,
      Prefix: encode(prefix ?? ''),
      Marker: encode(marker ?? ''),
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      IsTruncated: listing.isTruncated,
      NextMarker: listing.nextMarker === undefined ? undefined : encode(listing.nextMarker),
      ...listingBody(bucket, listing, encoder, true),
    },
    { 'x-cos-bucket-region': bucket.region },
  );
}

/** ListObjectsV2: the continuation token is opaque to clients (base64 of the last key). */
async function listObjectsV2(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const encoder = readEncoding(ctx);
  const prefix = readText(ctx, 'prefix');
  const delimiter = readText(ctx, 'delimiter');
  const token = readText(ctx, 'continuation-token');
  const startAfter = readText(ctx, 'start-after');
  const maxKeys = readPageSize(ctx, 'max-keys');
  const fetchOwner = ctx.query.get('fetch-owner') === 'true';
  const after = token === undefined ? startAfter : decodeToken(token);
  const listing = listCurrentObjects(bucket.objects, { prefix, delimiter, after, maxKeys });

  const encode = encoder.encode;
  const body = listingBody(bucket, listing, encoder, fetchOwner);
  sendXml(
    ctx,
    'ListBucketResult',
    {
      Name: bucket.name,
      Prefix: encode(prefix ?? ''),
      ContinuationToken: token,
      StartAfter: startAfter === undefined ? undefined : encode(startAfter),
      KeyCount: listing.contents.length + listing.commonPrefixes.length,
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      IsTruncated: listing.isTruncated,
      NextContinuationToken:
        listing.nextMarker === undefined ? undefined : encodeToken(listing.nextMarker),
      ...body,
      EncodingType: encoder.type,
    },
    { 'x-cos-bucket-region': bucket.region },
  );
}

function listingBody(
  bucket: Bucket,
  listing: ObjectListing,
  encoder: KeyEncoder,
  withOwner: boolean,
): XmlObject {
  return {
    CommonPrefixes: listing.commonPrefixes.map((p) => ({ Prefix: encoder.encode(p) })),
    Contents: listing.contents.map((v) => contentsEntry(bucket, v, encoder, withOwner)),
  };
}

function contentsEntry(
  bucket: Bucket,
  version: ObjectVersion,
  encoder: KeyEncoder,
  withOwner: boolean,
): XmlObject {
  return {
    Key: encoder.encode(version.key),
    LastModified: isoMillis(version.lastModified),
    ETag: quoteEtag(version.etag),
    Size: version.size,
    Owner: withOwner ? listingOwner(bucket) : undefined,
    StorageClass: version.storageClass,
    StorageTier: version.storageClass.endsWith('INTELLIGENT_TIERING') ? 'FREQUENT' : undefined,
  };
}

function encodeToken(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) {
    throw new CosError('InvalidArgument', 'The continuation token provided is incorrect.');
  }
  return Buffer.from(token, 'base64url').toString('utf8');
}
