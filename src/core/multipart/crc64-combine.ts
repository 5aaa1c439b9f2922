/**
 * Combines CRC-64/XZ values of consecutive byte runs without reading the bytes:
 * crc(A + B) = crc(A) * x^(8 * |B|) mod P  xor  crc(B), in the reflected bit order the CRC
 * uses. The init and final XOR of all ones cancel out in this identity, so it holds for the
 * final values COS sends. Used for the whole-object CRC of a completed multipart upload.
 */
const POLY = 0xc96c5795d7870f42n;
const TOP = 1n << 63n;
const MASK = (1n << 64n) - 1n;

/** x^(2^k) mod P for k = 0..63, in reflected form (x^0 is the top bit); built on first use. */
let powers: bigint[] | undefined;

function powerTable(): bigint[] {
  if (powers) return powers;
  const table = [TOP >> 1n];
  for (let k = 1; k < 64; k++) table.push(multiplyModP(table[k - 1], table[k - 1]));
  return (powers = table);
}

function multiplyModP(a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let m = TOP; m !== 0n; m >>= 1n) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1n)) === 0n) break;
    }
    b = b & 1n ? (b >> 1n) ^ POLY : b >> 1n;
  }
  return product & MASK;
}

/** x^(8 * bytes) mod P. */
function shiftFactor(bytes: number): bigint {
  const table = powerTable();
  let factor = TOP;
  let n = BigInt(bytes);
  for (let k = 3; n !== 0n; k++, n >>= 1n) {
    if (n & 1n) factor = multiplyModP(table[k], factor);
  }
  return factor;
}

/** CRC-64/XZ of several byte runs in a row, from each run's CRC (decimal strings) and size. */
export function combineCrc64(runs: ReadonlyArray<{ crc64: string; size: number }>): string {
  const factors = new Map<number, bigint>();
  let crc = 0n;
  for (const run of runs) {
    let factor = factors.get(run.size);
    if (factor === undefined) {
      factor = shiftFactor(run.size);
      factors.set(run.size, factor);
    }
    crc = multiplyModP(factor, crc) ^ BigInt(run.crc64);
  }
  return crc.toString();
}
