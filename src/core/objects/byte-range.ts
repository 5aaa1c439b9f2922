import { CosError } from '../../errors';
import { ByteRange } from './store-body';

/** A satisfiable range of an object: [start, end) plus the header COS answers with. */
export interface ResolvedRange extends ByteRange {
  /** `bytes first-last/size`. */
  contentRange: string;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * Resolves a `Range` header against an object of `size` bytes (reference 4.8, RFC 7233).
 * Undefined means "send the whole object with 200": no header, a malformed one, another unit,
 * or several ranges (COS serves one range only; like S3 we ignore a multi-range header rather
 * than fail). An unsatisfiable range is 416 InvalidRange with `Content-Range: bytes *\/size`.
 */
export function resolveRange(header: string | undefined, size: number): ResolvedRange | undefined {
  if (header === undefined) return undefined;
  const match = SINGLE_RANGE.exec(header.trim().replace(/\s+/g, ''));
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;

  let start: number;
  let end: number;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) throw unsatisfiable(size);
    start = Math.max(0, size - suffix);
    end = size;
  } else {
    start = Number(first);
    if (last !== '' && Number(last) < start) return undefined;
    end = last === '' ? size : Math.min(Number(last) + 1, size);
  }
  if (start >= size || !Number.isSafeInteger(start)) throw unsatisfiable(size);
  return { start, end, contentRange: `bytes ${start}-${end - 1}/${size}` };
}

function unsatisfiable(size: number): CosError {
  return new CosError('InvalidRange', undefined, {}, { 'Content-Range': `bytes */${size}` });
}
