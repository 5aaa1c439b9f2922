import { CosError } from '../../errors';
import { Bucket } from '../../core/bucket';
import { RequestContext } from '../context';

const MAX_PAGE = 1000;

/**
 * A page size parameter (`max-keys`, `max-uploads`, `max-parts`): default and ceiling 1000.
 * Larger values are clamped, as S3 does; what is not a non-negative integer is InvalidArgument.
 */
export function readPageSize(ctx: RequestContext, name: string): number {
  const text = ctx.query.get(name);
  if (text === undefined || text === '') return MAX_PAGE;
  if (!/^\d+$/.test(text)) {
    throw new CosError('InvalidArgument', `The ${name} parameter must be a non-negative integer.`);
  }
  return Math.min(Number(text), MAX_PAGE);
}

/** A text parameter; empty counts as absent (the Node SDK sends `prefix=` when unset). */
export function readText(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.query.get(name);
  return value === undefined || value === '' ? undefined : value;
}

/** `encoding-type`: only `url` exists. Returns the encoder the response applies to keys. */
export function readEncoding(ctx: RequestContext): KeyEncoder {
  const type = readText(ctx, 'encoding-type');
  if (type === undefined) return { type: undefined, encode: (text) => text };
  if (type.toLowerCase() !== 'url') {
    throw new CosError('InvalidArgument', 'The encoding-type parameter must be url.');
  }
  return { type: 'url', encode: urlEncodeKey };
}

export interface KeyEncoder {
  type: 'url' | undefined;
  encode(text: string): string;
}

/**
 * Percent-encodes a key for `encoding-type=url`, keeping `/` readable as S3 does; clients decode
 * with a URL unescape, which accepts either form (UNCONFIRMED whether COS escapes `/`).
 */
export function urlEncodeKey(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/');
}

/** `Owner` in listings: the AppId, as ID and DisplayName (reference 4.5). */
export function listingOwner(bucket: Bucket) {
  return { ID: bucket.appId, DisplayName: bucket.appId };
}
