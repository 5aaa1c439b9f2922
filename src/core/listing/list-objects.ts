import { VisitCounter } from '../index/sorted-key-map';
import { ObjectVersion } from '../model/object-version';
import { ObjectTable } from '../objects/object-table';
import { walkKeys } from './key-walk';
import { takePage } from './page';

export interface ListObjectsQuery {
  prefix?: string;
  delimiter?: string;
  /** List keys after this one (v1 marker, v2 start-after or continuation token). */
  after?: string;
  maxKeys: number;
}

export interface ObjectListing {
  contents: ObjectVersion[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned, when truncated: where the next page resumes. */
  nextMarker?: string;
}

/**
 * GET Bucket over the current objects (delete markers never show). Contents and common
 * prefixes count together toward maxKeys, in one key order (reference 4.5).
 */
export function listObjects(
  table: ObjectTable,
  query: ListObjectsQuery,
  counter?: VisitCounter,
): ObjectListing {
  const walk = walkKeys((from, exclusive, visits) => table.currentFrom(from, exclusive, visits), {
    prefix: query.prefix,
    delimiter: query.delimiter,
    after: query.after,
    counter,
  });
  const page = takePage(walk, query.maxKeys);

  const listing: ObjectListing = {
    contents: [],
    commonPrefixes: [],
    isTruncated: page.isTruncated,
  };
  for (const item of page.items) {
    if (item.kind === 'entry') listing.contents.push(item.value);
    else listing.commonPrefixes.push(item.prefix);
  }
  const last = page.items[page.items.length - 1];
  if (page.isTruncated && last) {
    listing.nextMarker = last.kind === 'entry' ? last.key : last.prefix;
  }
  return listing;
}
