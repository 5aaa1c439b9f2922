import { ObjectVersion } from '../../core/model/object-version';
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
