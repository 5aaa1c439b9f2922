import { Readable } from 'stream';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { ingest } from '../../src/storage/ingest';
import { CosError } from '../../src/errors';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('SegmentBlobStore', () => {
  it('streams a blob larger than a segment back whole and by range', async () => {
    const store = createBlobStore();
    const bytes = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE(i, i);
    const stored = await ingest(
      store,
      Readable.from([bytes.subarray(0, 9e6), bytes.subarray(9e6)]),
    );

    expect(stored.size).toBe(bytes.length);
    expect((await collect(store.read(stored.blob))).equals(bytes)).toBe(true);
    const start = 8 * 1024 * 1024 - 10;
    const range = await collect(store.read(stored.blob, start, start + 100));
    expect(range.equals(bytes.subarray(start, start + 100))).toBe(true);
  });

  it('unlinks a segment once every blob in it is released', async () => {
    const store = createBlobStore();
    const big = await ingest(store, Buffer.alloc(9 * 1024 * 1024, 1));
    const small = await ingest(store, Buffer.from('x'));
    expect(store.stats().segments).toBe(2);
    store.release(big.blob);
    expect(store.stats().segments).toBe(1);
    store.release(small.blob);
    expect(store.stats().liveBytes).toBe(0);
  });

  it('gives back the space of a body whose Content-MD5 does not match', async () => {
    const store = createBlobStore();
    const wrongMd5 = Buffer.alloc(16).toString('base64');
    await expect(ingest(store, Buffer.from('hello'), { contentMd5: wrongMd5 })).rejects.toThrow(
      CosError,
    );
    expect(store.stats().liveBytes).toBe(0);
  });

  it('refuses a body shorter than its Content-Length as IncompleteBody', async () => {
    const store = createBlobStore();
    const failure = ingest(store, Buffer.from('abc'), { expectedLength: 10 });
    await expect(failure).rejects.toMatchObject({ code: 'IncompleteBody' });
    expect(store.stats().liveBytes).toBe(0);
  });
});

describe('SegmentBlobStore readers', () => {
  it('keeps the bytes of a blob released while a stream still reads it', async () => {
    const store = createBlobStore();
    const bytes = Buffer.alloc(20 * 1024 * 1024, 7);
    const stored = await ingest(store, bytes);
    await ingest(store, Buffer.from('a later blob moves writes to a new segment'));

    const reading = store.read(stored.blob);
    store.release(stored.blob);
    expect(store.stats().segments).toBe(3);
    const read = await collect(reading);

    expect(read.equals(bytes)).toBe(true);
    expect(store.stats().segments).toBe(1);
  });
});
