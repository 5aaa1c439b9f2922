import { existsSync, readFileSync } from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import { chromium, Browser } from 'playwright-core';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

// Debian's Chromium, installed by .ci/run. Without it, the suite is skipped locally but fails in
// CI, so a CI run can never pass without having driven a real browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
const describeInBrowser = haveBrowser || process.env.CI ? describe : describe.skip;

const SDK_SOURCE = readFileSync(require.resolve('cos-js-sdk-v5/dist/cos-js-sdk-v5.min.js'));

/** Serves a blank page and the browser SDK from an origin other than the emulator's. */
async function startPageServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/cos-js-sdk-v5.min.js') {
      res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
      return void res.end(SDK_SOURCE);
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><script src="/cos-js-sdk-v5.min.js"></script><p>cos-emulator</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeInBrowser('cos-js-sdk-v5 in a browser page', () => {
  let t: TestEmulator;
  let page: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestEmulator();
    page = await startPageServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await t?.stop();
  });

  /** A CORS rule that lets the test page call the bucket, exposing the given headers. */
  const allowPage = (Bucket: string, ExposeHeader: string[]) =>
    t.cos.putBucketCors({
      Bucket,
      Region: REGION,
      CORSRules: [
        {
          AllowedOrigin: [page.url],
          AllowedMethod: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
          AllowedHeader: ['*'],
          ExposeHeader,
          MaxAgeSeconds: 60,
        },
      ],
    });

  /** What a page needs to build its client: the bucket, the emulator's port and a key pair. */
  const pageArgs = (bucket: string) => {
    const [pair] = t.emulator.credentials;
    return {
      bucket,
      region: REGION,
      port: t.emulator.port,
      secretId: pair.secretId,
      secretKey: pair.secretKey,
    };
  };

  it('uploads, lists, downloads and deletes across origins once CORS allows the page', async () => {
    const Bucket = await t.createBucket('browser');
    await allowPage(Bucket, ['ETag', 'x-cos-request-id', 'x-cos-hash-crc64ecma']);

    const tab = await browser.newPage();
    await tab.goto(page.url);
    const outcome = await tab.evaluate(async ({ bucket, region, port, secretId, secretKey }) => {
      const COS = (globalThis as unknown as { COS: any }).COS;
      // Chromium resolves every *.localhost name to loopback: virtual hosts need no DNS.
      const cos = new COS({
        SecretId: secretId,
        SecretKey: secretKey,
        Protocol: 'http:',
        Domain: `{Bucket}.cos.{Region}.localhost:${port}`,
      });
      const put = await cos.putObject({
        Bucket: bucket,
        Region: region,
        Key: 'from/browser.txt',
        Body: 'hello from chromium',
      });
      const list = await cos.getBucket({ Bucket: bucket, Region: region, Prefix: 'from/' });
      const got = await cos.getObject({
        Bucket: bucket,
        Region: region,
        Key: 'from/browser.txt',
      });
      await cos.putObject({ Bucket: bucket, Region: region, Key: 'from/kept.txt', Body: 'kept' });
      await cos.deleteObject({ Bucket: bucket, Region: region, Key: 'from/browser.txt' });
      const missing = await cos
        .getObject({ Bucket: bucket, Region: region, Key: 'from/browser.txt' })
        .catch((e: { code: string; statusCode: number }) => `${e.statusCode} ${e.code}`);
      return {
        etag: put.ETag,
        keys: list.Contents.map((c: { Key: string }) => c.Key),
        body: got.Body,
        missing,
      };
    }, pageArgs(Bucket));

    expect(outcome.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(outcome.keys).toEqual(['from/browser.txt']);
    expect(outcome.body).toBe('hello from chromium');
    expect(outcome.missing).toBe('404 NoSuchKey');
    const stored = await t.cos.getObject({ Bucket, Region: REGION, Key: 'from/kept.txt' });
    expect(stored.Body.toString()).toBe('kept');
    const gone = await t.cos
      .headObject({ Bucket, Region: REGION, Key: 'from/browser.txt' })
      .catch((e) => e.statusCode);
    expect(gone).toBe(404);
  });

  it('is refused by the browser when no CORS rule allows the page origin', async () => {
    const Bucket = await t.createBucket('nocors');
    const tab = await browser.newPage();
    await tab.goto(page.url);
    const outcome = await tab.evaluate(async ({ bucket, region, port, secretId, secretKey }) => {
      const COS = (globalThis as unknown as { COS: any }).COS;
      const cos = new COS({
        SecretId: secretId,
        SecretKey: secretKey,
        Protocol: 'http:',
        Domain: `{Bucket}.cos.{Region}.localhost:${port}`,
      });
      return cos.putObject({ Bucket: bucket, Region: region, Key: 'x', Body: 'x' }).then(
        () => 'stored',
        () => 'refused',
      );
    }, pageArgs(Bucket));
    expect(outcome).toBe('refused');
  });

  it('slices a large upload through the path-style recipe (Domain: host/{Bucket})', async () => {
    const Bucket = await t.createBucket('slices');
    // Multipart in a browser needs the part ETags, which the page can only read if exposed.
    await allowPage(Bucket, ['ETag', 'x-cos-request-id']);
    const tab = await browser.newPage();
    await tab.goto(page.url);
    const outcome = await tab.evaluate(async ({ bucket, region, port, secretId, secretKey }) => {
      const COS = (globalThis as unknown as { COS: any }).COS;
      const cos = new COS({
        SecretId: secretId,
        SecretKey: secretKey,
        Protocol: 'http:',
        Domain: `127.0.0.1:${port}/{Bucket}`,
      });
      const bytes = new Uint8Array(2 * 1024 * 1024 + 4321);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + 3) & 0xff;
      const uploaded = await cos.uploadFile({
        Bucket: bucket,
        Region: region,
        Key: 'sliced.bin',
        Body: new Blob([bytes]),
        SliceSize: 1024 * 1024,
        ChunkSize: 1024 * 1024,
      });
      const head = await cos.headObject({ Bucket: bucket, Region: region, Key: 'sliced.bin' });
      return { etag: uploaded.ETag, size: head.headers['content-length'] };
    }, pageArgs(Bucket));

    expect(outcome.etag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(outcome.size).toBe(String(2 * 1024 * 1024 + 4321));
    const stored = await t.cos.getObject({ Bucket, Region: REGION, Key: 'sliced.bin' });
    const expected = Buffer.alloc(2 * 1024 * 1024 + 4321);
    for (let i = 0; i < expected.length; i++) expected[i] = (i * 7 + 3) & 0xff;
    expect(stored.Body.equals(expected)).toBe(true);
  });

  it('runs copy, batch delete, delimiter listing and a presigned fetch from the page', async () => {
    const Bucket = await t.createBucket('pagecalls');
    await allowPage(Bucket, ['ETag', 'x-cos-request-id']);
    const tab = await browser.newPage();
    await tab.goto(page.url);
    const outcome = await tab.evaluate(async ({ bucket, region, port, secretId, secretKey }) => {
      const COS = (globalThis as unknown as { COS: any }).COS;
      const cos = new COS({
        SecretId: secretId,
        SecretKey: secretKey,
        Protocol: 'http:',
        Domain: `{Bucket}.cos.{Region}.localhost:${port}`,
      });
      const at = { Bucket: bucket, Region: region };
      for (const Key of ['a/1.txt', 'a/2.txt', 'b/3.txt', 'top.txt']) {
        await cos.putObject({ ...at, Key, Body: `body of ${Key}` });
      }
      await cos.putObjectCopy({
        ...at,
        Key: 'a/copy.txt',
        CopySource: `${bucket}.cos.${region}.myqcloud.com/top.txt`,
      });
      const listing = await cos.getBucket({ ...at, Delimiter: '/' });
      const deleted = await cos.deleteMultipleObject({
        ...at,
        Objects: [{ Key: 'a/1.txt' }, { Key: 'b/3.txt' }],
      });
      const url = cos.getObjectUrl({ ...at, Key: 'a/copy.txt', Sign: true });
      const fetched = await (await fetch(url)).text();
      return {
        prefixes: listing.CommonPrefixes.map((p: { Prefix: string }) => p.Prefix),
        keys: listing.Contents.map((c: { Key: string }) => c.Key),
        deleted: deleted.Deleted.map((d: { Key: string }) => d.Key).sort(),
        fetched,
      };
    }, pageArgs(Bucket));

    expect(outcome).toEqual({
      prefixes: ['a/', 'b/'],
      keys: ['top.txt'],
      deleted: ['a/1.txt', 'b/3.txt'],
      fetched: 'body of top.txt',
    });
    const left = await t.cos.getBucket({ Bucket, Region: REGION });
    expect(left.Contents.map((c) => c.Key)).toEqual(['a/2.txt', 'a/copy.txt', 'top.txt']);
  });
});
