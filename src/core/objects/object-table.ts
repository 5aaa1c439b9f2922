import { SortedKeyMap, VisitCounter } from '../index/sorted-key-map';
import { NULL_VERSION_ID, ObjectVersion } from '../model/object-version';

/** All versions of one key, newest first. */
export interface KeyHistory {
  key: string;
  versions: ObjectVersion[];
}

export type VersioningStatus = '' | 'Enabled' | 'Suspended';

/** A key with more than one version; a key with one is indexed by that version alone. */
class VersionList implements KeyHistory {
  constructor(
    readonly key: string,
    public versions: ObjectVersion[],
  ) {}
}

type HistoryEntry = ObjectVersion | VersionList;

/**
 * The objects of one bucket. Two sorted indexes: every key with any version (for GET ?versions)
 * and the keys whose latest version is an object (for plain listings), so that neither listing
 * has to skip over deleted keys one by one.
 *
 * Most keys have a single version, so the history index holds that version itself and a
 * KeyHistory is only built when asked for: a list and its array cost ~100 bytes per key. Version
 * arrays are rebuilt at their exact length rather than grown, which would leave ~150 bytes of
 * spare capacity behind each.
 */
export class ObjectTable {
  private readonly histories = new SortedKeyMap<HistoryEntry>(keyOf);
  private readonly current = new SortedKeyMap<ObjectVersion>(keyOf);
  private versionCount = 0;

  get keyCount(): number {
    return this.current.size;
  }

  /** Every version and delete marker held, for DELETE Bucket's emptiness check. */
  get totalVersions(): number {
    return this.versionCount;
  }

  history(key: string): KeyHistory | undefined {
    const entry = this.histories.get(key);
    return entry && asHistory(key, entry);
  }

  latest(key: string): ObjectVersion | undefined {
    const entry = this.histories.get(key);
    return entry instanceof VersionList ? entry.versions[0] : entry;
  }

  /** The latest version of `key` if it is an object (not a delete marker). */
  currentObject(key: string): ObjectVersion | undefined {
    return this.current.get(key);
  }

  version(key: string, versionId: string): ObjectVersion | undefined {
    return this.versionsOf(key).find((v) => v.versionId === versionId);
  }

  /**
   * Adds a new latest version. Under any status but Enabled the new version is the `null`
   * version and replaces the previous `null` one, which is returned so its bytes can be freed.
   */
  add(version: ObjectVersion, status: VersioningStatus): ObjectVersion | undefined {
    const existing = this.histories.get(version.key);
    version.key = existing ? existing.key : ownCopy(version.key);
    let older = this.versionsOf(version.key);
    let replaced: ObjectVersion | undefined;
    if (status !== 'Enabled' || version.versionId === NULL_VERSION_ID) {
      replaced = older.find((v) => v.versionId === NULL_VERSION_ID);
      if (replaced) {
        older = older.filter((v) => v !== replaced);
        this.versionCount--;
      }
    }
    this.versionCount++;
    this.store(version.key, [version, ...older]);
    return replaced;
  }

  /** Replaces a version in place (same key and id), e.g. after Append or a tagging change. */
  replace(version: ObjectVersion): void {
    const versions = this.versionsOf(version.key);
    const i = versions.findIndex((v) => v.versionId === version.versionId);
    if (i < 0) return;
    this.store(
      version.key,
      versions.map((v, j) => (j === i ? version : v)),
    );
  }

  /** Removes one version for good; returns it so its bytes can be freed. */
  remove(key: string, versionId: string): ObjectVersion | undefined {
    const versions = this.versionsOf(key);
    const removed = versions.find((v) => v.versionId === versionId);
    if (!removed) return undefined;
    this.versionCount--;
    this.store(
      key,
      versions.filter((v) => v !== removed),
    );
    return removed;
  }

  /** Current objects in key order from `from` (exclusive when asked). */
  currentFrom(from?: string, exclusive = false, counter?: VisitCounter) {
    return this.current.entriesFrom(from, exclusive, counter);
  }

  /** Key histories in key order from `from`. */
  *historiesFrom(
    from?: string,
    exclusive = false,
    counter?: VisitCounter,
  ): Generator<[string, KeyHistory]> {
    for (const [key, entry] of this.histories.entriesFrom(from, exclusive, counter)) {
      yield [key, asHistory(key, entry)];
    }
  }

  /** Every version of every key, for reset and bucket deletion. */
  *allVersions(): Generator<ObjectVersion> {
    for (const [key, entry] of this.histories.entriesFrom()) {
      yield* asHistory(key, entry).versions;
    }
  }

  private versionsOf(key: string): ObjectVersion[] {
    const entry = this.histories.get(key);
    if (!entry) return [];
    return entry instanceof VersionList ? entry.versions : [entry];
  }

  /** Indexes the versions of a key, newest first; none removes the key. */
  private store(key: string, versions: ObjectVersion[]): void {
    const entry = this.histories.get(key);
    if (versions.length === 0) this.histories.delete(key);
    else if (versions.length === 1) this.histories.set(key, versions[0]);
    else if (entry instanceof VersionList) entry.versions = versions;
    else this.histories.set(key, new VersionList(key, versions));

    const latest = versions[0];
    if (latest && !latest.isDeleteMarker) this.current.set(key, latest);
    else this.current.delete(key);
  }
}

function asHistory(key: string, entry: HistoryEntry): KeyHistory {
  return entry instanceof VersionList ? entry : { key, versions: [entry] };
}

/**
 * A key that is a slice of the request's URL keeps the whole URL alive for as long as the object
 * lives; a copy holds only the key's own characters. (A key with a lone surrogate, which UTF-8
 * cannot carry, is kept as it is.)
 */
function ownCopy(key: string): string {
  const copy = Buffer.from(key, 'utf8').toString('utf8');
  return copy === key ? copy : key;
}

function keyOf(entry: HistoryEntry): string {
  return entry.key;
}
