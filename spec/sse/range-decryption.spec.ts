import crypto from 'crypto';
import { Readable } from 'stream';
import { openBody, storeBody } from '../../src/core/objects/store-body';
import { CosService } from '../../src/core/service';
import { StoredBody } from '../../src/core/model/object-version';
import { BlobRef, BlobStore } from '../../src/storage/blob-store';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { sealChunk } from '../../src/sse/chunk-cipher';
import { CHUNK_SIZE, chunkCount, SEALED_CHUNK_SIZE, sealedSize } from '../../src/sse/chunk-layout';
import { newDataKey } from '../../src/sse/data-keys';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const REGION = 'ap-guangzhou';

/**
 * A 1 GiB SSE-COS object that exists only logically: the store computes the sealed bytes of a
 * chunk (of zeros) when it is read, and records which chunks were read. No GiB is allocated.
 */
class SparseSealedStore {
  readonly chunksRead: number[] = [];
  dataKey: Buffer = Buffer.alloc(0);
  noncePrefix: Buffer = Buffer.alloc(0);

  constructor(private readonly plainSize: number) {}

  readSync(_ref: BlobRef, start: number, end: number): Buffer {
    expect(start % SEALED_CHUNK_SIZE).toBe(0);
    const pieces: Buffer[] = [];
    const last = chunkCount(this.plainSize) - 1;
    for (let at = start; at < end; at += SEALED_CHUNK_SIZE) {
      const index = at / SEALED_CHUNK_SIZE;
      this.chunksRead.push(index);
      const plain = Buffer.alloc(Math.min(CHUNK_SIZE, this.plainSize - index * CHUNK_SIZE));
      pieces.push(sealChunk(this.dataKey, this.noncePrefix, index, plain, index === last));
    }
    return Buffer.concat(pieces);
  }
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('range reads of encrypted objects', () => {
  afterEach(() => jest.restoreAllMocks());

  it('decrypts only the 17 chunks a 1 MiB range of a 1 GiB SSE-COS object touches', async () => {
    const sparse = new SparseSealedStore(GIB);
    const store = createBlobStore();
    store.readSync = (ref, start, end) => sparse.readSync(ref, start, end);
    const service = new CosService({
      appId: '1250000000',
      ownerUin: '1250000000',
      regions: [REGION],
      blobStore: store as BlobStore,
    });
    const { dataKey, encryption } = newDataKey(service, REGION, { mode: 'SSE-COS' });
    sparse.dataKey = dataKey;
    sparse.noncePrefix = encryption.noncePrefix;
    const body: StoredBody = {
      blob: { size: sealedSize(GIB), extents: [] },
      size: GIB,
      md5: '',
      crc64: '',
      encryption,
    };

    // 512 MiB + 100 is inside chunk 8192; the range ends inside chunk 8208.
    const start = 512 * MIB + 100;
    const stream = openBody(service, body, { start, end: start + MIB });
    const decipher = jest.spyOn(crypto, 'createDecipheriv');
    const bytes = await drain(stream);

    expect(bytes.length).toBe(MIB);
    expect(bytes.equals(Buffer.alloc(MIB))).toBe(true);
    expect(decipher).toHaveBeenCalledTimes(17);
    expect(sparse.chunksRead).toEqual(Array.from({ length: 17 }, (_, i) => 8192 + i));
    expect(chunkCount(GIB)).toBe(16384);
  });

  it('reads a 1 MiB range of a really stored object chunk by chunk, not whole', async () => {
    const store = createBlobStore();
    const service = new CosService({
      appId: '1250000000',
      ownerUin: '1250000000',
      regions: [REGION],
      blobStore: store,
    });
    const bucket = service.createBucket('range-1250000000', REGION);
    bucket.encryption = { algorithm: 'AES256' };
    const plain = crypto.randomBytes(8 * MIB);
    const body = await storeBody(service, bucket, plain);
    const reads: Array<[number, number]> = [];
    const readSync = store.readSync.bind(store);
    store.readSync = (ref, from, to) => {
      reads.push([from, to]);
      return readSync(ref, from, to);
    };

    const got = await drain(openBody(service, body, { start: 3 * MIB, end: 4 * MIB }));

    expect(got.equals(plain.subarray(3 * MIB, 4 * MIB))).toBe(true);
    const bytesRead = reads.reduce((sum, [from, to]) => sum + to - from, 0);
    expect(bytesRead).toBe(16 * SEALED_CHUNK_SIZE);
  });
});
