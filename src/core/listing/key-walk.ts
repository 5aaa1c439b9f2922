import { compareKeys, keyAfterPrefix } from '../index/key-order';
import { VisitCounter } from '../index/sorted-key-map';

/** An ordered index seek: entries in key order from `from` (exclusive when asked). */
export type Seek<V> = (
  from: string | undefined,
  exclusive: boolean,
  counter?: VisitCounter,
) => Iterable<[string, V]>;

export interface KeyWalkOptions {
  prefix?: string;
  delimiter?: string;
  /** Start after this key (a marker); a marker that is itself a common prefix skips it whole. */
  after?: string;
  /** Start at this key, inclusive (e.g. a key marker with a version id marker). */
  at?: string;
  counter?: VisitCounter;
}

/** One step of a listing: a key with its value, or a common prefix rolling up many keys. */
export type KeyWalkItem<V> =
  { kind: 'entry'; key: string; value: V } | { kind: 'prefix'; prefix: string };

/**
 * Walks an index under a prefix in key order, rolling keys that contain the delimiter after the
 * prefix into common prefixes. After a common prefix it seeks past every key under it, so a
 * listing costs O(log n) per seek plus O(1) per item returned, never O(keys under a prefix).
 */
export function* walkKeys<V>(seek: Seek<V>, options: KeyWalkOptions): Generator<KeyWalkItem<V>> {
  const prefix = options.prefix ?? '';
  const delimiter = options.delimiter || undefined;
  const start = startPoint(prefix, delimiter, options);
  if (!start) return;
  let { from, exclusive } = start;

  for (;;) {
    let resumeAt: string | undefined;
    for (const [key, value] of seek(from, exclusive, options.counter)) {
      if (!key.startsWith(prefix)) return;
      const commonPrefix = delimiter && commonPrefixOf(key, prefix, delimiter);
      if (!commonPrefix) {
        yield { kind: 'entry', key, value };
        continue;
      }
      yield { kind: 'prefix', prefix: commonPrefix };
      resumeAt = keyAfterPrefix(commonPrefix);
      if (resumeAt === undefined) return;
      break;
    }
    if (resumeAt === undefined) return;
    from = resumeAt;
    exclusive = false;
  }
}

/** The common prefix a key rolls up into: the prefix, then up to and including the delimiter. */
export function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

interface StartPoint {
  from: string;
  exclusive: boolean;
}

/** Where the walk begins; undefined when nothing can follow the marker. */
function startPoint(
  prefix: string,
  delimiter: string | undefined,
  options: KeyWalkOptions,
): StartPoint | undefined {
  if (options.at !== undefined && compareKeys(options.at, prefix) >= 0) {
    return { from: options.at, exclusive: false };
  }
  const after = options.after;
  if (after === undefined || after === '' || compareKeys(after, prefix) < 0) {
    return { from: prefix, exclusive: false };
  }
  // A marker equal to a common prefix (a NextMarker that was a prefix) resumes past all of it.
  if (delimiter && after.startsWith(prefix) && commonPrefixOf(after, prefix, delimiter) === after) {
    const next = keyAfterPrefix(after);
    return next === undefined ? undefined : { from: next, exclusive: false };
  }
  return { from: after, exclusive: true };
}
