import { deleteObject as deleteVersion } from '../../core/objects/delete-object';
import { putObject as storeObject } from '../../core/objects/put-object';
import { resolveVersion } from '../../core/objects/read-object';
import { openBody } from '../../core/objects/store-body';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { sendEmpty, sendStream, quoteEtag } from '../respond';
import { copyObject } from './copy-object';
import { readObjectAttributes } from './object-attributes';
import { objectHeaders } from './object-headers';

const MAX_KEY_BYTES = 850;
const MAX_PUT_BYTES = 5 * 1024 ** 3;

/** PUT Object, or PUT Object - Copy when `x-cos-copy-source` is present. */
export async function putObject(ctx: RequestContext): Promise<void> {
  if (ctx.header('x-cos-copy-source') ?? ctx.header('x-amz-copy-source')) {
    return copyObject(ctx);
  }
  const bucket = ctx.bucket();
  const key = checkKey(ctx.key());
  const length = ctx.header('content-length');
  if (length === undefined && !ctx.header('transfer-encoding')) {
    throw new CosError('MissingContentLength');
  }
  const version = await storeObject(ctx.service, bucket, {
    key,
    body: ctx.req,
    expectedLength: length === undefined ? undefined : Number(length),
    contentMd5: ctx.header('content-md5'),
    maxSize: MAX_PUT_BYTES,
    ...readObjectAttributes(ctx),
  });
  sendEmpty(ctx, 200, {
    ETag: quoteEtag(version.etag),
    'x-cos-hash-crc64ecma': version.body?.crc64,
    'x-cos-version-id': bucket.versioning === 'Enabled' ? version.versionId : undefined,
  });
}

export async function getObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const version = resolveVersion(bucket, ctx.key(), ctx.query.get('versionId'));
  const headers = objectHeaders(version, bucket.versioning !== '');
  headers['Content-Length'] = String(version.size);
  const body = version.body ? openBody(ctx.service, version.body) : undefined;
  await sendStream(ctx, 200, headers, body);
}

export async function headObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const version = resolveVersion(bucket, ctx.key(), ctx.query.get('versionId'));
  const headers = objectHeaders(version, bucket.versioning !== '');
  headers['Content-Length'] = String(version.size);
  await sendStream(ctx, 200, headers, undefined);
}

export async function deleteObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const outcome = deleteVersion(ctx.service, bucket, ctx.key(), ctx.query.get('versionId'));
  sendEmpty(ctx, 204, {
    'x-cos-version-id': outcome.versionId,
    'x-cos-delete-marker': outcome.deleteMarker ? 'true' : undefined,
  });
}

/** Keys are at most 850 bytes of UTF-8 (reference 1.4). */
export function checkKey(key: string): string {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new CosError('KeyTooLong');
  return key;
}
