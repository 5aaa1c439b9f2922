import { Readable } from 'stream';
import type { Crc64 } from '../core/checksums/crc64';

/** Where the bytes of one blob live: extents in segment files, in order. */
export interface BlobRef {
  readonly size: number;
  readonly extents: ReadonlyArray<Extent>;
}

export interface Extent {
  readonly segment: number;
  readonly offset: number;
  readonly length: number;
}

/** A blob whose bytes are the plaintext itself, with the plaintext's size and checksums. */
export interface PlainBlob {
  readonly blob: BlobRef;
  readonly size: number;
  /** Hex MD5. */
  readonly md5: string;
  /** CRC-64/XZ, decimal. */
  readonly crc64: string;
}

/** Accepts the bytes of one blob in order; `finish` seals it, `abort` gives the space back. */
export interface BlobWriter {
  write(chunk: Buffer): void;
  finish(): BlobRef;
  /**
   * Seals a blob of plaintext together with its checksums: the store may keep both in one record
   * (most objects are such a blob, so this record is most of their memory).
   */
  finishPlain(md5: string, crc: Crc64): PlainBlob;
  abort(): void;
}

/** Bytes at rest, addressed by reference, never by object key (keys never become paths). */
export interface BlobStore {
  createWriter(): BlobWriter;
  /** Bytes [start, end) of a blob, streamed. */
  read(ref: BlobRef, start?: number, end?: number): Readable;
  /** Bytes [start, end) of a blob, at once: for small reads such as one encrypted chunk. */
  readSync(ref: BlobRef, start: number, end: number): Buffer;
  release(ref: BlobRef): void;
  /** Bytes held, live and dead, for health and memory reports. */
  stats(): { segments: number; liveBytes: number; totalBytes: number };
  clear(): void;
}
