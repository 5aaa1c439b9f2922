import { VisitCounter } from '../index/sorted-key-map';
import { ObjectVersion } from '../model/object-version';
import { KeyHistory, ObjectTable } from '../objects/object-table';
import { KeyWalkItem, walkKeys } from './key-walk';
import { takePage } from './page';

export interface ListVersionsQuery {
  prefix?: string;
  delimiter?: string;
  keyMarker?: string;
  /** With keyMarker: resume inside that key's history, after this version. */
  versionIdMarker?: string;
  maxKeys: number;
}

/** One row of GET ?versions: a version or delete marker (with IsLatest), or a common prefix. */
export type VersionListItem =
  | { kind: 'version'; version: ObjectVersion; isLatest: boolean }
  | { kind: 'prefix'; prefix: string };

export interface VersionListing {
  items: VersionListItem[];
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

/**
 * GET Bucket object versions: every version and delete marker in key order, newest first within
 * a key; versions, markers and common prefixes count together toward maxKeys (reference 4.6).
 */
export function listVersions(
  table: ObjectTable,
  query: ListVersionsQuery,
  counter?: VisitCounter,
): VersionListing {
  const resumeInside = query.keyMarker !== undefined && query.versionIdMarker !== undefined;
  const walk = walkKeys<KeyHistory>(
    (from, exclusive, visits) => table.historiesFrom(from, exclusive, visits),
    {
      prefix: query.prefix,
      delimiter: query.delimiter,
      after: resumeInside ? undefined : query.keyMarker,
      at: resumeInside ? query.keyMarker : undefined,
      counter,
    },
  );
  const rows = expand(walk, resumeInside ? query : undefined);
  const page = takePage(rows, query.maxKeys);

  const listing: VersionListing = { items: page.items, isTruncated: page.isTruncated };
  const last = page.items[page.items.length - 1];
  if (page.isTruncated && last) {
    if (last.kind === 'prefix') listing.nextKeyMarker = last.prefix;
    else {
      listing.nextKeyMarker = last.version.key;
      listing.nextVersionIdMarker = last.version.versionId;
    }
  }
  return listing;
}

function* expand(
  walk: Iterable<KeyWalkItem<KeyHistory>>,
  marker: ListVersionsQuery | undefined,
): Generator<VersionListItem> {
  for (const item of walk) {
    if (item.kind === 'prefix') {
      yield item;
      continue;
    }
    const versions = item.value.versions;
    let start = 0;
    if (marker && item.key === marker.keyMarker) {
      // An unknown version id marker skips the whole key: nothing in it can be placed after it.
      const at = versions.findIndex((v) => v.versionId === marker.versionIdMarker);
      start = at < 0 ? versions.length : at + 1;
    }
    for (let i = start; i < versions.length; i++) {
      yield { kind: 'version', version: versions[i], isLatest: i === 0 };
    }
  }
}
