import { randomBytes } from 'crypto';
import { crc64 } from '../../src/core/checksums/crc64';
import { combineCrc64 } from '../../src/core/multipart/crc64-combine';

describe('combining CRC-64 values of consecutive runs', () => {
  it('equals the CRC-64 of the concatenated bytes', () => {
    const runs = [1000, 1, 70000, 0, 9].map((size) => randomBytes(size));
    const combined = combineCrc64(
      runs.map((bytes) => ({ crc64: crc64(bytes), size: bytes.length })),
    );
    expect(combined).toBe(crc64(Buffer.concat(runs)));
  });

  it('gives the check value for "123456789" split in two', () => {
    const combined = combineCrc64([
      { crc64: crc64('1234'), size: 4 },
      { crc64: crc64('56789'), size: 5 },
    ]);
    expect(BigInt(combined).toString(16)).toBe('995dc9bbdf1939fa');
  });
});
