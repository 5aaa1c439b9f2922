import { createHash } from 'crypto';
import { crc64 } from '../../src/core/checksums/crc64';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { rawAtRest, setBucketDefault, sseC } from './sse-support';

describe('bucket default encryption rules (reference 5.2)', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const put = (Bucket: string, Key: string, extra: object = {}) =>
    t.cos.putObject({ Bucket, Region: REGION, Key, Body: `body of ${Key}`, ...extra });
  const get = (Bucket: string, Key: string, extra: object = {}) =>
    t.cos.getObject({ Bucket, Region: REGION, Key, ...extra });

  it('applies only to objects uploaded after it is set', async () => {
    const Bucket = await t.createBucket();
    await put(Bucket, 'before');
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    await put(Bucket, 'after');
    expect((await rawAtRest(t, Bucket, 'before')).sse).toBe('none');
    expect((await rawAtRest(t, Bucket, 'after')).sse).toBe('SSE-COS');
  });

  it('does not re-encrypt existing objects, which stay readable as before', async () => {
    const Bucket = await t.createBucket();
    await put(Bucket, 'old');
    await setBucketDefault(t, Bucket, REGION, 'KMS');
    const raw = await rawAtRest(t, Bucket, 'old');
    expect(raw.sse).toBe('none');
    expect(raw.bytes.toString()).toBe('body of old');
    const got = await get(Bucket, 'old');
    expect(got.Body.toString()).toBe('body of old');
    expect(got.headers!['x-cos-server-side-encryption']).toBeUndefined();
  });

  it('decrypts nothing when the configuration is deleted', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    await put(Bucket, 'kept');
    await t.cos.deleteBucketEncryption({ Bucket, Region: REGION });
    await put(Bucket, 'plain');
    const kept = await rawAtRest(t, Bucket, 'kept');
    expect(kept.sse).toBe('SSE-COS');
    expect(kept.bytes.includes(Buffer.from('body of kept'))).toBe(false);
    expect((await rawAtRest(t, Bucket, 'plain')).sse).toBe('none');
    const got = await get(Bucket, 'kept');
    expect(got.Body.toString()).toBe('body of kept');
    expect(got.headers!['x-cos-server-side-encryption']).toBe('AES256');
  });

  it('encrypts an upload without SSE headers per the bucket default and says so', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS');
    const putResult = await put(Bucket, 'k');
    expect(putResult.headers!['x-cos-server-side-encryption']).toBe('cos/kms');
    const keyId = putResult.headers!['x-cos-server-side-encryption-cos-kms-key-id'];
    expect(keyId).toBe(t.emulator.kms.defaultKeyId(REGION));
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key: 'k' });
    expect(head.headers!['x-cos-server-side-encryption']).toBe('cos/kms');
    expect(head.headers!['x-cos-server-side-encryption-cos-kms-key-id']).toBe(keyId);
    expect((await rawAtRest(t, Bucket, 'k')).kmsKeyId).toBe(keyId);
  });

  it('encrypts an upload with SSE headers per its headers, not the bucket default', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS');
    const cos = await put(Bucket, 'cos', { ServerSideEncryption: 'AES256' });
    expect(cos.headers!['x-cos-server-side-encryption']).toBe('AES256');
    await put(Bucket, 'customer', sseC());
    expect((await rawAtRest(t, Bucket, 'cos')).sse).toBe('SSE-COS');
    expect((await rawAtRest(t, Bucket, 'customer')).sse).toBe('SSE-C');
  });

  it('gives MD5 ETags to SSE-COS only, and the plaintext CRC64 to all', async () => {
    const Bucket = await t.createBucket();
    const md5 = (Key: string) => createHash('md5').update(`body of ${Key}`).digest('hex');
    const sseCos = await put(Bucket, 'x', { ServerSideEncryption: 'AES256' });
    expect(sseCos.ETag).toBe(`"${md5('x')}"`);
    const kms = await put(Bucket, 'y', { ServerSideEncryption: 'cos/kms' });
    const customer = await put(Bucket, 'z', sseC());
    const notMd5: Array<[string, typeof kms]> = [
      ['y', kms],
      ['z', customer],
    ];
    for (const [Key, result] of notMd5) {
      expect(result.ETag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(result.ETag).not.toBe(`"${md5(Key)}"`);
    }
    const crcs: Array<[string, typeof kms]> = [['x', sseCos], ...notMd5];
    for (const [Key, result] of crcs) {
      expect(result.headers!['x-cos-hash-crc64ecma']).toBe(crc64(`body of ${Key}`));
    }
    const again = await t.cos.headObject({ Bucket, Region: REGION, Key: 'y' });
    expect(again.ETag).toBe(kms.ETag);
    expect(again.headers!['x-cos-hash-crc64ecma']).toBe(crc64('body of y'));
    const customerGet = await get(Bucket, 'z', sseC());
    expect(customerGet.ETag).toBe(customer.ETag);
    expect(customerGet.headers!['x-cos-hash-crc64ecma']).toBe(crc64('body of z'));
  });

  const md5Hex = (bytes: string | Buffer) => createHash('md5').update(bytes).digest('hex');

  it.each([
    ['SSE-COS', { ServerSideEncryption: 'AES256' }],
    ['SSE-KMS', { ServerSideEncryption: 'cos/kms' }],
    ['SSE-C', sseC()],
  ])('gives %s parts their plaintext MD5 and the object <md5>-N', async (_mode, params) => {
    const Bucket = await t.createBucket();
    const base = { Bucket, Region: REGION, Key: 'mp' };
    const init = await t.cos.multipartInit({ ...base, ...params } as never);
    const readKey = 'SSECustomerKey' in params ? params : {};
    const part = await t.cos.multipartUpload({
      ...base,
      UploadId: init.UploadId,
      PartNumber: 1,
      Body: 'the only part',
      ...readKey,
    } as never);
    expect(part.ETag).toBe(`"${md5Hex('the only part')}"`);
    const Parts = [{ PartNumber: 1, ETag: part.ETag }];
    const done = await t.cos.multipartComplete({ ...base, UploadId: init.UploadId, Parts });
    const expected = `"${md5Hex(Buffer.from(md5Hex('the only part'), 'hex'))}-1"`;
    expect(done.ETag).toBe(expected);
    expect((await t.cos.headObject({ ...base, ...readKey } as never)).ETag).toBe(expected);
  });

  it('gives appends the whole MD5 under SSE-COS, a new random ETag under SSE-KMS', async () => {
    const Bucket = await t.createBucket();
    const append = (Key: string, Position: number, Body: string, extra: object) =>
      t.cos.appendObject({ Bucket, Region: REGION, Key, Position, Body, ...extra } as never);
    await append('cos', 0, 'ab', { ServerSideEncryption: 'AES256' });
    const cos = await append('cos', 2, 'cd', {});
    expect(cos.headers!.etag).toBe(`"${md5Hex('abcd')}"`);
    const first = await append('kms', 0, 'ab', { ServerSideEncryption: 'cos/kms' });
    const second = await append('kms', 2, 'cd', {});
    for (const result of [first, second]) expect(result.headers!.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(second.headers!.etag).not.toBe(first.headers!.etag);
    expect(second.headers!.etag).not.toBe(`"${md5Hex('abcd')}"`);
  });
});
