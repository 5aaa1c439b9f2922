import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { setBucketDefault, sseC } from './sse-support';

/** Reference 5.3: encrypted objects cannot be read anonymously, even in a public-read bucket. */
describe('anonymous reads of encrypted objects', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  async function publicBucket(): Promise<string> {
    const Bucket = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket, Region: REGION, ACL: 'public-read' });
    return Bucket;
  }
  const anonymous = (method: 'get' | 'head', Bucket: string, key: string) =>
    request(t.emulator.url)[method](`/${key}`).set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`);

  const encryptions: Array<[string, object]> = [
    ['SSE-COS', { ServerSideEncryption: 'AES256' }],
    ['SSE-KMS', { ServerSideEncryption: 'cos/kms' }],
    ['SSE-C', sseC()],
  ];

  it('serves a plaintext object of a public-read bucket anonymously', async () => {
    const Bucket = await publicBucket();
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'plain',
      Body: 'open',
      ContentType: 'text/plain',
    });
    const res = await anonymous('get', Bucket, 'plain');
    expect(res.status).toBe(200);
    expect(res.text).toBe('open');
  });

  it.each(encryptions)(
    'refuses an anonymous GET and HEAD of a %s object with 403 AccessDenied',
    async (_mode, params) => {
      const Bucket = await publicBucket();
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'enc', Body: 'secret', ...params });
      const got = await anonymous('get', Bucket, 'enc');
      expect(got.status).toBe(403);
      expect(got.text).toContain('<Code>AccessDenied</Code>');
      expect((await anonymous('head', Bucket, 'enc')).status).toBe(403);
    },
  );

  it('refuses an object the bucket default encrypted, even with a public-read ACL', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'enc',
      Body: 'secret',
      ACL: 'public-read',
    });
    expect((await anonymous('get', Bucket, 'enc')).status).toBe(403);
    const signed = await t.cos.getObject({ Bucket, Region: REGION, Key: 'enc' });
    expect(signed.Body.toString()).toBe('secret');
  });
});
