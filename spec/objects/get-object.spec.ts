import { randomBytes } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, loose, raw, rejectionOf, signCos } from './object-support';

describe('GET and HEAD Object', () => {
  let t: TestEmulator;
  let Bucket: string;
  const Key = 'digits.txt';
  const content = '0123456789';
  let etag: string;
  let lastModified: string;
  let crc64: string;

  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('get');
    const put = await t.cos.putObject({ Bucket, Region: REGION, Key, Body: content });
    etag = put.ETag;
    crc64 = put.headers!['x-cos-hash-crc64ecma'];
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key });
    lastModified = head.headers!['last-modified'];
  });
  afterAll(() => t.stop());

  const get = (extra: Record<string, unknown> = {}) =>
    loose(t.cos).getObject({ Bucket, Region: REGION, Key, ...extra });

  describe('Range', () => {
    it.each([
      ['bytes=2-5', '2345', 'bytes 2-5/10'],
      ['bytes=-3', '789', 'bytes 7-9/10'],
      ['bytes=7-', '789', 'bytes 7-9/10'],
      ['bytes=8-100', '89', 'bytes 8-9/10'],
      ['bytes=-50', content, 'bytes 0-9/10'],
      ['bytes=0-0', '0', 'bytes 0-0/10'],
    ])('serves %s as 206 with Content-Range and the whole CRC64', async (Range, body, range) => {
      const got = await get({ Range });
      expect(got.statusCode).toBe(206);
      expect(got.Body.toString()).toBe(body);
      expect(got.headers!['content-range']).toBe(range);
      expect(got.headers!['content-length']).toBe(String(body.length));
      expect(got.headers!['x-cos-hash-crc64ecma']).toBe(crc64);
      expect(got.headers!.etag).toBe(etag);
    });

    it.each([['bytes=10-'], ['bytes=10-20'], ['bytes=-0']])(
      'answers 416 InvalidRange with Content-Range bytes */size for %s',
      async (Range) => {
        const error = await rejectionOf(get({ Range }));
        expect(error.statusCode).toBe(416);
        expect(error.code).toBe('InvalidRange');
        expect(error.headers['content-range']).toBe('bytes */10');
      },
    );

    it.each([['bytes=0-1,4-5'], ['bytes=5-2'], ['items=0-1'], ['bytes=abc'], ['bytes=-']])(
      'ignores the unservable range %s and sends the whole object with 200',
      async (Range) => {
        const got = await get({ Range });
        expect(got.statusCode).toBe(200);
        expect(got.Body.toString()).toBe(content);
        expect(got.headers!['content-range']).toBeUndefined();
      },
    );
  });

  describe('conditional headers', () => {
    const future = 'Fri, 01 Jan 2100 00:00:00 GMT';
    const past = 'Mon, 01 Jan 2001 00:00:00 GMT';

    it('serves the object when If-Match names its ETag', async () => {
      expect((await get({ IfMatch: etag })).Body.toString()).toBe(content);
      expect((await get({ IfMatch: '"nope", ' + etag })).statusCode).toBe(200);
    });

    it('answers 412 PreconditionFailed when If-Match differs', async () => {
      const error = await rejectionOf(get({ IfMatch: '"0000"' }));
      expect(error.statusCode).toBe(412);
      expect(error.code).toBe('PreconditionFailed');
    });

    it('answers 412 when the object was modified after If-Unmodified-Since', async () => {
      const error = await rejectionOf(get({ IfUnmodifiedSince: past }));
      expect(error.statusCode).toBe(412);
      expect((await get({ IfUnmodifiedSince: future })).statusCode).toBe(200);
    });

    it('lets a matching If-Match win over a failing If-Unmodified-Since', async () => {
      expect((await get({ IfMatch: etag, IfUnmodifiedSince: past })).statusCode).toBe(200);
    });

    it('answers 304 with no body but the validators when If-None-Match matches', async () => {
      const error = await rejectionOf(get({ IfNoneMatch: etag }));
      expect(error.statusCode).toBe(304);
      expect(error.headers.etag).toBe(etag);
      expect(error.headers['last-modified']).toBe(lastModified);
    });

    it('answers 304 (NotModified to the SDK) when unmodified since If-Modified-Since', async () => {
      const got = await get({ IfModifiedSince: lastModified });
      expect(got.NotModified).toBe(true);
      expect(got.Body).toBeUndefined();
      const fresh = await get({ IfModifiedSince: past });
      expect(fresh.Body.toString()).toBe(content);
    });

    it('lets a non-matching If-None-Match win over If-Modified-Since', async () => {
      const got = await get({ IfNoneMatch: '"other"', IfModifiedSince: future });
      expect(got.statusCode).toBe(200);
    });

    it('applies the same rules to HEAD, without bodies', async () => {
      const head = loose(t.cos).headObject;
      const failed = await rejectionOf(head({ Bucket, Region: REGION, Key, IfMatch: '"x"' }));
      expect(failed.statusCode).toBe(412);
      const notModified = await head({ Bucket, Region: REGION, Key, IfModifiedSince: future });
      expect(notModified.NotModified).toBe(true);
    });

    it('ignores conditional dates it cannot parse', async () => {
      const got = await get({ IfModifiedSince: 'yesterday', IfUnmodifiedSince: 'not a date' });
      expect(got.statusCode).toBe(200);
    });
  });

  describe('response-* overrides', () => {
    it('replaces the stored headers in this response only', async () => {
      const got = await get({
        ResponseContentType: 'text/csv',
        ResponseContentDisposition: 'attachment; filename="d.csv"',
        ResponseCacheControl: 'no-cache',
        ResponseContentLanguage: 'en',
        ResponseExpires: 'Thu, 01 Jan 2099 00:00:00 GMT',
        ResponseContentEncoding: 'gzip-not-really',
      });
      expect(got.headers!['content-type']).toBe('text/csv');
      expect(got.headers!['content-disposition']).toBe('attachment; filename="d.csv"');
      expect(got.headers!['cache-control']).toBe('no-cache');
      expect(got.headers!['content-language']).toBe('en');
      expect(got.headers!.expires).toBe('Thu, 01 Jan 2099 00:00:00 GMT');
      const head = await t.cos.headObject({ Bucket, Region: REGION, Key });
      expect(head.headers!['content-type']).toBe('application/octet-stream');
    });

    it('refuses them on anonymous requests with 400 InvalidRequest', async () => {
      await t.cos.putObject({
        Bucket,
        Region: REGION,
        Key: 'public',
        Body: 'p',
        ACL: 'public-read',
      });
      const host = bucketHost(Bucket);
      const plain = await raw(t).get('/public').set('Host', host);
      expect(plain.status).toBe(200);
      const overridden = await raw(t)
        .get('/public?response-content-type=text%2Fplain')
        .set('Host', host);
      expect(overridden.status).toBe(400);
      expect(overridden.text).toContain('<Code>InvalidRequest</Code>');
    });
  });

  it('answers a bare 404 to HEAD of a missing key and NoSuchKey XML to GET', async () => {
    const head = await rejectionOf(t.cos.headObject({ Bucket, Region: REGION, Key: 'missing' }));
    expect(head.statusCode).toBe(404);
    expect(head.code).toBe('404');
    const host = bucketHost(Bucket);
    const authorization = signCos(t, 'HEAD', 'missing', { host });
    const rawHead = await raw(t)
      .head('/missing')
      .set('Host', host)
      .set('Authorization', authorization);
    expect(rawHead.status).toBe(404);
    expect(rawHead.text ?? '').toBe('');
    const gotError = await rejectionOf(t.cos.getObject({ Bucket, Region: REGION, Key: 'missing' }));
    expect(gotError.code).toBe('NoSuchKey');
  });

  it('answers 403 InvalidObjectState to GET of an archived object, but serves HEAD', async () => {
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'cold',
      Body: 'c',
      StorageClass: 'ARCHIVE',
    });
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key: 'cold' });
    expect(head.headers!['x-cos-storage-class']).toBe('ARCHIVE');
    const error = await rejectionOf(t.cos.getObject({ Bucket, Region: REGION, Key: 'cold' }));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('InvalidObjectState');
  });

  it('downloads a multi-chunk object with downloadFile (parallel ranged GETs)', async () => {
    const big = randomBytes(3 * 1024 * 1024 + 123);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'big.bin', Body: big });
    const dir = mkdtempSync(join(tmpdir(), 'cos-download-'));
    try {
      const FilePath = join(dir, 'big.bin');
      await t.cos.downloadFile({
        Bucket,
        Region: REGION,
        Key: 'big.bin',
        FilePath,
        ChunkSize: 1024 * 1024,
      });
      expect(readFileSync(FilePath).equals(big)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
