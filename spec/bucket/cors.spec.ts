import COS = require('cos-nodejs-sdk-v5');
import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

const ORIGIN = 'https://app.example.com';

describe('bucket CORS', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket();
    await t.cos.putBucketCors({
      Bucket,
      Region: REGION,
      CORSRules: [
        {
          ID: 'app',
          AllowedOrigins: ['https://*.example.com'],
          AllowedMethods: ['GET', 'PUT'],
          AllowedHeaders: ['x-cos-*', 'content-type'],
          ExposeHeaders: ['ETag', 'x-cos-request-id'],
          MaxAgeSeconds: '600',
        },
      ],
    } as never);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'page.txt', Body: 'hi' });
  });
  afterAll(() => t.stop());

  const host = () => `${Bucket}.cos.${REGION}.myqcloud.com`;

  it('returns the stored rules from GET ?cors', async () => {
    const cors = await t.cos.getBucketCors({ Bucket, Region: REGION });
    expect(cors.CORSRules).toEqual([
      {
        ID: 'app',
        AllowedOrigins: ['https://*.example.com'],
        AllowedMethods: ['GET', 'PUT'],
        AllowedHeaders: ['x-cos-*', 'content-type'],
        ExposeHeaders: ['ETag', 'x-cos-request-id'],
        MaxAgeSeconds: '600',
      },
    ]);
  });

  it('answers a matching preflight with the Access-Control headers', async () => {
    const result = await t.cos.optionsObject({
      Bucket,
      Region: REGION,
      Key: 'page.txt',
      Origin: ORIGIN,
      AccessControlRequestMethod: 'PUT',
      AccessControlRequestHeaders: 'x-cos-meta-a,Content-Type',
    });
    expect(result.statusCode).toBe(200);
    expect(result.AccessControlAllowOrigin).toBe(ORIGIN);
    expect(result.AccessControlAllowMethods).toBe('GET,PUT');
    expect(result.AccessControlAllowHeaders).toBe('x-cos-meta-a,Content-Type');
    expect(result.AccessControlExposeHeaders).toBe('ETag,x-cos-request-id');
    expect(result.AccessControlMaxAge).toBe('600');
  });

  it('refuses a preflight whose method or origin no rule allows with 403', async () => {
    const wrongMethod = await t.cos.optionsObject({
      Bucket,
      Region: REGION,
      Key: 'page.txt',
      Origin: ORIGIN,
      AccessControlRequestMethod: 'DELETE',
    } as COS.OptionsObjectParams);
    expect(wrongMethod).toMatchObject({ OptionsForbidden: true, statusCode: 403 });
    const res = await request(t.emulator.url)
      .options('/page.txt')
      .set('Host', host())
      .set('Origin', 'https://evil.test')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<Code>AccessForbidden</Code>');
  });

  it.each(['/?uploads', '/?versions', '/page.txt?uploadId=1&partNumber=1', '/page.txt?acl'])(
    'answers the preflight of %s from the rules, whatever its sub-resource',
    async (path) => {
      const res = await request(t.emulator.url)
        .options(path)
        .set('Host', host())
        .set('Origin', ORIGIN)
        .set('Access-Control-Request-Method', 'GET');
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    },
  );

  it('adds CORS headers to real responses and to error responses', async () => {
    const auth = (Key: string) => t.cos.getAuth({ Bucket, Region: REGION, Method: 'GET', Key });
    const ok = await request(t.emulator.url)
      .get('/page.txt')
      .set('Host', host())
      .set('Origin', ORIGIN)
      .set('Authorization', auth('page.txt'));
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(ok.headers['access-control-expose-headers']).toBe('ETag,x-cos-request-id');

    const missing = await request(t.emulator.url)
      .get('/nope.txt')
      .set('Host', host())
      .set('Origin', ORIGIN)
      .set('Authorization', auth('nope.txt'));
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe(ORIGIN);

    const denied = await request(t.emulator.url)
      .get('/page.txt')
      .set('Host', host())
      .set('Origin', ORIGIN);
    expect(denied.status).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('adds no CORS headers for an origin no rule allows', async () => {
    const res = await request(t.emulator.url)
      .get('/page.txt')
      .set('Host', host())
      .set('Origin', 'https://evil.test')
      .set('Authorization', t.cos.getAuth({ Method: 'GET', Key: 'page.txt' }));
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('forgets the rules on DELETE ?cors; GET then reports none', async () => {
    const other = await t.createBucket();
    await t.cos.putBucketCors({
      Bucket: other,
      Region: REGION,
      CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }],
    } as never);
    const deleted = await t.cos.deleteBucketCors({ Bucket: other, Region: REGION });
    expect(deleted.statusCode).toBe(204);
    const cors = await t.cos.getBucketCors({ Bucket: other, Region: REGION });
    expect(cors).toMatchObject({ CORSRules: [], statusCode: 404 });
    const preflight = await t.cos.optionsObject({
      Bucket: other,
      Region: REGION,
      Key: 'x',
      Origin: ORIGIN,
      AccessControlRequestMethod: 'GET',
    } as COS.OptionsObjectParams);
    expect(preflight.statusCode).toBe(403);
  });

  it('refuses a rule with an unknown method', async () => {
    const other = await t.createBucket();
    await expect(
      t.cos.putBucketCors({
        Bucket: other,
        Region: REGION,
        CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }],
      } as never),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('refuses an ExposeHeader no response could carry, keeping the rules it had', async () => {
    const other = await t.createBucket();
    const rules = `<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>`;
    const put = (expose: string) =>
      request(t.emulator.url)
        .put('/?cors')
        .set('Host', `${other}.cos.${REGION}.myqcloud.com`)
        .set('Authorization', t.cos.getAuth({ Method: 'PUT', Key: '', Query: { cors: '' } }))
        .set('Content-Type', 'application/xml')
        .send(
          `<CORSConfiguration>${rules}<ExposeHeader>${expose}</ExposeHeader></CORSRule>` +
            '</CORSConfiguration>',
        );
    expect((await put('ETag')).status).toBe(200);

    const refused = await put('x-\u540d');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<Code>InvalidArgument</Code>');
    const cors = await t.cos.getBucketCors({ Bucket: other, Region: REGION });
    expect(cors.CORSRules).toEqual([
      expect.objectContaining({ AllowedOrigins: ['*'], ExposeHeaders: ['ETag'] }),
    ]);
  });
});
