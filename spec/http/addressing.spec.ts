import request from 'supertest';
import COS = require('cos-nodejs-sdk-v5');
import { APP_ID, REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('addressing', () => {
  let t: TestEmulator;
  let bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    bucket = await t.createBucket('addr');
    await t.cos.putObject({ Bucket: bucket, Region: REGION, Key: 'dir/a b+c(1).txt', Body: 'hi' });
  });
  afterAll(() => t.stop());

  const sdk = (options: Partial<COS.COSOptions>) =>
    new COS({ ...t.emulator.cosOptions(), Ip: undefined, ...options } as COS.COSOptions);

  it('serves virtual-host requests through the SDK Ip option', async () => {
    const got = await t.cos.getObject({ Bucket: bucket, Region: REGION, Key: 'dir/a b+c(1).txt' });
    expect(got.Body.toString()).toBe('hi');
  });

  it('serves path style from the SDK Domain recipe, signed without the bucket', async () => {
    const port = t.emulator.port;
    const cos = sdk({ Domain: `127.0.0.1:${port}/{Bucket}`, ServiceDomain: `127.0.0.1:${port}` });
    const got = await cos.getObject({ Bucket: bucket, Region: REGION, Key: 'dir/a b+c(1).txt' });
    expect(got.Body.toString()).toBe('hi');
    const service = await cos.getService({});
    expect(service.Buckets.map((b) => b.Name)).toContain(bucket);
  });

  it('serves absolute-form request targets from the SDK Proxy option', async () => {
    const cos = sdk({ Proxy: t.emulator.url });
    const got = await cos.getObject({ Bucket: bucket, Region: REGION, Key: 'dir/a b+c(1).txt' });
    expect(got.Body.toString()).toBe('hi');
  });

  it('serves virtual hosts under the local domain', async () => {
    const res = await request(t.emulator.url)
      .get('/dir/a%20b%2Bc%281%29.txt')
      .set('Host', `${bucket}.cos.${REGION}.localhost`)
      .set('Authorization', sign('get', '/dir/a b+c(1).txt'))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hi');
  });

  it('answers 404 NoSuchBucket for a bucket addressed through another region', async () => {
    const err = await t.cos
      .getObject({ Bucket: bucket, Region: 'ap-beijing', Key: 'dir/a b+c(1).txt' })
      .catch((e) => e);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('NoSuchBucket');
  });

  it('treats /_emulator/ on a bucket host as an object key, not a control endpoint', async () => {
    await t.cos.putObject({ Bucket: bucket, Region: REGION, Key: '_emulator/health', Body: 'key' });
    const got = await t.cos.getObject({ Bucket: bucket, Region: REGION, Key: '_emulator/health' });
    expect(got.Body.toString()).toBe('key');
  });

  it('accepts sub-resources with and without "="', async () => {
    const host = `${bucket}.cos.${REGION}.myqcloud.com`;
    for (const path of ['/?location', '/?location=']) {
      const query = { location: '' };
      const res = await request(t.emulator.url)
        .get(path)
        .set('Host', host)
        .set('Authorization', sign('get', '/', query));
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<LocationConstraint>${REGION}</LocationConstraint>`);
    }
  });

  it('answers 501 NotImplemented for an unknown sub-resource instead of a plain GET', async () => {
    const res = await request(t.emulator.url)
      .get('/dir/a%20b%2Bc%281%29.txt?frobnicate')
      .set('Host', `${bucket}.cos.${REGION}.myqcloud.com`)
      .set('Authorization', sign('get', '/dir/a b+c(1).txt', { frobnicate: '' }));
    expect(res.status).toBe(501);
    expect(res.text).toContain('<Code>NotImplemented</Code>');
  });

  it('lists buckets of one region on cos.<region>.myqcloud.com', async () => {
    const other = t.bucketName('other');
    await t.cos.putBucket({ Bucket: other, Region: 'ap-shanghai' });
    const inRegion = await t.cos.getService({ Region: REGION });
    const names = inRegion.Buckets.map((b) => b.Name);
    expect(names).toContain(bucket);
    expect(names).not.toContain(other);
    const all = await t.cos.getService({});
    expect(all.Buckets.map((b) => b.Name)).toEqual(expect.arrayContaining([bucket, other]));
  });

  function sign(method: COS.Method, pathname: string, query: Record<string, string> = {}): string {
    const [pair] = t.emulator.credentials;
    return COS.getAuthorization({
      SecretId: pair.secretId,
      SecretKey: pair.secretKey,
      Method: method,
      Pathname: pathname,
      Query: query,
      Headers: {},
    });
  }
});

describe('responses', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it('carries x-cos-request-id, Server and a current Date on every response', async () => {
    const res = await request(t.emulator.url).get(`/missing-${APP_ID}/x`);
    expect(res.headers['x-cos-request-id']).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(res.headers.server).toBe('tencent-cos');
    expect(Math.abs(Date.parse(res.headers.date) - Date.now())).toBeLessThan(5000);
  });

  it('writes the COS <Error> document: Code, Message, Resource, RequestId, TraceId', async () => {
    const res = await request(t.emulator.url)
      .get('/nothing-here-1250000000/key')
      .set('Host', `127.0.0.1:${t.emulator.port}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('<Code>NoSuchBucket</Code>');
    expect(res.headers['content-type']).toContain('application/xml');
    for (const element of ['Code', 'Message', 'Resource', 'RequestId', 'TraceId']) {
      expect(res.text).toContain(`<${element}>`);
    }
    expect(res.text).toContain(`<RequestId>${res.headers['x-cos-request-id']}</RequestId>`);
  });

  it('sends no body with a HEAD error', async () => {
    const err = await t.cos
      .headObject({ Bucket: t.bucketName(), Region: REGION, Key: 'k' })
      .catch((e) => e);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('404');
    expect(err.error).toBeUndefined();
  });
});
