import { VisitCounter } from '../index/sorted-key-map';
import { MultipartUpload } from '../multipart/multipart-upload';
import { UploadTable } from '../multipart/upload-table';
import { KeyWalkItem, walkKeys } from './key-walk';
import { takePage } from './page';

export interface ListUploadsQuery {
  prefix?: string;
  delimiter?: string;
  keyMarker?: string;
  /** With keyMarker: resume among that key's uploads, after this one. */
  uploadIdMarker?: string;
  maxUploads: number;
}

export type UploadListItem =
  { kind: 'upload'; upload: MultipartUpload } | { kind: 'prefix'; prefix: string };

export interface UploadListing {
  items: UploadListItem[];
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
}

/** List Multipart Uploads: by key, then initiation order (reference 4.14). */
export function listUploads(
  uploads: UploadTable,
  query: ListUploadsQuery,
  counter?: VisitCounter,
): UploadListing {
  const resumeInside = query.keyMarker !== undefined && query.uploadIdMarker !== undefined;
  const walk = walkKeys<MultipartUpload[]>(
    (from, exclusive, visits) => uploads.keysFrom(from, exclusive, visits),
    {
      prefix: query.prefix,
      delimiter: query.delimiter,
      after: resumeInside ? undefined : query.keyMarker,
      at: resumeInside ? query.keyMarker : undefined,
      counter,
    },
  );
  const page = takePage(expand(walk, resumeInside ? query : undefined), query.maxUploads);

  const listing: UploadListing = { items: page.items, isTruncated: page.isTruncated };
  const last = page.items[page.items.length - 1];
  if (page.isTruncated && last) {
    if (last.kind === 'prefix') listing.nextKeyMarker = last.prefix;
    else {
      listing.nextKeyMarker = last.upload.key;
      listing.nextUploadIdMarker = last.upload.uploadId;
    }
  }
  return listing;
}

function* expand(
  walk: Iterable<KeyWalkItem<MultipartUpload[]>>,
  marker: ListUploadsQuery | undefined,
): Generator<UploadListItem> {
  for (const item of walk) {
    if (item.kind === 'prefix') {
      yield item;
      continue;
    }
    let start = 0;
    if (marker && item.key === marker.keyMarker) {
      const at = item.value.findIndex((u) => u.uploadId === marker.uploadIdMarker);
      start = at < 0 ? item.value.length : at + 1;
    }
    for (let i = start; i < item.value.length; i++) yield { kind: 'upload', upload: item.value[i] };
  }
}
