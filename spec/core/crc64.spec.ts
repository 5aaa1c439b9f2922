import { randomBytes } from 'crypto';
import { Crc64, crc64 } from '../../src/core/checksums/crc64';

const POLY = 0xc96c5795d7870f42n;
const ALL_ONES = 0xffffffffffffffffn;

/** CRC-64/XZ one bit at a time: slow, obviously right, the yardstick for the fast tables. */
function bitwiseCrc64(bytes: Uint8Array): string {
  let crc = ALL_ONES;
  for (const byte of bytes) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ POLY : crc >> 1n;
  }
  return (crc ^ ALL_ONES).toString();
}

describe('CRC-64/XZ', () => {
  it('gives the catalogue check value for "123456789"', () => {
    expect(crc64('123456789')).toBe('11051210869376104954');
  });

  it('agrees with the bitwise definition at every alignment and length', () => {
    const source = randomBytes(1100);
    for (let offset = 0; offset < 8; offset++) {
      for (const length of [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 63, 1024]) {
        const bytes = source.subarray(offset, offset + length);
        expect(crc64(bytes)).toBe(bitwiseCrc64(bytes));
      }
    }
  });

  it('continues across chunks split anywhere, and resumes from a digest', () => {
    const bytes = randomBytes(777).subarray(3);
    const expected = bitwiseCrc64(bytes);
    for (const cut of [1, 5, 8, 300, 773]) {
      const split = new Crc64().update(bytes.subarray(0, cut)).update(bytes.subarray(cut));
      expect(split.digest()).toBe(expected);
      const head = new Crc64().update(bytes.subarray(0, cut)).digest();
      expect(Crc64.resume(head).update(bytes.subarray(cut)).digest()).toBe(expected);
    }
  });
});
