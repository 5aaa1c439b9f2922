import { createHash } from 'crypto';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, loose, objectPath, rawHttp, rejectionOf, signCos } from './object-support';

describe('PUT Object', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('put');
  });
  afterAll(() => t.stop());

  it('answers the quoted MD5 ETag and the CRC64 of the content', async () => {
    const Body = '[Object Content]';
    const put = await t.cos.putObject({ Bucket, Region: REGION, Key: 'doc.txt', Body });
    expect(put.ETag).toBe('"ee8de918d05640145b18f70f4c3aa602"');
    expect(put.headers!['x-cos-hash-crc64ecma']).toBe('16749565679157681890');
    expect(put.headers!['x-cos-version-id']).toBeUndefined();
  });

  it('stores content headers and x-cos-meta-* and returns them on HEAD and GET', async () => {
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'headers.bin',
      Body: 'x',
      ContentType: 'text/x-custom',
      CacheControl: 'max-age=60',
      ContentDisposition: 'attachment; filename="h.bin"',
      ContentEncoding: 'identity',
      Expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
      StorageClass: 'STANDARD_IA',
      Headers: {
        'Content-Language': 'zh-CN',
        'x-cos-meta-Colour': 'blue',
        'x-cos-meta-owner-id': '42',
      },
    });
    for (const read of [
      await t.cos.headObject({ Bucket, Region: REGION, Key: 'headers.bin' }),
      await t.cos.getObject({ Bucket, Region: REGION, Key: 'headers.bin' }),
    ]) {
      const h = read.headers!;
      expect(h['content-type']).toBe('text/x-custom');
      expect(h['cache-control']).toBe('max-age=60');
      expect(h['content-disposition']).toBe('attachment; filename="h.bin"');
      expect(h['content-encoding']).toBe('identity');
      expect(h['content-language']).toBe('zh-CN');
      expect(h.expires).toBe('Wed, 21 Oct 2037 07:28:00 GMT');
      expect(h['x-cos-storage-class']).toBe('STANDARD_IA');
      expect(h['x-cos-meta-colour']).toBe('blue');
      expect(h['x-cos-meta-owner-id']).toBe('42');
    }
  });

  it('ignores the empty Cache-Control the SDK sends and defaults the Content-Type', async () => {
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'plain', Body: Buffer.from('p') });
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key: 'plain' });
    expect(head.headers!['cache-control']).toBeUndefined();
    expect(head.headers!['content-type']).toBe('application/octet-stream');
    expect(head.headers!['x-cos-storage-class']).toBeUndefined();
  });

  it.each([
    ['../x'],
    ['a//b'],
    ['dir/a b+c(1).txt'],
    ['100%real'],
    ['中文/目录/文件.txt'],
    ['emoji-🎉'],
    ['x?y#z&w=1'],
    ['trailing/'],
  ])('round-trips the key %s', async (Key) => {
    await t.cos.putObject({ Bucket, Region: REGION, Key, Body: `body of ${Key}` });
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key });
    expect(got.Body.toString()).toBe(`body of ${Key}`);
  });

  it('refuses a key longer than 850 bytes with 400 KeyTooLong and accepts 850', async () => {
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k'.repeat(850), Body: 'ok' });
    const error = await rejectionOf(
      t.cos.putObject({ Bucket, Region: REGION, Key: 'é'.repeat(426), Body: 'no' }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('KeyTooLong');
  });

  it('checks Content-MD5: 400 BadDigest on a mismatch, success when it matches', async () => {
    const md5 = createHash('md5').update('right').digest('base64');
    const put = loose(t.cos).putObject;
    await put({ Bucket, Region: REGION, Key: 'md5', Body: 'right', ContentMD5: md5 });
    const error = await rejectionOf(
      put({ Bucket, Region: REGION, Key: 'md5', Body: 'wrong', ContentMD5: md5 }),
    );
    expect(error.code).toBe('BadDigest');
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'md5' });
    expect(got.Body.toString()).toBe('right');
  });

  it('refuses a Content-MD5 that is not base64 of 16 bytes with 400 InvalidDigest', async () => {
    const error = await rejectionOf(
      loose(t.cos).putObject({
        Bucket,
        Region: REGION,
        Key: 'md5-bad',
        Body: 'x',
        ContentMD5: 'abc',
      }),
    );
    expect(error.code).toBe('InvalidDigest');
    const missing = await rejectionOf(t.cos.headObject({ Bucket, Region: REGION, Key: 'md5-bad' }));
    expect(missing.statusCode).toBe(404);
  });

  it('answers 411 MissingContentLength without Content-Length or chunked encoding', async () => {
    const host = bucketHost(Bucket);
    const authorization = signCos(t, 'PUT', 'no-length', { host });
    const response = await rawHttp(
      t,
      `PUT ${objectPath('no-length')} HTTP/1.1\r\nHost: ${host}\r\n` +
        `Authorization: ${authorization}\r\nConnection: close\r\n\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 411 /);
    expect(response).toContain('<Code>MissingContentLength</Code>');
    const missing = await rejectionOf(
      t.cos.headObject({ Bucket, Region: REGION, Key: 'no-length' }),
    );
    expect(missing.statusCode).toBe(404);
  });

  it('answers 409 PathConflict for x-cos-forbid-overwrite on an existing key', async () => {
    const Headers = { 'x-cos-forbid-overwrite': 'true' };
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'once', Body: 'first', Headers });
    const error = await rejectionOf(
      t.cos.putObject({ Bucket, Region: REGION, Key: 'once', Body: 'second', Headers }),
    );
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('PathConflict');
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'once' });
    expect(got.Body.toString()).toBe('first');
  });

  it('ignores x-cos-forbid-overwrite once versioning has been enabled', async () => {
    const versioned = await t.createBucket('forbid');
    await t.cos.putBucketVersioning({
      Bucket: versioned,
      Region: REGION,
      VersioningConfiguration: { Status: 'Suspended' },
    });
    const Headers = { 'x-cos-forbid-overwrite': 'true' };
    await t.cos.putObject({ Bucket: versioned, Region: REGION, Key: 'k', Body: '1', Headers });
    await t.cos.putObject({ Bucket: versioned, Region: REGION, Key: 'k', Body: '2', Headers });
    const got = await t.cos.getObject({ Bucket: versioned, Region: REGION, Key: 'k' });
    expect(got.Body.toString()).toBe('2');
  });

  it('returns x-cos-version-id only when versioning is Enabled', async () => {
    const versioned = await t.createBucket('vid');
    const put = (Key: string) =>
      t.cos.putObject({ Bucket: versioned, Region: REGION, Key, Body: 'v' });
    const setStatus = (Status: 'Enabled' | 'Suspended') =>
      t.cos.putBucketVersioning({
        Bucket: versioned,
        Region: REGION,
        VersioningConfiguration: { Status },
      });

    expect((await put('a')).VersionId).toBeUndefined();
    await setStatus('Enabled');
    const enabled = await put('a');
    expect(enabled.VersionId).toMatch(/\S/);
    expect(enabled.VersionId).not.toBe('null');
    await setStatus('Suspended');
    expect((await put('a')).VersionId).toBeUndefined();
  });

  it('refuses an unknown storage class with 400 InvalidStorageClass', async () => {
    const error = await rejectionOf(
      loose(t.cos).putObject({
        Bucket,
        Region: REGION,
        Key: 'sc',
        Body: 'x',
        StorageClass: 'COLD',
      }),
    );
    expect(error.code).toBe('InvalidStorageClass');
  });
});
