import { randomBytes } from 'crypto';
import { Readable } from 'stream';
import { CHUNK_SIZE, sealedSize } from '../../src/sse/chunk-layout';
import { createChunkSealer, openSealedRange } from '../../src/sse/chunk-cipher';
import { CosError } from '../../src/errors';

const dataKey = randomBytes(32);
const noncePrefix = randomBytes(8);

/** Seals `plain` as ingest would, fed in pieces of `piece` bytes. */
function seal(plain: Buffer, piece = 1000): Buffer {
  const sealer = createChunkSealer(dataKey, noncePrefix);
  const out: Buffer[] = [];
  for (let at = 0; at < plain.length; at += piece) {
    const sealed = sealer.push(plain.subarray(at, at + piece));
    if (sealed) out.push(sealed);
  }
  const tail = sealer.end();
  if (tail) out.push(tail);
  return Buffer.concat(out);
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function open(sealed: Buffer, plainSize: number, start = 0, end = plainSize): Readable {
  const read = (from: number, to: number) => sealed.subarray(from, to);
  return openSealedRange({ read, dataKey, noncePrefix, plainSize, start, end });
}

describe('chunked AES-256-GCM at rest', () => {
  it.each([0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 17])(
    'round-trips %i bytes with one 16-byte tag per 64 KiB chunk',
    async (size) => {
      const plain = randomBytes(size);
      const sealed = seal(plain, 7919);
      expect(sealed.length).toBe(sealedSize(size));
      expect(await drain(open(sealed, size))).toEqual(plain);
    },
  );

  it('returns exactly the bytes of a range that crosses chunk boundaries', async () => {
    const plain = randomBytes(5 * CHUNK_SIZE + 300);
    const sealed = seal(plain, CHUNK_SIZE * 2 + 5);
    for (const [start, end] of [
      [0, 1],
      [CHUNK_SIZE - 3, CHUNK_SIZE + 3],
      [CHUNK_SIZE, 2 * CHUNK_SIZE],
      [123, 5 * CHUNK_SIZE + 300],
      [5 * CHUNK_SIZE + 299, 5 * CHUNK_SIZE + 300],
    ]) {
      const got = await drain(open(sealed, plain.length, start, end));
      expect(got).toEqual(plain.subarray(start, end));
    }
  });

  it('does not store the plaintext', () => {
    const plain = Buffer.alloc(3 * CHUNK_SIZE, 'a');
    const sealed = seal(plain);
    expect(sealed.includes(Buffer.alloc(64, 'a'))).toBe(false);
  });

  it('fails the stream with a CosError when a stored byte is flipped', async () => {
    const plain = randomBytes(2 * CHUNK_SIZE + 10);
    const sealed = seal(plain);
    sealed[CHUNK_SIZE + 40] ^= 0x01;
    await expect(drain(open(sealed, plain.length))).rejects.toBeInstanceOf(CosError);
  });

  it('fails when the stored body was cut short or its chunks were swapped', async () => {
    const plain = randomBytes(3 * CHUNK_SIZE);
    const sealed = seal(plain);
    const truncated = sealed.subarray(0, sealedSize(2 * CHUNK_SIZE));
    await expect(drain(open(truncated, 2 * CHUNK_SIZE))).rejects.toBeInstanceOf(CosError);
    const size = CHUNK_SIZE + 16;
    const chunkAt = (i: number) => sealed.subarray(i * size, (i + 1) * size);
    const swapped = Buffer.concat([chunkAt(1), chunkAt(0), chunkAt(2)]);
    await expect(drain(open(swapped, plain.length))).rejects.toBeInstanceOf(CosError);
  });
});
