import { BlobRef } from '../../storage/blob-store';
import type { ObjectEncryption } from '../../sse/object-encryption';

/** Standard headers stored with an object and returned on GET/HEAD. */
export interface ContentHeaders {
  'content-type'?: string;
  'cache-control'?: string;
  'content-disposition'?: string;
  'content-encoding'?: string;
  'content-language'?: string;
  expires?: string;
}

export const CONTENT_HEADER_NAMES: ReadonlyArray<keyof ContentHeaders> = [
  'content-type',
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
];

/**
 * The bytes of an object version: the blob at rest plus the plaintext's size and checksums. A
 * plaintext body may be the blob store's own record, with accessors: copy it with copyBody.
 */
export interface StoredBody {
  blob: BlobRef;
  size: number;
  /** Hex MD5 of the plaintext. */
  md5: string;
  /** CRC-64/XZ of the plaintext, decimal. */
  crc64: string;
  /** How the bytes at rest are encrypted; absent for plaintext at rest. */
  encryption?: ObjectEncryption;
}

/** A body as a plain record: spreading the blob store's record would miss its accessor fields. */
export function copyBody(body: StoredBody): StoredBody {
  const { blob, size, md5, crc64, encryption } = body;
  return encryption ? { blob, size, md5, crc64, encryption } : { blob, size, md5, crc64 };
}

/** One version of a key: an object or a delete marker. Unversioned objects have id `null`. */
export interface ObjectVersion {
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  lastModified: Date;
  /** ETag without quotes. */
  etag: string;
  size: number;
  body?: StoredBody;
  contentHeaders: ContentHeaders;
  /** `x-cos-meta-*` headers, names lower case with the prefix kept. */
  userMetadata: Record<string, string>;
  storageClass: string;
  /** Canned ACL or grants; absent means private (inherits the bucket). */
  acl?: ObjectAcl;
  tags: Tag[];
  /** Set for objects created by Append Object. */
  appendable?: boolean;
  /** `x-cos-replication-status` of this version, when replication touched it. */
  replicationStatus?: ReplicationStatus;
}

export type ReplicationStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'Replica';

export interface Tag {
  key: string;
  value: string;
}

export interface Grant {
  /**
   * e.g. `qcs::cam::uin/100000000001:uin/100000000001`, or the AllUsers group
   * `http://cam.qcloud.com/groups/global/AllUsers`.
   */
  grantee: string;
  granteeType: 'CanonicalUser' | 'Group';
  permission: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL';
}

export interface ObjectAcl {
  /** `private`, `public-read`, `public-read-write`, or `default` (inherit the bucket). */
  canned?: string;
  grants: Grant[];
}

export const NULL_VERSION_ID = 'null';
