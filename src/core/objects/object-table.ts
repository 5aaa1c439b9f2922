import { SortedKeyMap, VisitCounter } from '../index/sorted-key-map';
import { NULL_VERSION_ID, ObjectVersion } from '../model/object-version';

/** All versions of one key, newest first. */
export interface KeyHistory {
  key: string;
  versions: ObjectVersion[];
}

export type VersioningStatus = '' | 'Enabled' | 'Suspended';

/**
 * The objects of one bucket. Two sorted indexes: every key with any version (for GET ?versions)
 * and the keys whose latest version is an object (for plain listings), so that neither listing
 * has to skip over deleted keys one by one.
 */
export class ObjectTable {
  private readonly histories = new SortedKeyMap<KeyHistory>();
  private readonly current = new SortedKeyMap<ObjectVersion>();
  private versionCount = 0;

  get keyCount(): number {
    return this.current.size;
  }

  /** Every version and delete marker held, for DELETE Bucket's emptiness check. */
  get totalVersions(): number {
    return this.versionCount;
  }

  history(key: string): KeyHistory | undefined {
    return this.histories.get(key);
  }

  latest(key: string): ObjectVersion | undefined {
    return this.histories.get(key)?.versions[0];
  }

  /** The latest version of `key` if it is an object (not a delete marker). */
  currentObject(key: string): ObjectVersion | undefined {
    return this.current.get(key);
  }

  version(key: string, versionId: string): ObjectVersion | undefined {
    return this.histories.get(key)?.versions.find((v) => v.versionId === versionId);
  }

  /**
   * Adds a new latest version. Under any status but Enabled the new version is the `null`
   * version and replaces the previous `null` one, which is returned so its bytes can be freed.
   */
  add(version: ObjectVersion, status: VersioningStatus): ObjectVersion | undefined {
    let history = this.histories.get(version.key);
    if (!history) {
      history = { key: version.key, versions: [] };
      this.histories.set(version.key, history);
    }
    let replaced: ObjectVersion | undefined;
    if (status !== 'Enabled' || version.versionId === NULL_VERSION_ID) {
      const i = history.versions.findIndex((v) => v.versionId === NULL_VERSION_ID);
      if (i >= 0) {
        replaced = history.versions.splice(i, 1)[0];
        this.versionCount--;
      }
    }
    history.versions.unshift(version);
    this.versionCount++;
    this.refreshCurrent(history);
    return replaced;
  }

  /** Replaces a version in place (same key and id), e.g. after Append or a tagging change. */
  replace(version: ObjectVersion): void {
    const history = this.histories.get(version.key);
    if (!history) return;
    const i = history.versions.findIndex((v) => v.versionId === version.versionId);
    if (i < 0) return;
    history.versions[i] = version;
    this.refreshCurrent(history);
  }

  /** Removes one version for good; returns it so its bytes can be freed. */
  remove(key: string, versionId: string): ObjectVersion | undefined {
    const history = this.histories.get(key);
    if (!history) return undefined;
    const i = history.versions.findIndex((v) => v.versionId === versionId);
    if (i < 0) return undefined;
    const [removed] = history.versions.splice(i, 1);
    this.versionCount--;
    if (history.versions.length === 0) this.histories.delete(key);
    this.refreshCurrent(history);
    return removed;
  }

  /** Current objects in key order from `from` (exclusive when asked). */
  currentFrom(from?: string, exclusive = false, counter?: VisitCounter) {
    return this.current.entriesFrom(from, exclusive, counter);
  }

  /** Key histories in key order from `from`. */
  historiesFrom(from?: string, exclusive = false, counter?: VisitCounter) {
    return this.histories.entriesFrom(from, exclusive, counter);
  }

  /** Every version of every key, for reset and bucket deletion. */
  *allVersions(): Generator<ObjectVersion> {
    for (const [, history] of this.histories.entriesFrom()) yield* history.versions;
  }

  private refreshCurrent(history: KeyHistory): void {
    const latest = history.versions[0];
    if (latest && !latest.isDeleteMarker) this.current.set(history.key, latest);
    else this.current.delete(history.key);
  }
}
