import { SortedKeyMap, VisitCounter } from '../index/sorted-key-map';
import { MultipartUpload } from './multipart-upload';

/**
 * The multipart uploads in progress in one bucket: by upload id for the part operations, and by
 * key (then initiation order) for List Multipart Uploads, which walks the sorted index instead of
 * scanning and sorting every upload.
 */
export class UploadTable {
  private readonly byId = new Map<string, MultipartUpload>();
  private readonly byKey = new SortedKeyMap<MultipartUpload[]>();

  get size(): number {
    return this.byId.size;
  }

  get(uploadId: string): MultipartUpload | undefined {
    return this.byId.get(uploadId);
  }

  has(uploadId: string): boolean {
    return this.byId.has(uploadId);
  }

  add(upload: MultipartUpload): void {
    this.byId.set(upload.uploadId, upload);
    const sameKey = this.byKey.get(upload.key);
    // Uploads of one key are kept in initiation order; a new one is always the latest.
    if (sameKey) sameKey.push(upload);
    else this.byKey.set(upload.key, [upload]);
  }

  delete(uploadId: string): boolean {
    const upload = this.byId.get(uploadId);
    if (!upload) return false;
    this.byId.delete(uploadId);
    const sameKey = this.byKey.get(upload.key) ?? [];
    const remaining = sameKey.filter((u) => u.uploadId !== uploadId);
    if (remaining.length > 0) this.byKey.set(upload.key, remaining);
    else this.byKey.delete(upload.key);
    return true;
  }

  values(): IterableIterator<MultipartUpload> {
    return this.byId.values();
  }

  /** Uploads grouped by key, in key order from `from`. */
  keysFrom(from?: string, exclusive = false, counter?: VisitCounter) {
    return this.byKey.entriesFrom(from, exclusive, counter);
  }

  clear(): void {
    for (const uploadId of [...this.byId.keys()]) this.delete(uploadId);
  }
}
