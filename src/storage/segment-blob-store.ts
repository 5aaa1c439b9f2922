import { Readable } from 'stream';
import { Crc64, crc64Decimal } from '../core/checksums/crc64';
import { BlobRef, BlobStore, BlobWriter, Extent, PlainBlob } from './blob-store';

/** The part of the `fs` API the store needs: memfs volumes and node:fs both provide it. */
export interface SegmentFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  openSync(path: string, flags: string): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  ftruncateSync(fd: number, length: number): void;
  closeSync(fd: number): void;
  unlinkSync(path: string): void;
}

const SEGMENT_SIZE = 8 * 1024 * 1024;
const READ_CHUNK = 256 * 1024;
const CACHED_EXTENT_ENDS = 16;

interface Segment {
  fd: number;
  path: string;
  written: number;
  liveBytes: number;
  /** Streams reading from this segment now; it outlives its last blob until they finish. */
  readers: number;
}

/**
 * Blobs appended into shared segment files of 8 MiB (log-structured): a 1 KiB object costs one
 * extent record rather than a file of its own, and a large object streams through without being
 * buffered. A segment file is unlinked once every byte in it is released.
 */
export class SegmentBlobStore implements BlobStore {
  private readonly segments = new Map<number, Segment>();
  private current: Segment | undefined;
  private currentId = -1;
  private nextSegmentId = 0;
  private readonly endsCache = new WeakMap<BlobRef, Float64Array>();

  constructor(
    private readonly fs: SegmentFs,
    private readonly root: string,
  ) {
    fs.mkdirSync(root, { recursive: true });
  }

  createWriter(): BlobWriter {
    const extents: Extent[] = [];
    let size = 0;
    let open = true;
    const store = this;
    return {
      write(chunk: Buffer) {
        if (!open) throw new Error('blob writer is closed');
        store.append(chunk, extents);
        size += chunk.length;
      },
      finish() {
        open = false;
        return blobOf(size, extents);
      },
      finishPlain(md5: string, crc: Crc64): PlainBlob {
        open = false;
        // Anything but a hex MD5 (none is stored today) keeps its string in a general record.
        if (extents.length === 1 && /^[0-9a-f]{32}$/.test(md5)) {
          return new ContiguousPlainBlob(extents[0], md5, crc);
        }
        return { blob: blobOf(size, extents), size, md5, crc64: crc.digest() };
      },
      abort() {
        if (!open) return;
        open = false;
        store.release({ size, extents });
      },
    };
  }

  read(ref: BlobRef, start = 0, end = ref.size): Readable {
    const store = this;
    let position = start;
    // An object replaced or deleted mid-download keeps its bytes until the download ends.
    const pinned = this.pin(ref);
    return new Readable({
      highWaterMark: READ_CHUNK,
      destroy(error, callback) {
        store.unpin(pinned);
        callback(error);
      },
      read() {
        if (position >= end) {
          this.push(null);
          return;
        }
        const next = Math.min(end, position + READ_CHUNK);
        try {
          this.push(store.readSync(ref, position, next));
          position = next;
        } catch (error) {
          this.destroy(error as Error);
        }
      },
    });
  }

  readSync(ref: BlobRef, start: number, end: number): Buffer {
    const out = Buffer.allocUnsafe(Math.max(0, end - start));
    const ends = this.extentEnds(ref);
    let filled = 0;
    for (let i = firstExtentEndingAfter(ends, start); i < ref.extents.length; i++) {
      const extent = ref.extents[i];
      const extentStart = ends[i] - extent.length;
      if (extentStart >= end) break;
      const from = Math.max(start, extentStart);
      const to = Math.min(end, ends[i]);
      const segment = this.segments.get(extent.segment);
      if (!segment) throw new Error(`segment ${extent.segment} is gone`);
      this.fs.readSync(segment.fd, out, filled, to - from, extent.offset + (from - extentStart));
      filled += to - from;
    }
    return out;
  }

  /**
   * Where each extent ends within the blob, computed once per blob: a multipart object made of
   * thousands of parts is read by binary search rather than a scan per chunk.
   */
  private extentEnds(ref: BlobRef): Float64Array {
    let ends = this.endsCache.get(ref);
    if (!ends) {
      ends = new Float64Array(ref.extents.length);
      let total = 0;
      ref.extents.forEach((extent, i) => (ends![i] = total += extent.length));
      // A blob of a few extents is cheap to scan again; caching would keep ~100 bytes per blob
      // ever read alive for as long as the blob lives.
      if (ref.extents.length > CACHED_EXTENT_ENDS) this.endsCache.set(ref, ends);
    }
    return ends;
  }

  release(ref: BlobRef): void {
    for (const extent of ref.extents) {
      const segment = this.segments.get(extent.segment);
      if (!segment) continue;
      segment.liveBytes -= extent.length;
      this.dropIfDead(extent.segment);
    }
  }

  private pin(ref: BlobRef): number[] {
    const ids = [...new Set(ref.extents.map((extent) => extent.segment))];
    for (const id of ids) {
      const segment = this.segments.get(id);
      if (segment) segment.readers++;
    }
    return ids;
  }

  private unpin(ids: number[]): void {
    for (const id of ids) {
      const segment = this.segments.get(id);
      if (!segment) continue;
      segment.readers--;
      this.dropIfDead(id);
    }
  }

  private dropIfDead(id: number): void {
    const segment = this.segments.get(id);
    if (!segment || segment === this.current) return;
    if (segment.liveBytes <= 0 && segment.readers <= 0) this.dropSegment(id);
  }

  stats(): { segments: number; liveBytes: number; totalBytes: number } {
    let liveBytes = 0;
    let totalBytes = 0;
    for (const segment of this.segments.values()) {
      liveBytes += segment.liveBytes;
      totalBytes += segment.written;
    }
    return { segments: this.segments.size, liveBytes, totalBytes };
  }

  clear(): void {
    for (const id of [...this.segments.keys()]) this.dropSegment(id);
    this.current = undefined;
    this.currentId = -1;
  }

  private append(chunk: Buffer, extents: Extent[]): void {
    let offset = 0;
    while (offset < chunk.length) {
      const segment = this.writableSegment();
      const length = Math.min(chunk.length - offset, SEGMENT_SIZE - segment.written);
      this.fs.writeSync(segment.fd, chunk, offset, length, segment.written);
      this.addExtent(extents, { segment: this.currentId, offset: segment.written, length });
      segment.written += length;
      segment.liveBytes += length;
      offset += length;
    }
  }

  private addExtent(extents: Extent[], extent: Extent): void {
    const last = extents[extents.length - 1];
    if (last && last.segment === extent.segment && last.offset + last.length === extent.offset) {
      extents[extents.length - 1] = {
        segment: last.segment,
        offset: last.offset,
        length: last.length + extent.length,
      };
    } else {
      extents.push(extent);
    }
  }

  private writableSegment(): Segment {
    if (this.current && this.current.written < SEGMENT_SIZE) return this.current;
    const previous = this.current;
    const previousId = this.currentId;
    const id = this.nextSegmentId++;
    const path = `${this.root}/${id}`;
    const fd = this.fs.openSync(path, 'w+');
    // Sized once: memfs grows a file by doubling it, and the 64 B ... 4 MiB buffers it outgrows
    // stay in the allocator's free lists, ~1 KiB of RSS per 1 KiB object (bench/, memory).
    this.fs.ftruncateSync(fd, SEGMENT_SIZE);
    this.current = { fd, path, written: 0, liveBytes: 0, readers: 0 };
    this.currentId = id;
    this.segments.set(id, this.current);
    if (previous) this.dropIfDead(previousId);
    return this.current;
  }

  private dropSegment(id: number): void {
    const segment = this.segments.get(id);
    if (!segment) return;
    this.segments.delete(id);
    this.fs.closeSync(segment.fd);
    this.fs.unlinkSync(segment.path);
    if (segment === this.current) {
      this.current = undefined;
      this.currentId = -1;
    }
  }
}

/**
 * A bucket holds one blob reference per object, so most of them, a blob within one segment, are
 * a single record that is its own only extent (~48 bytes, against ~250 for a reference, a grown
 * array and an extent). Longer lists are copied to their exact length.
 */
class ContiguousBlob implements BlobRef, Extent {
  constructor(
    readonly segment: number,
    readonly offset: number,
    readonly length: number,
  ) {}

  get size(): number {
    return this.length;
  }

  get extents(): ReadonlyArray<Extent> {
    return [this];
  }
}

/**
 * A contiguous blob of plaintext that is also its own body record: a 1 KiB object costs this one
 * ~96-byte record instead of a body (~61 bytes), a blob (~48), a hex MD5 string (~48) and a
 * decimal CRC string (~40). The checksums are kept as 32-bit words (signed, so that each stays a
 * small integer inline in the record) and their text built on each read.
 */
class ContiguousPlainBlob implements BlobRef, Extent, PlainBlob {
  readonly segment: number;
  readonly offset: number;
  readonly length: number;
  readonly #md5a: number;
  readonly #md5b: number;
  readonly #md5c: number;
  readonly #md5d: number;
  readonly #crcHigh: number;
  readonly #crcLow: number;

  constructor(extent: Extent, md5: string, crc: Crc64) {
    this.segment = extent.segment;
    this.offset = extent.offset;
    this.length = extent.length;
    this.#md5a = hexWord(md5, 0);
    this.#md5b = hexWord(md5, 1);
    this.#md5c = hexWord(md5, 2);
    this.#md5d = hexWord(md5, 3);
    this.#crcHigh = crc.digestHigh() | 0;
    this.#crcLow = crc.digestLow() | 0;
  }

  get md5(): string {
    return wordHex(this.#md5a) + wordHex(this.#md5b) + wordHex(this.#md5c) + wordHex(this.#md5d);
  }

  get blob(): BlobRef {
    return this;
  }

  get size(): number {
    return this.length;
  }

  get extents(): ReadonlyArray<Extent> {
    return [this];
  }

  get crc64(): string {
    return crc64Decimal(this.#crcHigh, this.#crcLow);
  }
}

function hexWord(hex: string, index: number): number {
  return parseInt(hex.slice(index * 8, index * 8 + 8), 16) | 0;
}

function wordHex(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0');
}

const EMPTY_BLOB: BlobRef = Object.freeze({ size: 0, extents: Object.freeze([]) });

function blobOf(size: number, extents: Extent[]): BlobRef {
  if (extents.length === 0) return EMPTY_BLOB;
  if (extents.length === 1) {
    const [only] = extents;
    return new ContiguousBlob(only.segment, only.offset, only.length);
  }
  return { size, extents: extents.slice() };
}

function firstExtentEndingAfter(ends: Float64Array, offset: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ends[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
