import { Readable } from 'stream';
import { createHash } from 'crypto';
import { crc64 } from '../../src/core/checksums/crc64';
import {
  changedVersion,
  createObjectVersion,
  ObjectVersionFields,
} from '../../src/core/model/version-record';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { ingest } from '../../src/storage/ingest';

async function plainBody(bytes: Buffer) {
  return ingest(createBlobStore(), Readable.from([bytes]));
}

function fields(overrides: Partial<ObjectVersionFields> = {}): ObjectVersionFields {
  return {
    key: 'a',
    versionId: 'null',
    isDeleteMarker: false,
    lastModified: new Date('2026-01-02T03:04:05.678Z'),
    etag: '',
    size: 0,
    contentHeaders: { 'content-type': 'text/plain' },
    userMetadata: {},
    storageClass: 'STANDARD',
    tags: [],
    ...overrides,
  };
}

describe('compact object versions', () => {
  it('keeps the MD5 and CRC-64 of a small plaintext body exactly', async () => {
    const bytes = Buffer.from('the quick brown fox jumps over the lazy dog, '.repeat(20));
    const body = await plainBody(bytes);

    expect(body.md5).toBe(createHash('md5').update(bytes).digest('hex'));
    expect(body.crc64).toBe(crc64(bytes));
    expect(body.size).toBe(bytes.length);
    expect(body.blob.size).toBe(bytes.length);
  });

  it('derives the ETag and size from the body, and keeps them when the body changes', async () => {
    const body = await plainBody(Buffer.from('hello'));
    const version = createObjectVersion(fields({ body, etag: body.md5, size: body.size }));

    expect(version.etag).toBe(body.md5);
    expect(version.size).toBe(5);
    version.body = undefined;
    expect(version.etag).toBe(body.md5);
    expect(version.size).toBe(5);
  });

  it('changes one version without reaching another that shares its fields', () => {
    const first = createObjectVersion(fields());
    const second = createObjectVersion(fields({ key: 'b' }));

    first.tags = [{ key: 'team', value: 'storage' }];
    first.storageClass = 'ARCHIVE';

    expect(first.tags).toEqual([{ key: 'team', value: 'storage' }]);
    expect(second.tags).toEqual([]);
    expect(second.storageClass).toBe('STANDARD');
    expect(second.contentHeaders).toEqual({ 'content-type': 'text/plain' });
  });

  it('keeps times near and far from now to the millisecond, and version ids', () => {
    const far = new Date('1999-12-31T23:59:59.999Z');
    const near = new Date(Date.now() + 1234);
    const old = createObjectVersion(fields({ lastModified: far, versionId: 'v1' }));
    const recent = changedVersion(old, { lastModified: near, versionId: 'null' });

    expect(old.lastModified.toISOString()).toBe(far.toISOString());
    expect(old.versionId).toBe('v1');
    expect(recent.lastModified.toISOString()).toBe(near.toISOString());
    expect(recent.versionId).toBe('null');
  });
});
