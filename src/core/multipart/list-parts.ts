import { MultipartUpload, UploadedPart } from './multipart-upload';

export interface PartListing {
  parts: UploadedPart[];
  isTruncated: boolean;
  nextPartNumberMarker?: number;
}

/** List Parts: the parts after `marker` in number order, at most `maxParts`. */
export function listParts(upload: MultipartUpload, marker: number, maxParts: number): PartListing {
  // At most 10,000 parts per upload: sorting their numbers is bounded and cheap.
  const numbers = [...upload.parts.keys()].filter((n) => n > marker).sort((a, b) => a - b);
  const page = numbers.slice(0, maxParts).map((n) => upload.parts.get(n)!);
  const isTruncated = numbers.length > page.length;
  const last = page[page.length - 1];
  return {
    parts: page,
    isTruncated,
    nextPartNumberMarker: last?.partNumber,
  };
}
