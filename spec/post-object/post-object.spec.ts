import { createHmac, createHash } from 'crypto';
import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('POST Object (browser form upload)', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const host = (bucket: string) => `${bucket}.cos.${REGION}.myqcloud.com`;

  /** The signed form fields for a policy (reference 2.6). */
  function signedFields(policy: object): Record<string, string> {
    const { SecretId, SecretKey } = t.emulator.cosOptions();
    const now = Math.floor(Date.now() / 1000);
    const keyTime = `${now - 60};${now + 3600}`;
    const json = JSON.stringify(policy);
    const signKey = createHmac('sha1', SecretKey).update(keyTime).digest('hex');
    const stringToSign = createHash('sha1').update(json).digest('hex');
    return {
      policy: Buffer.from(json).toString('base64'),
      'q-sign-algorithm': 'sha1',
      'q-ak': SecretId,
      'q-key-time': keyTime,
      'q-signature': createHmac('sha1', signKey).update(stringToSign).digest('hex'),
    };
  }

  const expiresIn = (ms: number) => new Date(Date.now() + ms).toISOString();

  function post(bucket: string, fields: Record<string, string>, file = 'form bytes') {
    let req = request(t.emulator.url).post('/').set('Host', host(bucket));
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', Buffer.from(file), 'photo.jpg');
  }

  it('stores a signed upload under key with ${filename} and answers 204 by default', async () => {
    const Bucket = await t.createBucket();
    const fields = {
      key: 'uploads/${filename}',
      'Content-Type': 'image/jpeg',
      'x-cos-meta-who': 'form',
      ...signedFields({
        expiration: expiresIn(60_000),
        conditions: [{ bucket: Bucket }, ['starts-with', '$key', 'uploads/']],
      }),
    };
    const res = await post(Bucket, fields);
    expect(res.status).toBe(204);
    const md5 = createHash('md5').update('form bytes').digest('hex');
    expect(res.headers.etag).toBe(`"${md5}"`);
    expect(res.headers.location).toBe(`http://${host(Bucket)}/uploads/photo.jpg`);
    expect(res.headers['x-cos-hash-crc64ecma']).toBeTruthy();
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'uploads/photo.jpg' });
    expect(got.Body.toString()).toBe('form bytes');
    expect(got.headers!['content-type']).toBe('image/jpeg');
    expect(got.headers!['x-cos-meta-who']).toBe('form');
  });

  it('answers 201 with a PostResponse document when asked', async () => {
    const Bucket = await t.createBucket();
    const res = await post(Bucket, {
      key: 'a.txt',
      success_action_status: '201',
      ...signedFields({ expiration: expiresIn(60_000), conditions: [] }),
    });
    expect(res.status).toBe(201);
    expect(res.text).toContain('<PostResponse>');
    expect(res.text).toContain(`<Bucket>${Bucket}</Bucket>`);
    expect(res.text).toContain('<Key>a.txt</Key>');
  });

  it('redirects with 303 to success_action_redirect', async () => {
    const Bucket = await t.createBucket();
    const res = await post(Bucket, {
      key: 'r.txt',
      success_action_redirect: 'https://app.example.com/done',
      ...signedFields({ expiration: expiresIn(60_000), conditions: [] }),
    });
    expect(res.status).toBe(303);
    const target = new URL(res.headers.location);
    expect(target.origin + target.pathname).toBe('https://app.example.com/done');
    expect(target.searchParams.get('bucket')).toBe(Bucket);
    expect(target.searchParams.get('key')).toBe('r.txt');
  });

  it('refuses an expired policy with 403 AccessDenied and stores nothing', async () => {
    const Bucket = await t.createBucket();
    const res = await post(Bucket, {
      key: 'late.txt',
      ...signedFields({ expiration: expiresIn(-1000), conditions: [] }),
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('<Code>AccessDenied</Code>');
    await expect(
      t.cos.headObject({ Bucket, Region: REGION, Key: 'late.txt' }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a key that breaks a starts-with condition', async () => {
    const Bucket = await t.createBucket();
    const res = await post(Bucket, {
      key: 'elsewhere/x',
      ...signedFields({
        expiration: expiresIn(60_000),
        conditions: [['starts-with', '$key', 'uploads/']],
      }),
    });
    expect(res.status).toBe(403);
  });

  it('enforces content-length-range', async () => {
    const Bucket = await t.createBucket();
    const fields = (key: string) => ({
      key,
      ...signedFields({
        expiration: expiresIn(60_000),
        conditions: [['content-length-range', 2, 5]],
      }),
    });
    expect((await post(Bucket, fields('big'), 'too many bytes')).status).toBe(400);
    expect((await post(Bucket, fields('small'), 'x')).status).toBe(400);
    expect((await post(Bucket, fields('fits'), 'abc')).status).toBe(204);
  });

  it('refuses a bad signature with 403 SignatureDoesNotMatch', async () => {
    const Bucket = await t.createBucket();
    const fields = signedFields({ expiration: expiresIn(60_000), conditions: [] });
    fields['q-signature'] = '0'.repeat(40);
    const res = await post(Bucket, { key: 'bad', ...fields });
    expect(res.status).toBe(403);
    expect(res.text).toContain('SignatureDoesNotMatch');
  });

  it('refuses a policy that is not base64 JSON with 400 InvalidPolicyDocument', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket, Region: REGION, ACL: 'public-read-write' });
    const res = await post(Bucket, {
      key: 'k',
      policy: Buffer.from('not json').toString('base64'),
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('InvalidPolicyDocument');
  });

  it('accepts an unsigned form only in a public-read-write bucket', async () => {
    const closed = await t.createBucket();
    expect((await post(closed, { key: 'anon' })).status).toBe(403);
    const open = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket: open, Region: REGION, ACL: 'public-read-write' });
    expect((await post(open, { key: 'anon' })).status).toBe(204);
  });

  it('answers 400 when the form has no file', async () => {
    const Bucket = await t.createBucket();
    const res = await request(t.emulator.url).post('/').set('Host', host(Bucket)).field('key', 'k');
    expect(res.status).toBe(400);
    expect(res.text).toContain('IncorrectNumberOfFilesInPostRequest');
  });
});
