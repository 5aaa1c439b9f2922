import { evaluateConditions } from '../../core/objects/conditions';
import { resolveRange } from '../../core/objects/byte-range';
import { deleteObject as deleteVersion } from '../../core/objects/delete-object';
import { putObject as storeObject } from '../../core/objects/put-object';
import { assertNotArchived, resolveVersion } from '../../core/objects/read-object';
import { assertReadable, openBody } from '../../core/objects/store-body';
import { ObjectVersion } from '../../core/model/object-version';
import { CosError, isCosError, notImplemented } from '../../errors';
import {
  encryptionResponseHeaders,
  readCustomerKey,
  readEncryptionRequest,
} from '../../sse/request-headers';
import { RequestContext } from '../context';
import { refuseAwsChunked } from '../payload-encoding';
import { Headers, sendEmpty, sendStream, quoteEtag } from '../respond';
import { copyObject } from './copy-object';
import {
  checkKey,
  readConditions,
  readForbidOverwrite,
  readObjectAttributes,
} from './object-attributes';
import { objectHeaders, responseOverrides, withAmzAliases } from './object-headers';

// Other write paths (multipart, append) import the key check from here.
export { checkKey };

const MAX_PUT_BYTES = 5 * 1024 ** 3;

/** PUT Object, or PUT Object - Copy when `x-cos-copy-source` is present. */
export async function putObject(ctx: RequestContext): Promise<void> {
  // Without uploadId, a part number would silently turn Upload Part into a whole-object PUT.
  if (ctx.query.has('partNumber')) {
    throw new CosError('InvalidArgument', 'partNumber needs an uploadId.');
  }
  if (ctx.header('x-cos-copy-source') ?? ctx.header('x-amz-copy-source')) {
    // The access log names the API the SDK called, not the route both share.
    ctx.operation = 'PutObjectCopy';
    return copyObject(ctx);
  }
  refuseAwsChunked(ctx);
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
    encryption: readEncryptionRequest(ctx),
    applyBucketDefault: true,
    forbidOverwrite: readForbidOverwrite(ctx),
    ...readObjectAttributes(ctx),
  });
  sendEmpty(
    ctx,
    200,
    withAmzAliases(ctx, {
      ETag: quoteEtag(version.etag),
      'x-cos-hash-crc64ecma': version.body?.crc64,
      // Suspended buckets write `null` versions without naming them (reference 4.7).
      'x-cos-version-id': bucket.versioning === 'Enabled' ? version.versionId : undefined,
      ...encryptionResponseHeaders(version.body?.encryption),
    }),
  );
}

export async function getObject(ctx: RequestContext): Promise<void> {
  const read = await prepareRead(ctx);
  if (!read) return;
  const { version, headers, customerKey } = read;
  assertNotArchived(version);

  const range = resolveRange(ctx.header('range'), version.size);
  headers['Content-Length'] = String(range ? range.end - range.start : version.size);
  headers['Content-Range'] = range?.contentRange;
  const body = version.body ? openBody(ctx.service, version.body, range, customerKey) : undefined;
  await sendStream(ctx, range ? 206 : 200, headers, body);
}

export async function headObject(ctx: RequestContext): Promise<void> {
  const read = await prepareRead(ctx);
  if (!read) return;
  read.headers['Content-Length'] = String(read.version.size);
  await sendStream(ctx, 200, read.headers, undefined);
}

export async function deleteObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const outcome = deleteVersion(ctx.service, bucket, ctx.key(), readVersionId(ctx));
  sendEmpty(
    ctx,
    204,
    withAmzAliases(ctx, {
      'x-cos-version-id': outcome.versionId,
      'x-cos-delete-marker': outcome.deleteMarker ? 'true' : undefined,
    }),
  );
}

/** `?versionId=`; an empty value addresses the latest version, as if absent. */
function readVersionId(ctx: RequestContext): string | undefined {
  return ctx.query.get('versionId') || undefined;
}

/** A delete marker's 404 tells the AWS SDK through `x-amz-delete-marker` too. */
function withAmzErrorAliases<T>(ctx: RequestContext, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (isCosError(error)) Object.assign(error.headers, withAmzAliases(ctx, error.headers));
    throw error;
  }
}

interface PreparedRead {
  version: ObjectVersion;
  headers: Headers;
  customerKey?: Buffer;
}

/**
 * The common first half of GET and HEAD: the version, its readability (SSE-C key, KMS) checked
 * before any header goes out, the preconditions, and the response headers. Undefined when a 304
 * was already sent.
 */
async function prepareRead(ctx: RequestContext): Promise<PreparedRead | undefined> {
  // GET/HEAD of one part of a completed upload: not emulated, rather than the whole object.
  if (ctx.query.has('partNumber')) throw notImplemented('GET/HEAD Object with ?partNumber');
  const bucket = ctx.bucket();
  const version = withAmzErrorAliases(ctx, () =>
    resolveVersion(bucket, ctx.key(), readVersionId(ctx)),
  );
  const customerKey = readCustomerKey(ctx);
  if (version.body) assertReadable(ctx.service, version.body, customerKey);
  const overrides = responseOverrides(ctx);
  const headers = withAmzAliases(ctx, {
    ...objectHeaders(version, bucket.versioning !== ''),
    ...encryptionResponseHeaders(version.body?.encryption),
  });

  if (evaluateConditions(version, readConditions(ctx)) === 'not-modified') {
    // A 304 keeps the validators, so caches can refresh (RFC 7232 section 4.1).
    await sendStream(
      ctx,
      304,
      {
        ETag: headers.ETag,
        'Last-Modified': headers['Last-Modified'],
        'x-cos-version-id': headers['x-cos-version-id'],
      },
      undefined,
    );
    return undefined;
  }
  return { version, headers: { ...headers, ...overrides }, customerKey };
}
