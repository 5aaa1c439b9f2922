import { listVersions, VersionListItem } from '../../core/listing/list-versions';
import { Bucket } from '../../core/bucket';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { isoMillis, quoteEtag, sendXml } from '../respond';
import { XmlObject } from '../xml';
import { KeyEncoder, listingOwner, readEncoding, readPageSize, readText } from './listing-query';

/** GET Bucket object versions (reference 4.6). */
export async function listObjectVersions(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const encoder = readEncoding(ctx);
  const prefix = readText(ctx, 'prefix');
  const delimiter = readText(ctx, 'delimiter');
  const keyMarker = readText(ctx, 'key-marker');
  const versionIdMarker = readText(ctx, 'version-id-marker');
  const maxKeys = readPageSize(ctx, 'max-keys');
  if (versionIdMarker !== undefined && keyMarker === undefined) {
    throw new CosError('InvalidArgument', 'A version-id-marker needs a key-marker.');
  }
  const listing = listVersions(bucket.objects, {
    prefix,
    delimiter,
    keyMarker,
    versionIdMarker,
    maxKeys,
  });

  const encode = encoder.encode;
  const rows = rowsOf(bucket, listing.items, encoder);
  sendXml(
    ctx,
    'ListVersionsResult',
    {
      Name: bucket.name,
      EncodingType: encoder.type,
      Prefix: encode(prefix ?? ''),
      KeyMarker: encode(keyMarker ?? ''),
      VersionIdMarker: versionIdMarker ?? '',
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      IsTruncated: listing.isTruncated,
      NextKeyMarker: optional(listing.nextKeyMarker, encode),
      NextVersionIdMarker: listing.isTruncated ? (listing.nextVersionIdMarker ?? '') : undefined,
      CommonPrefixes: rows.commonPrefixes,
      ...rows.entries,
    },
    { 'x-cos-bucket-region': bucket.region },
  );
}

/**
 * Versions and delete markers stay interleaved in listing order: the builder's `#` list keeps
 * elements of different names in the order given.
 */
function rowsOf(bucket: Bucket, items: VersionListItem[], encoder: KeyEncoder) {
  const commonPrefixes: XmlObject[] = [];
  const ordered: XmlObject[] = [];
  for (const item of items) {
    if (item.kind === 'prefix') {
      commonPrefixes.push({ Prefix: encoder.encode(item.prefix) });
      continue;
    }
    const v = item.version;
    const row: XmlObject = {
      Key: encoder.encode(v.key),
      VersionId: v.versionId,
      IsLatest: item.isLatest,
      LastModified: isoMillis(v.lastModified),
      ETag: v.isDeleteMarker ? undefined : quoteEtag(v.etag),
      Size: v.isDeleteMarker ? undefined : v.size,
      StorageClass: v.isDeleteMarker ? undefined : v.storageClass,
      Owner: listingOwner(bucket),
    };
    ordered.push({ [v.isDeleteMarker ? 'DeleteMarker' : 'Version']: row });
  }
  return { commonPrefixes, entries: { '#': ordered } };
}

function optional(text: string | undefined, encode: (text: string) => string) {
  return text === undefined ? undefined : encode(text);
}
