import { appendObject as appendToObject } from '../../core/objects/append-object';
import { CosError } from '../../errors';
import { drainRest } from '../../storage/drain';
import {
  encryptionResponseHeaders,
  readCustomerKey,
  readEncryptionRequest,
} from '../../sse/request-headers';
import { RequestContext } from '../context';
import { refuseAwsChunked } from '../payload-encoding';
import { quoteEtag, sendEmpty } from '../respond';
import { readObjectAttributes } from './object-attributes';
import { checkKey } from './object';
import { withAmzAliases } from './object-headers';

/** POST /<key>?append&position=N (reference 4.16 and 10.4). */
export async function appendObject(ctx: RequestContext): Promise<void> {
  refuseAwsChunked(ctx);
  const bucket = ctx.bucket();
  const key = checkKey(ctx.key());
  const position = ctx.query.get('position') ?? '';
  if (!/^\d+$/.test(position)) {
    throw new CosError('InvalidArgument', 'position must be a non-negative integer.');
  }
  const length = ctx.header('content-length');
  if (length === undefined && !ctx.header('transfer-encoding')) {
    throw new CosError('MissingContentLength');
  }
  try {
    const { version, appendedSha1 } = await appendToObject(ctx.service, bucket, {
      key,
      position: Number(position),
      body: ctx.req,
      expectedLength: length === undefined ? undefined : Number(length),
      contentMd5: ctx.header('content-md5'),
      encryption: readEncryptionRequest(ctx),
      customerKey: readCustomerKey(ctx),
      attributes: readObjectAttributes(ctx),
    });
    sendEmpty(
      ctx,
      200,
      withAmzAliases(ctx, {
        ETag: quoteEtag(version.etag),
        'x-cos-next-append-position': String(version.size),
        'x-cos-hash-crc64ecma': version.body?.crc64,
        'x-cos-content-sha1': appendedSha1,
        ...encryptionResponseHeaders(version.body?.encryption),
      }),
    );
  } catch (error) {
    // A body refused part-way is drained so that the error can be answered; one never read is
    // left to Node, which discards it once the answer is sent.
    if (ctx.req.readableDidRead) await drainRest(ctx.req);
    throw error;
  }
}
