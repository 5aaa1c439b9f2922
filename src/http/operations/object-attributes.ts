import {
  grantsFromHeaders,
  OBJECT_CANNED_ACLS,
  withPublicGrantsFolded,
} from '../../core/acl/acl-grants';
import { CosError } from '../../errors';
import { ObjectConditions } from '../../core/objects/conditions';
import { ObjectAttributes } from '../../core/objects/put-object';
import {
  CONTENT_HEADER_NAMES,
  ContentHeaders,
  ObjectAcl,
  Tag,
} from '../../core/model/object-version';
import { RequestContext } from '../context';
import { checkHeaderValue } from '../header-text';

const STORAGE_CLASSES = new Set([
  'STANDARD',
  'STANDARD_IA',
  'ARCHIVE',
  'DEEP_ARCHIVE',
  'INTELLIGENT_TIERING',
  'MAZ_STANDARD',
  'MAZ_STANDARD_IA',
  'MAZ_INTELLIGENT_TIERING',
  'MAZ_ARCHIVE',
]);
const MAX_USER_METADATA_BYTES = 2048;
const MAX_KEY_BYTES = 850;

/** The attributes a write request sets through its headers (reference 4.7). */
export function readObjectAttributes(ctx: RequestContext): ObjectAttributes {
  return {
    contentHeaders: readContentHeaders(ctx),
    userMetadata: readUserMetadata(ctx),
    storageClass: readStorageClass(ctx),
    acl: readAcl(ctx),
    tags: readTaggingHeader(ctx),
  };
}

export function readContentHeaders(ctx: RequestContext): ContentHeaders {
  const headers: ContentHeaders = {};
  // Empty values (the SDK sends `Cache-Control: ''`) count as absent (reference 1.6).
  for (const name of CONTENT_HEADER_NAMES) {
    const value = ctx.header(name);
    if (value !== undefined) headers[name] = checkHeaderValue(name, value);
  }
  return headers;
}

export function readUserMetadata(ctx: RequestContext): Record<string, string> {
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    const cosName = name.startsWith('x-amz-meta-') ? 'x-cos-meta-' + name.slice(11) : name;
    if (!cosName.startsWith('x-cos-meta-') || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    metadata[cosName] = checkHeaderValue(cosName, text);
    // Values are wire bytes, one per character (header-text.ts).
    bytes += cosName.length - 'x-cos-meta-'.length + Buffer.byteLength(text, 'latin1');
  }
  if (bytes > MAX_USER_METADATA_BYTES) throw new CosError('MetadataTooLarge');
  return metadata;
}

export function readStorageClass(ctx: RequestContext): string | undefined {
  const value = ctx.header('x-cos-storage-class') ?? ctx.header('x-amz-storage-class');
  if (value === undefined) return undefined;
  const storageClass = value.toUpperCase();
  if (!STORAGE_CLASSES.has(storageClass)) throw new CosError('InvalidStorageClass');
  return storageClass;
}

/** `x-cos-acl` and `x-cos-grant-*`; undefined when neither is sent (the object has none). */
function readAcl(ctx: RequestContext): ObjectAcl | undefined {
  const canned = ctx.header('x-cos-acl') ?? ctx.header('x-amz-acl');
  if (canned !== undefined && !OBJECT_CANNED_ACLS.includes(canned)) {
    throw new CosError('InvalidArgument', `Invalid x-cos-acl: ${canned}`);
  }
  const grants = grantsFromHeaders((name) => ctx.header(name));
  if (canned === undefined && grants.length === 0) return undefined;
  return withPublicGrantsFolded(canned, grants);
}

/** `x-cos-tagging: k1=v1&k2=v2` (URL-encoded pairs). */
export function readTaggingHeader(ctx: RequestContext): Tag[] | undefined {
  const header = ctx.header('x-cos-tagging') ?? ctx.header('x-amz-tagging');
  if (header === undefined) return undefined;
  const tags: Tag[] = [];
  for (const pair of header.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeTagText(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeTagText(pair.slice(eq + 1));
    if (key === '' || tags.some((t) => t.key === key)) throw new CosError('InvalidTag');
    tags.push({ key, value });
  }
  return tags;
}

function decodeTagText(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new CosError('InvalidTag', 'x-cos-tagging is not valid URL-encoded text.');
  }
}

/** Keys are at most 850 bytes of UTF-8 (reference 1.4). */
export function checkKey(key: string): string {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new CosError('KeyTooLong');
  return key;
}

/** The `If-*` headers of a GET or HEAD, or with `prefix` the copy-source ones of a copy. */
export function readConditions(ctx: RequestContext, prefix = ''): ObjectConditions {
  return {
    ifMatch: ctx.header(`${prefix}if-match`),
    ifNoneMatch: ctx.header(`${prefix}if-none-match`),
    ifModifiedSince: ctx.header(`${prefix}if-modified-since`),
    ifUnmodifiedSince: ctx.header(`${prefix}if-unmodified-since`),
  };
}

export function readForbidOverwrite(ctx: RequestContext): boolean {
  return ctx.header('x-cos-forbid-overwrite')?.toLowerCase() === 'true';
}
