import * as nodeFs from 'fs';
import { Volume } from 'memfs';
import { BlobStore } from './blob-store';
import { SegmentBlobStore, SegmentFs } from './segment-blob-store';

/** In memory (a private memfs volume) by default; a real directory when `dataDir` is given. */
export function createBlobStore(dataDir?: string): BlobStore {
  if (dataDir) return new SegmentBlobStore(nodeFs as unknown as SegmentFs, dataDir);
  const volume = new Volume() as unknown as SegmentFs;
  return new SegmentBlobStore(volume, '/blobs');
}
