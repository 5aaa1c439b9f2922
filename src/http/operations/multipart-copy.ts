import { copyPart } from '../../core/multipart/upload-part-copy';
import { getUpload } from '../../core/multipart/upload-lifecycle';
import { parseCopySource } from '../../core/objects/copy-source';
import { NULL_VERSION_ID } from '../../core/model/object-version';
import { CosError } from '../../errors';
import {
  encryptionResponseHeaders,
  readCustomerKey,
  readEncryptionRequest,
} from '../../sse/request-headers';
import { RequestContext } from '../context';
import { isoSeconds, quoteEtag, sendXml } from '../respond';
import { readConditions } from './object-attributes';
import { withAmzAliases } from './object-headers';

/** Upload Part - Copy: PUT ?partNumber&uploadId with `x-cos-copy-source` (reference 4.14). */
export async function uploadPartCopy(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const upload = getUpload(bucket, ctx.key(), ctx.query.get('uploadId'));
  const partNumber = readPartNumber(ctx);
  const prefix = ctx.header('x-cos-copy-source') === undefined ? 'x-amz-' : 'x-cos-';

  const { part, source } = await copyPart(ctx.service, bucket, upload, {
    partNumber,
    source: parseCopySource(ctx.header(`${prefix}copy-source`) ?? ''),
    range: ctx.header(`${prefix}copy-source-range`),
    conditions: readConditions(ctx, `${prefix}copy-source-`),
    sourceCustomerKey: readCustomerKey(ctx, 'copy-source'),
    encryption: readEncryptionRequest(ctx),
  });
  const headers = withAmzAliases(ctx, {
    'x-cos-copy-source-version-id':
      source.versionId === NULL_VERSION_ID ? undefined : source.versionId,
    'x-cos-hash-crc64ecma': part.body.crc64,
    ...encryptionResponseHeaders(part.body.encryption ?? upload.encryption),
  });
  sendXml(
    ctx,
    'CopyPartResult',
    { ETag: quoteEtag(part.etag), LastModified: isoSeconds(part.lastModified) },
    headers,
  );
}

export function readPartNumber(ctx: RequestContext): number {
  const text = ctx.query.get('partNumber') ?? '';
  if (!/^\d{1,5}$/.test(text)) {
    throw new CosError('InvalidArgument', 'Part number must be an integer between 1 and 10000.');
  }
  return Number(text);
}
