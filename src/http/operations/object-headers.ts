import { ObjectVersion } from '../../core/model/object-version';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { checkHeaderValue, headerBytes } from '../header-text';
import { Headers, quoteEtag } from '../respond';

/** The headers GET and HEAD Object describe a version with (reference 4.8). */
export function objectHeaders(version: ObjectVersion, versioned: boolean): Headers {
  const headers: Headers = {
    ETag: quoteEtag(version.etag),
    'Last-Modified': version.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
    'Content-Type': version.contentHeaders['content-type'] ?? DEFAULT_CONTENT_TYPE,
    'Cache-Control': version.contentHeaders['cache-control'],
    'Content-Disposition': version.contentHeaders['content-disposition'],
    'Content-Encoding': version.contentHeaders['content-encoding'],
    'Content-Language': version.contentHeaders['content-language'],
    Expires: version.contentHeaders.expires,
    'x-cos-hash-crc64ecma': version.body?.crc64,
    // COS names the storage class only when it is not STANDARD (reference 4.8).
    'x-cos-storage-class': version.storageClass === 'STANDARD' ? undefined : version.storageClass,
    'x-cos-version-id': versioned ? version.versionId : undefined,
    'x-cos-tagging-count': version.tags.length > 0 ? String(version.tags.length) : undefined,
    'x-cos-replication-status': version.replicationStatus,
    ...version.userMetadata,
  };
  return headers;
}

/** What COS returns when no Content-Type was stored (reference appendix A.3, suggested). */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

const RESPONSE_OVERRIDES: ReadonlyArray<readonly [string, string]> = [
  ['response-content-type', 'Content-Type'],
  ['response-content-language', 'Content-Language'],
  ['response-expires', 'Expires'],
  ['response-cache-control', 'Cache-Control'],
  ['response-content-disposition', 'Content-Disposition'],
  ['response-content-encoding', 'Content-Encoding'],
];

/**
 * The `response-*` query parameters of GET/HEAD Object, which replace stored headers in this
 * response only. COS allows them on signed requests only (reference 4.8).
 */
export function responseOverrides(ctx: RequestContext): Headers {
  const overrides: Headers = {};
  for (const [parameter, header] of RESPONSE_OVERRIDES) {
    const value = ctx.query.get(parameter);
    // Query values arrive decoded: they go out as their UTF-8 bytes, or not at all.
    if (value !== undefined) overrides[header] = checkHeaderValue(parameter, headerBytes(value));
  }
  const anonymous = ctx.principal.kind === 'anonymous' && ctx.runtime.auth.mode === 'verify';
  if (anonymous && Object.keys(overrides).length > 0) {
    throw new CosError(
      'InvalidRequest',
      'Request specific response headers cannot be used for anonymous GET requests.',
    );
  }
  return overrides;
}

const AMZ_ALIASED = new RegExp(
  '^x-cos-(meta-.*|version-id|delete-marker|storage-class|tagging-count|' +
    'copy-source-version-id|server-side-encryption.*|replication-status)$',
  'i',
);

/**
 * The AWS SDK reads version ids, delete markers, metadata and SSE from `x-amz-*` response
 * headers, so requests signed with SigV4 also get those names. Which `x-amz-*` names real COS
 * echoes is UNCONFIRMED (reference 1.7); sending both is harmless to COS clients.
 */
export function withAmzAliases(ctx: RequestContext, headers: Headers): Headers {
  if (!isSigV4(ctx)) return headers;
  const aliased: Headers = { ...headers };
  for (const [name, value] of Object.entries(headers)) {
    const match = AMZ_ALIASED.exec(name);
    if (match && value !== undefined) aliased[amzName(match[1].toLowerCase())] = value;
  }
  return aliased;
}

/** The AWS SDK reads the CMK id as SSEKMSKeyId from the `aws-kms-key-id` name, not `cos-`. */
function amzName(suffix: string): string {
  if (suffix === 'server-side-encryption-cos-kms-key-id') {
    return 'x-amz-server-side-encryption-aws-kms-key-id';
  }
  return `x-amz-${suffix}`;
}

/** Whether the caller signed with AWS SigV4, i.e. speaks S3 (the AWS SDK). */
export function isSigV4(ctx: RequestContext): boolean {
  if (ctx.header('authorization')?.startsWith('AWS4-')) return true;
  return ctx.query.has('X-Amz-Signature') || ctx.query.has('x-amz-signature');
}
