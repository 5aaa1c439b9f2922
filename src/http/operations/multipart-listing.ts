import { listUploads } from '../../core/listing/list-uploads';
import { listParts as listUploadParts } from '../../core/multipart/list-parts';
import { getUpload } from '../../core/multipart/upload-lifecycle';
import { CosService } from '../../core/service';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { isoMillis, quoteEtag, sendXml } from '../respond';
import { XmlObject } from '../xml';
import { readEncoding, readPageSize, readText } from './listing-query';

/** GET /key?uploadId=ID (reference 4.14); note the `Encoding-type` spelling. */
export async function listParts(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const key = ctx.key();
  const upload = getUpload(bucket, key, ctx.query.get('uploadId'));
  const encoder = readEncoding(ctx);
  const maxParts = readPageSize(ctx, 'max-parts');
  const marker = readPartNumberMarker(ctx);
  const listing = listUploadParts(upload, marker, maxParts);

  sendXml(ctx, 'ListPartsResult', {
    Bucket: bucket.name,
    'Encoding-type': encoder.type,
    Key: encoder.encode(key),
    UploadId: upload.uploadId,
    Initiator: owner(ctx.service),
    Owner: owner(ctx.service),
    StorageClass: upload.storageClass,
    PartNumberMarker: marker,
    NextPartNumberMarker: listing.nextPartNumberMarker ?? marker,
    MaxParts: maxParts,
    IsTruncated: listing.isTruncated,
    Part: listing.parts.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: isoMillis(part.lastModified),
      ETag: quoteEtag(part.etag),
      Size: part.size,
    })),
  });
}

/** GET /?uploads (reference 4.14): by key, then initiation; note `Encoding-Type` here. */
export async function listMultipartUploads(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const encoder = readEncoding(ctx);
  const prefix = readText(ctx, 'prefix');
  const delimiter = readText(ctx, 'delimiter');
  const keyMarker = readText(ctx, 'key-marker');
  const uploadIdMarker = readText(ctx, 'upload-id-marker');
  const maxUploads = readPageSize(ctx, 'max-uploads');
  const listing = listUploads(bucket.uploads, {
    prefix,
    delimiter,
    keyMarker,
    uploadIdMarker: keyMarker === undefined ? undefined : uploadIdMarker,
    maxUploads,
  });

  const encode = encoder.encode;
  const uploads: XmlObject[] = [];
  const commonPrefixes: XmlObject[] = [];
  for (const item of listing.items) {
    if (item.kind === 'prefix') {
      commonPrefixes.push({ Prefix: encode(item.prefix) });
      continue;
    }
    const upload = item.upload;
    uploads.push({
      Key: encode(upload.key),
      UploadId: upload.uploadId,
      // Always sent: sliceUploadFile's resume check crashes without it (reference 10.3).
      StorageClass: upload.storageClass,
      Initiator: owner(ctx.service),
      Owner: owner(ctx.service),
      Initiated: isoMillis(upload.initiated),
    });
  }
  sendXml(ctx, 'ListMultipartUploadsResult', {
    Bucket: bucket.name,
    'Encoding-Type': encoder.type,
    KeyMarker: encode(keyMarker ?? ''),
    UploadIdMarker: uploadIdMarker ?? '',
    NextKeyMarker: encode(listing.nextKeyMarker ?? ''),
    NextUploadIdMarker: listing.nextUploadIdMarker ?? '',
    MaxUploads: maxUploads,
    IsTruncated: listing.isTruncated,
    Prefix: encode(prefix ?? ''),
    Delimiter: encode(delimiter ?? ''),
    Upload: uploads,
    CommonPrefixes: commonPrefixes,
  });
}

function owner(service: CosService): XmlObject {
  return { ID: service.ownerId, DisplayName: service.ownerUin };
}

function readPartNumberMarker(ctx: RequestContext): number {
  const text = readText(ctx, 'part-number-marker');
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text)) {
    throw new CosError('InvalidArgument', 'part-number-marker must be a non-negative integer.');
  }
  return Number(text);
}
