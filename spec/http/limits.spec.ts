import request from 'supertest';
import { bucketHost, rejectionOf } from '../objects/object-support';
import { APP_ID, REGION, startTestEmulator, TestEmulator } from '../support/emulator';

/** Request limits and hosts, each answered with its COS error. */
describe('request limits and host names', () => {
  let t: TestEmulator;
  /** Signatures off, for raw requests where only the limit under test should answer. */
  let open: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    open = await startTestEmulator({ auth: 'off' });
    Bucket = await t.createBucket('limits');
  });
  afterAll(async () => {
    await t.stop();
    await open.stop();
  });

  it.each([
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE Tagging><Tagging><TagSet/></Tagging>'],
    [
      'an ENTITY',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Tagging><TagSet>' +
        '<Tag><Key>k</Key><Value>&e;</Value></Tag></TagSet></Tagging>',
    ],
  ])('refuses a body with %s with 400 MalformedXML', async (_, body) => {
    const host = bucketHost(await open.createBucket('dtd'));
    const response = await request(open.emulator.url).put('/?tagging').set('Host', host).send(body);
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>MalformedXML</Code>');
    expect(response.text).not.toContain('root:');
  });

  it('refuses a configuration body over 1 MB with 400 XMLSizeLimit', async () => {
    const error = await rejectionOf(
      t.cos.putBucketTagging({
        Bucket,
        Region: REGION,
        Tags: [{ Key: 'k', Value: 'v'.repeat(1024 * 1024) }],
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('XMLSizeLimit');
  });

  it('refuses more than 2 KB of x-cos-meta-* with 400 MetadataTooLarge', async () => {
    const error = await rejectionOf(
      t.cos.putObject({
        Bucket,
        Region: REGION,
        Key: 'meta.txt',
        Body: 'x',
        Headers: { 'x-cos-meta-a': 'a'.repeat(1500), 'x-cos-meta-b': 'b'.repeat(1500) },
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('MetadataTooLarge');
  });

  it('refuses a bucket whose domain exceeds 60 characters with 400 BucketNameTooLong', async () => {
    const name = `${'a'.repeat(30)}-${APP_ID}`;
    const error = await rejectionOf(t.cos.putBucket({ Bucket: name, Region: REGION }));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('BucketNameTooLong');
  });

  it('serves buckets under the tencentcos.cn domain', async () => {
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'cn.txt', Body: 'via tencentcos.cn' });
    const anonymous = await startTestEmulator({ auth: 'off' });
    try {
      const name = await anonymous.createBucket('cn');
      const host = `${name}.cos.${REGION}.tencentcos.cn`;
      await request(anonymous.emulator.url).put('/k.txt').set('Host', host).send('cn bytes');
      const got = await request(anonymous.emulator.url).get('/k.txt').set('Host', host);
      expect(got.status).toBe(200);
      expect(got.text).toBe('cn bytes');
      const located = await request(anonymous.emulator.url).get('/?location').set('Host', host);
      expect(located.text).toContain(REGION);
    } finally {
      await anonymous.stop();
    }
  });
});
