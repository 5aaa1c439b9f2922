import { listObjects } from '../../src/core/listing/list-objects';
import { listVersions } from '../../src/core/listing/list-versions';
import { VisitCounter } from '../../src/core/index/sorted-key-map';
import { ObjectVersion } from '../../src/core/model/object-version';
import { ObjectTable, VersioningStatus } from '../../src/core/objects/object-table';

function version(key: string, versionId = 'null', isDeleteMarker = false): ObjectVersion {
  return {
    key,
    versionId,
    isDeleteMarker,
    lastModified: new Date(0),
    etag: 'e',
    size: 1,
    contentHeaders: {},
    userMetadata: {},
    storageClass: 'STANDARD',
    tags: [],
  };
}

function tableOf(keys: string[], status: VersioningStatus = ''): ObjectTable {
  const table = new ObjectTable();
  for (const key of keys) table.add(version(key), status);
  return table;
}

/** 100,000 keys: 10 folders of 10,000 each, inserted out of order. */
function bigTable(): ObjectTable {
  const keys: string[] = [];
  for (let f = 9; f >= 0; f--) {
    for (let i = 0; i < 10000; i++) keys.push(`dir${f}/file-${String(i).padStart(5, '0')}`);
  }
  return tableOf(keys);
}

describe('the listing engine', () => {
  const big = bigTable();

  it('visits about one page of entries for a 1000-key page of a 100,000-key bucket', () => {
    const counter: VisitCounter = { visited: 0 };
    const listing = listObjects(big, { after: 'dir4/file-05000', maxKeys: 1000 }, counter);
    expect(listing.contents).toHaveLength(1000);
    expect(listing.contents[0].key).toBe('dir4/file-05001');
    expect(listing.nextMarker).toBe('dir4/file-06000');
    expect(counter.visited).toBeLessThanOrEqual(1000 + 2);
  });

  it('seeks past common prefixes instead of walking the keys under them', () => {
    const counter: VisitCounter = { visited: 0 };
    const listing = listObjects(big, { delimiter: '/', maxKeys: 1000 }, counter);
    expect(listing.commonPrefixes).toEqual([...Array(10).keys()].map((f) => `dir${f}/`));
    expect(listing.contents).toHaveLength(0);
    expect(listing.isTruncated).toBe(false);
    expect(counter.visited).toBeLessThanOrEqual(20);
  });

  it('lists versions of one folder page by page visiting about one page each', () => {
    const counter: VisitCounter = { visited: 0 };
    const listing = listVersions(big, { prefix: 'dir7/', maxKeys: 500 }, counter);
    expect(listing.items).toHaveLength(500);
    expect(listing.nextKeyMarker).toBe('dir7/file-00499');
    expect(counter.visited).toBeLessThanOrEqual(500 + 2);
  });

  it('resumes after a NextMarker that is a common prefix', () => {
    const table = tableOf(['a/1', 'a/2', 'b', 'c/1', 'd']);
    const first = listObjects(table, { delimiter: '/', maxKeys: 1 });
    expect(first.commonPrefixes).toEqual(['a/']);
    expect(first.nextMarker).toBe('a/');
    const second = listObjects(table, { delimiter: '/', after: first.nextMarker, maxKeys: 2 });
    expect(second.contents.map((v) => v.key)).toEqual(['b']);
    expect(second.commonPrefixes).toEqual(['c/']);
    expect(second.nextMarker).toBe('c/');
    const third = listObjects(table, { delimiter: '/', after: second.nextMarker, maxKeys: 2 });
    expect(third.contents.map((v) => v.key)).toEqual(['d']);
    expect(third.isTruncated).toBe(false);
  });

  it('rolls keys up only after the prefix and keeps UTF-8 byte order', () => {
    const table = tableOf(['p/x/1', 'p/x/2', 'p/y', 'p\u{1F600}', 'p\uFFFD', 'q']);
    const listing = listObjects(table, { prefix: 'p', delimiter: '/', maxKeys: 10 });
    expect(listing.commonPrefixes).toEqual(['p/']);
    expect(listing.contents.map((v) => v.key)).toEqual(['p\uFFFD', 'p\u{1F600}']);
    const inner = listObjects(table, { prefix: 'p/', delimiter: '/', maxKeys: 10 });
    expect(inner.commonPrefixes).toEqual(['p/x/']);
    expect(inner.contents.map((v) => v.key)).toEqual(['p/y']);
  });

  it('orders versions newest first within a key and resumes at a version id marker', () => {
    const table = new ObjectTable();
    table.add(version('k', 'v1'), 'Enabled');
    table.add(version('k', 'v2'), 'Enabled');
    table.add(version('k', 'dm', true), 'Enabled');
    table.add(version('m', 'w1'), 'Enabled');
    const first = listVersions(table, { maxKeys: 2 });
    expect(first.items.map((i) => i.kind === 'version' && i.version.versionId)).toEqual([
      'dm',
      'v2',
    ]);
    expect(first.items[0]).toMatchObject({ isLatest: true });
    expect(first.items[1]).toMatchObject({ isLatest: false });
    expect(first).toMatchObject({ nextKeyMarker: 'k', nextVersionIdMarker: 'v2' });
    const rest = listVersions(table, {
      keyMarker: first.nextKeyMarker,
      versionIdMarker: first.nextVersionIdMarker,
      maxKeys: 10,
    });
    expect(rest.items.map((i) => i.kind === 'version' && i.version.versionId)).toEqual([
      'v1',
      'w1',
    ]);
    expect(rest.isTruncated).toBe(false);
  });

  it('hides keys whose latest version is a delete marker from plain listings', () => {
    const table = new ObjectTable();
    table.add(version('gone', 'v1'), 'Enabled');
    table.add(version('gone', 'dm', true), 'Enabled');
    table.add(version('kept', 'v1'), 'Enabled');
    expect(listObjects(table, { maxKeys: 10 }).contents.map((v) => v.key)).toEqual(['kept']);
  });
});
