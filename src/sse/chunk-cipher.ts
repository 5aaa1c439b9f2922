import { createCipheriv, createDecipheriv } from 'crypto';
import { Readable } from 'stream';
import { CosError } from '../errors';
import type { ByteTransform } from '../storage/ingest';
import {
  CHUNK_SIZE,
  chunkCount,
  chunkNonce,
  chunkPlainLength,
  SEALED_CHUNK_SIZE,
  sealedChunkOffset,
  TAG_SIZE,
} from './chunk-layout';

const FINAL = Buffer.from([1]);
const NOT_FINAL = Buffer.from([0]);
/** Chunks read from the blob store per stream read: about 256 KiB, one read call. */
const CHUNKS_PER_READ = 4;

/** One chunk at rest: ciphertext then tag. `final` marks the last chunk of the body. */
export function sealChunk(
  dataKey: Buffer,
  noncePrefix: Buffer,
  index: number,
  plaintext: Buffer,
  final: boolean,
): Buffer {
  return Buffer.concat(sealPieces(dataKey, noncePrefix, index, [plaintext], final));
}

/** Seals a chunk given as pieces, without joining the plaintext first. */
function sealPieces(
  dataKey: Buffer,
  noncePrefix: Buffer,
  index: number,
  pieces: Buffer[],
  final: boolean,
): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', dataKey, chunkNonce(noncePrefix, index));
  cipher.setAAD(final ? FINAL : NOT_FINAL);
  const out = pieces.map((piece) => cipher.update(piece));
  cipher.final();
  out.push(cipher.getAuthTag());
  return out;
}

/** The plaintext of one chunk at rest; a CosError when its bytes were altered. */
export function openChunk(
  dataKey: Buffer,
  noncePrefix: Buffer,
  index: number,
  sealed: Buffer,
  final: boolean,
): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, chunkNonce(noncePrefix, index));
    decipher.setAAD(final ? FINAL : NOT_FINAL);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
    const head = decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE));
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    throw new CosError(
      'InternalError',
      'The stored bytes of this object failed their integrity check.',
    );
  }
}

/**
 * Encrypts a body as it streams into the blob store (an ingest transform). The pending chunk is
 * kept as references to the incoming buffers (no copy); a full chunk is held until the next byte
 * arrives, because only then is it known not to be the final one.
 */
export function createChunkSealer(dataKey: Buffer, noncePrefix: Buffer): ByteTransform {
  let pending: Buffer[] = [];
  let filled = 0;
  let index = 0;

  const sealPending = (final: boolean, out: Buffer[]): void => {
    out.push(...sealPieces(dataKey, noncePrefix, index, pending, final));
    index += 1;
    pending = [];
    filled = 0;
  };

  return {
    push(chunk: Buffer): Buffer | undefined {
      const out: Buffer[] = [];
      let offset = 0;
      while (offset < chunk.length) {
        if (filled === CHUNK_SIZE) sealPending(false, out);
        const take = Math.min(CHUNK_SIZE - filled, chunk.length - offset);
        pending.push(chunk.subarray(offset, offset + take));
        filled += take;
        offset += take;
      }
      return out.length === 0 ? undefined : Buffer.concat(out);
    },
    end(): Buffer | undefined {
      if (filled === 0) return undefined;
      const out: Buffer[] = [];
      sealPending(true, out);
      return Buffer.concat(out);
    },
  };
}

/** Reads bytes [start, end) at rest. */
export type SealedReader = (start: number, end: number) => Buffer;

export interface SealedRange {
  read: SealedReader;
  dataKey: Buffer;
  noncePrefix: Buffer;
  plainSize: number;
  /** Plaintext bytes [start, end) wanted. */
  start: number;
  end: number;
}

/**
 * Streams plaintext bytes [start, end) of a sealed body, reading and decrypting only the chunks
 * that range touches. A chunk that fails its check destroys the stream with a CosError: no byte
 * of it is ever pushed.
 */
export function openSealedRange(range: SealedRange): Readable {
  const { read, dataKey, noncePrefix, plainSize, start, end } = range;
  const lastChunk = chunkCount(plainSize) - 1;
  const firstIndex = Math.floor(start / CHUNK_SIZE);
  const endIndex = end > start ? Math.floor((end - 1) / CHUNK_SIZE) + 1 : firstIndex;
  let index = firstIndex;

  return new Readable({
    highWaterMark: CHUNK_SIZE * CHUNKS_PER_READ,
    read() {
      if (index >= endIndex) {
        this.push(null);
        return;
      }
      try {
        const upTo = Math.min(endIndex, index + CHUNKS_PER_READ);
        const from = sealedChunkOffset(index);
        const lastLength = chunkPlainLength(upTo - 1, plainSize) + TAG_SIZE;
        const sealed = read(from, sealedChunkOffset(upTo - 1) + lastLength);
        // Every chunk is checked before any is pushed: a bad chunk never leaks a neighbour.
        const plain: Buffer[] = [];
        for (let i = index; i < upTo; i += 1) {
          const at = (i - index) * SEALED_CHUNK_SIZE;
          const length = chunkPlainLength(i, plainSize) + TAG_SIZE;
          const chunk = sealed.subarray(at, at + length);
          const opened = openChunk(dataKey, noncePrefix, i, chunk, i === lastChunk);
          plain.push(trim(opened, i, start, end));
        }
        index = upTo;
        for (const piece of plain) this.push(piece);
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}

/** The part of chunk `index`'s plaintext inside [start, end). */
function trim(plain: Buffer, index: number, start: number, end: number): Buffer {
  const chunkStart = index * CHUNK_SIZE;
  const from = Math.max(0, start - chunkStart);
  const to = Math.min(plain.length, end - chunkStart);
  return from === 0 && to === plain.length ? plain : plain.subarray(from, to);
}
