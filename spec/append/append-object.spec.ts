import { crc64 } from '../../src/core/checksums/crc64';
import { createHash } from 'crypto';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('Append Object', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const append = (Bucket: string, Key: string, Position: number, Body: string) =>
    t.cos.appendObject({ Bucket, Region: REGION, Key, Position, Body } as never);

  it('creates an appendable object at position 0 and extends it', async () => {
    const Bucket = await t.createBucket();
    const first = await append(Bucket, 'log', 0, 'hello ');
    expect(first.headers!['x-cos-next-append-position']).toBe('6');
    expect(first.headers!['x-cos-hash-crc64ecma']).toBe(crc64('hello '));
    const second = await append(Bucket, 'log', 6, 'world');
    expect(second.headers!['x-cos-next-append-position']).toBe('11');
    expect(second.headers!['x-cos-hash-crc64ecma']).toBe(crc64('hello world'));
    expect(second.headers!['x-cos-content-sha1']).toBe(
      createHash('sha1').update('world').digest('hex'),
    );
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'log' });
    expect(got.Body.toString()).toBe('hello world');
    expect(got.headers!['x-cos-hash-crc64ecma']).toBe(crc64('hello world'));
    expect(got.ETag).toBe(`"${createHash('md5').update('hello world').digest('hex')}"`);
  });

  it('returns 409 AppendPositionErr with the next position for a wrong one', async () => {
    const Bucket = await t.createBucket();
    await append(Bucket, 'log', 0, 'abc');
    await expect(append(Bucket, 'log', 1, 'x')).rejects.toMatchObject({
      code: 'AppendPositionErr',
      statusCode: 409,
      headers: expect.objectContaining({ 'x-cos-next-append-position': '3' }),
    });
    await expect(append(Bucket, 'new', 5, 'x')).rejects.toMatchObject({
      code: 'AppendPositionErr',
    });
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'log' });
    expect(got.Body.toString()).toBe('abc');
  });

  it('returns 409 ObjectNotAppendable for an object written by PUT', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'plain', Body: 'abc' });
    await expect(append(Bucket, 'plain', 3, 'x')).rejects.toMatchObject({
      code: 'ObjectNotAppendable',
      statusCode: 409,
    });
  });

  it('lets a PUT replace an appendable object with a normal one', async () => {
    const Bucket = await t.createBucket();
    await append(Bucket, 'k', 0, 'abc');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'xyz' });
    await expect(append(Bucket, 'k', 3, 'x')).rejects.toMatchObject({
      code: 'ObjectNotAppendable',
    });
  });

  it('refuses append in a versioning-enabled bucket with 409 InvalidBucketState', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketVersioning({
      Bucket,
      Region: REGION,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    await expect(append(Bucket, 'log', 0, 'x')).rejects.toMatchObject({
      code: 'InvalidBucketState',
      statusCode: 409,
    });
  });

  it('keeps the bytes of earlier appends readable after many appends', async () => {
    const Bucket = await t.createBucket();
    let expected = '';
    for (let i = 0; i < 20; i++) {
      const chunk = `${i}:`.padEnd(1000, String.fromCharCode(97 + (i % 26)));
      await append(Bucket, 'many', expected.length, chunk);
      expected += chunk;
    }
    const range = await t.cos.getObject({
      Bucket,
      Region: REGION,
      Key: 'many',
      Range: 'bytes=995-1004',
    });
    expect(range.Body.toString()).toBe(expected.slice(995, 1005));
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'many' });
    expect(got.Body.toString()).toBe(expected);
    expect(got.headers!['x-cos-hash-crc64ecma']).toBe(crc64(expected));
  });
});
