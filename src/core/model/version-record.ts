import {
  ContentHeaders,
  NULL_VERSION_ID,
  ObjectAcl,
  ObjectVersion,
  ReplicationStatus,
  StoredBody,
  Tag,
} from './object-version';

/**
 * What a write knows about a new version: every field of one; `createObjectVersion` picks the
 * stored form.
 */
export type ObjectVersionFields = ObjectVersion;

/** The fields of a version that most objects share with many others. */
interface VersionExtras {
  /** Undefined when the ETag is the body's MD5, the case of most objects. */
  readonly etag: string | undefined;
  /** Undefined when the size is the body's (0 without a body). */
  readonly size: number | undefined;
  readonly isDeleteMarker: boolean;
  readonly storageClass: string;
  readonly contentHeaders: ContentHeaders;
  readonly userMetadata: Record<string, string>;
  readonly acl: ObjectAcl | undefined;
  readonly tags: Tag[];
  readonly appendable: boolean | undefined;
  readonly replicationStatus: ReplicationStatus | undefined;
}

// Each empty map costs ~56 bytes and each empty array ~32; a bucket of a million objects shares
// these instead. Frozen, so that a write into one fails loudly instead of reaching every object.
const EMPTY_HEADERS: ContentHeaders = Object.freeze({});
const EMPTY_METADATA: Record<string, string> = Object.freeze({});
const EMPTY_TAGS: Tag[] = Object.freeze([]) as unknown as Tag[];

// Most versions differ from each other only in key, id, checksum and time: their other fields
// are one of a few combinations (class, delete marker, content type), kept once each. Bounded,
// so that a client inventing content types cannot grow it without end.
const SHARED_EXTRAS = new Map<string, VersionExtras>();
const MAX_SHARED_EXTRAS = 1024;

function extrasOf(extras: VersionExtras, body: StoredBody | undefined): VersionExtras {
  const normal: VersionExtras = {
    etag: body && extras.etag === body.md5 ? undefined : extras.etag,
    size: extras.size === (body ? body.size : 0) ? undefined : extras.size,
    isDeleteMarker: extras.isDeleteMarker,
    storageClass: extras.storageClass,
    contentHeaders: isEmpty(extras.contentHeaders) ? EMPTY_HEADERS : extras.contentHeaders,
    userMetadata: isEmpty(extras.userMetadata) ? EMPTY_METADATA : extras.userMetadata,
    acl: extras.acl,
    tags: extras.tags.length === 0 ? EMPTY_TAGS : extras.tags,
    appendable: extras.appendable,
    replicationStatus: extras.replicationStatus,
  };
  const name = shareableName(normal);
  if (name === undefined) return normal;

  const shared = SHARED_EXTRAS.get(name);
  if (shared) return shared;
  if (SHARED_EXTRAS.size >= MAX_SHARED_EXTRAS) return normal;
  const frozen = Object.freeze({
    ...normal,
    contentHeaders: Object.freeze({ ...normal.contentHeaders }),
  });
  SHARED_EXTRAS.set(name, frozen);
  return frozen;
}

/** A name for extras made only of shareable values, or undefined when one is the object's own. */
function shareableName(extras: VersionExtras): string | undefined {
  if (extras.userMetadata !== EMPTY_METADATA || extras.tags !== EMPTY_TAGS) return undefined;
  if (extras.acl || extras.appendable !== undefined) return undefined;
  if (extras.replicationStatus !== undefined) return undefined;
  if ((extras.etag ?? '') !== '' || extras.size !== undefined) return undefined;
  const names = Object.keys(extras.contentHeaders);
  const contentType = extras.contentHeaders['content-type'];
  if (names.length > 1 || (names.length === 1 && typeof contentType !== 'string')) return undefined;
  const marker = extras.isDeleteMarker ? 'marker' : 'object';
  const etag = extras.etag === undefined ? 'md5' : 'empty';
  return `${marker}\n${etag}\n${extras.storageClass}\n${contentType ?? ''}`;
}

// The time is kept as milliseconds from the process start when that fits a small integer (±12
// days), stored inline in the record; a double would cost a 16-byte box per version, a Date
// ~110 bytes. Times further off (fixtures, a clock moved far) keep their Date.
const TIME_BASE = Date.now();
const SMALL_INTEGER = 2 ** 30;

/**
 * The stored form of an object version. A bucket holds one per version, so its size is most of
 * the emulator's memory per object: the rarely-set fields live in a shared extras record,
 * replaced (never changed in place) when one of them is assigned.
 */
class VersionRecord implements ObjectVersion {
  key: string;
  #body: StoredBody | undefined;
  #extras: VersionExtras;
  #modified: number | Date;

  constructor(fields: ObjectVersionFields) {
    this.key = fields.key;
    this.#body = fields.body;
    this.#extras = extrasOf(
      {
        etag: fields.etag,
        size: fields.size,
        isDeleteMarker: fields.isDeleteMarker,
        storageClass: fields.storageClass,
        contentHeaders: fields.contentHeaders,
        userMetadata: fields.userMetadata,
        acl: fields.acl,
        tags: fields.tags,
        appendable: fields.appendable,
        replicationStatus: fields.replicationStatus,
      },
      fields.body,
    );
    this.#modified = compactTime(fields.lastModified);
  }

  get lastModified(): Date {
    const modified = this.#modified;
    return new Date(typeof modified === 'number' ? TIME_BASE + modified : modified.getTime());
  }

  set lastModified(value: Date) {
    this.#modified = compactTime(value);
  }

  /** The `null` version, the only kind in a bucket never versioned: no slot for its id. */
  get versionId(): string {
    return NULL_VERSION_ID;
  }

  get body(): StoredBody | undefined {
    return this.#body;
  }

  set body(value: StoredBody | undefined) {
    // The ETag and size were perhaps the old body's: they are kept, not taken from the new one.
    const { etag, size } = this;
    this.#body = value;
    this.change({ etag, size });
  }

  get etag(): string {
    return this.#extras.etag ?? (this.#body?.md5 as string);
  }

  set etag(value: string) {
    this.change({ etag: value });
  }

  get size(): number {
    return this.#extras.size ?? (this.#body ? this.#body.size : 0);
  }

  set size(value: number) {
    this.change({ size: value });
  }

  get isDeleteMarker(): boolean {
    return this.#extras.isDeleteMarker;
  }

  set isDeleteMarker(value: boolean) {
    this.change({ isDeleteMarker: value });
  }

  get storageClass(): string {
    return this.#extras.storageClass;
  }

  set storageClass(value: string) {
    this.change({ storageClass: value });
  }

  get contentHeaders(): ContentHeaders {
    return this.#extras.contentHeaders;
  }

  set contentHeaders(value: ContentHeaders) {
    this.change({ contentHeaders: value });
  }

  get userMetadata(): Record<string, string> {
    return this.#extras.userMetadata;
  }

  set userMetadata(value: Record<string, string>) {
    this.change({ userMetadata: value });
  }

  get acl(): ObjectAcl | undefined {
    return this.#extras.acl;
  }

  set acl(value: ObjectAcl | undefined) {
    this.change({ acl: value });
  }

  get tags(): Tag[] {
    return this.#extras.tags;
  }

  set tags(value: Tag[]) {
    this.change({ tags: value });
  }

  get appendable(): boolean | undefined {
    return this.#extras.appendable;
  }

  set appendable(value: boolean | undefined) {
    this.change({ appendable: value });
  }

  get replicationStatus(): ReplicationStatus | undefined {
    return this.#extras.replicationStatus;
  }

  set replicationStatus(value: ReplicationStatus | undefined) {
    this.change({ replicationStatus: value });
  }

  // Not a #method: those add a brand slot to every instance.
  private change(changes: Partial<VersionExtras>): void {
    this.#extras = extrasOf({ ...this.#extras, ...changes }, this.#body);
  }
}

/** A version with an id of its own (a bucket with versioning enabled). */
class IdentifiedVersionRecord extends VersionRecord {
  readonly #versionId: string;

  constructor(fields: ObjectVersionFields) {
    super(fields);
    this.#versionId = fields.versionId;
  }

  override get versionId(): string {
    return this.#versionId;
  }
}

/** A new object version or delete marker, in its compact stored form. */
export function createObjectVersion(fields: ObjectVersionFields): ObjectVersion {
  if (fields.versionId === NULL_VERSION_ID) return new VersionRecord(fields);
  return new IdentifiedVersionRecord(fields);
}

/** A copy of a version with some fields changed, in the compact stored form. */
export function changedVersion(
  version: ObjectVersion,
  changes: Partial<ObjectVersionFields>,
): ObjectVersion {
  return createObjectVersion({
    key: version.key,
    versionId: version.versionId,
    isDeleteMarker: version.isDeleteMarker,
    lastModified: version.lastModified,
    etag: version.etag,
    size: version.size,
    body: version.body,
    contentHeaders: version.contentHeaders,
    userMetadata: version.userMetadata,
    storageClass: version.storageClass,
    acl: version.acl,
    tags: version.tags,
    appendable: version.appendable,
    replicationStatus: version.replicationStatus,
    ...changes,
  });
}

function compactTime(value: Date): number | Date {
  const offset = value.getTime() - TIME_BASE;
  return Number.isInteger(offset) && Math.abs(offset) < SMALL_INTEGER ? offset : new Date(value);
}

function isEmpty(map: object): boolean {
  for (const name in map) return false;
  return true;
}
