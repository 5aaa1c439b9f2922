import {
  ContentHeaders,
  ObjectAcl,
  ObjectVersion,
  ReplicationStatus,
  StoredBody,
  Tag,
} from './object-version';

/** What a write knows about a new version; `createObjectVersion` picks the stored form. */
export interface ObjectVersionFields {
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  lastModified: Date;
  etag: string;
  size: number;
  body?: StoredBody;
  contentHeaders: ContentHeaders;
  userMetadata: Record<string, string>;
  storageClass: string;
  acl?: ObjectAcl;
  tags: Tag[];
}

// Most objects carry no headers, metadata or tags. Each empty map costs ~56 bytes and each empty
// array ~32; a bucket of a million objects shares these instead. Frozen, so that a write into one
// fails loudly instead of reaching every object.
const EMPTY_HEADERS: ContentHeaders = Object.freeze({});
const EMPTY_METADATA: Record<string, string> = Object.freeze({});
const EMPTY_TAGS: Tag[] = Object.freeze([]) as unknown as Tag[];

/**
 * The stored form of an object version. A bucket holds one per version, so its size is most of
 * the emulator's memory per object: the time is kept as milliseconds because a Date costs
 * ~110 bytes more, and the date is rebuilt on each read (listing and headers format it anyway).
 */
class VersionRecord implements ObjectVersion {
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  etag: string;
  size: number;
  body: StoredBody | undefined;
  contentHeaders: ContentHeaders;
  userMetadata: Record<string, string>;
  storageClass: string;
  acl: ObjectAcl | undefined;
  tags: Tag[];
  appendable: boolean | undefined;
  replicationStatus: ReplicationStatus | undefined;
  #modifiedMs: number;

  constructor(fields: ObjectVersionFields) {
    this.key = fields.key;
    this.versionId = fields.versionId;
    this.isDeleteMarker = fields.isDeleteMarker;
    this.etag = fields.etag;
    this.size = fields.size;
    this.body = fields.body;
    this.contentHeaders = isEmpty(fields.contentHeaders) ? EMPTY_HEADERS : fields.contentHeaders;
    this.userMetadata = isEmpty(fields.userMetadata) ? EMPTY_METADATA : fields.userMetadata;
    this.storageClass = fields.storageClass;
    this.acl = fields.acl;
    this.tags = fields.tags.length === 0 ? EMPTY_TAGS : fields.tags;
    this.appendable = undefined;
    this.replicationStatus = undefined;
    this.#modifiedMs = fields.lastModified.getTime();
  }

  get lastModified(): Date {
    return new Date(this.#modifiedMs);
  }

  set lastModified(value: Date) {
    this.#modifiedMs = value.getTime();
  }
}

/** A new object version or delete marker, in its compact stored form. */
export function createObjectVersion(fields: ObjectVersionFields): ObjectVersion {
  return new VersionRecord(fields);
}

function isEmpty(map: object): boolean {
  for (const name in map) return false;
  return true;
}
