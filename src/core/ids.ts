import { randomBytes } from 'crypto';

let sequence = 0;

// Random bytes drawn from a pool: one randomBytes() call per request cost 3% of a 1 KiB GET.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return pool.toString('hex', poolOffset - bytes, poolOffset);
}

/** Opaque, URL-safe ids in the shapes COS uses (reference 3.2, 4.6, 4.14). */
export function newRequestId(): string {
  sequence = (sequence + 1) % 0xffffff;
  const random = randomHex(4);
  const text = `${Date.now().toString(16)}_${sequence.toString(16)}_${random}`;
  return Buffer.from(text).toString('base64').replace(/=+$/, '');
}

/** Version ids look like COS's: base64 of a 20-digit decimal plus randomness. */
export function newVersionId(): string {
  const counter = (Number.MAX_SAFE_INTEGER - Date.now() * 1000 - (sequence++ % 1000))
    .toString()
    .padStart(20, '0');
  return Buffer.from(counter + randomBytes(3).toString('hex'))
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

export function newUploadId(): string {
  return `${Math.floor(Date.now() / 1000)}${randomBytes(28).toString('hex')}`;
}

export function newTraceId(): string {
  return randomBytes(48).toString('base64');
}
