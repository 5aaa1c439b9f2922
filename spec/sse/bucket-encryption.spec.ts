import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { setBucketDefault } from './sse-support';

describe('bucket default encryption (/?encryption)', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const raw = () =>
    startTestEmulator({ auth: 'off' }).then((other) => {
      extra.push(other);
      return other;
    });
  const extra: TestEmulator[] = [];
  afterAll(() => Promise.all(extra.map((e) => e.stop())));

  const rawRoot = (result: unknown) =>
    (result as { ServerSideEncryptionConfiguration?: any }).ServerSideEncryptionConfiguration;

  it('stores AES256 and returns it from GET', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    const got = await t.cos.getBucketEncryption({ Bucket, Region: REGION });
    // The SDK parses a root that does not exist (reference 5.1): read the raw root instead.
    expect(rawRoot(got).Rule.ApplyServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
  });

  it('stores KMS with a KMSMasterKeyID', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS', 'alias/app');
    const got = await t.cos.getBucketEncryption({ Bucket, Region: REGION });
    expect(rawRoot(got).Rule.ApplyServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'KMS',
      KMSMasterKeyID: 'alias/app',
    });
  });

  it('returns 404 NoSuchEncryptionConfiguration when none is set', async () => {
    const other = await raw();
    const Bucket = await other.createBucket();
    const res = await request(other.emulator.url)
      .get('/?encryption')
      .set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('<Code>NoSuchEncryptionConfiguration</Code>');
    // The SDK turns this 404 into an empty success (reference 5.1).
    const got = await t.cos.getBucketEncryption({ Bucket: await t.createBucket(), Region: REGION });
    expect(got.statusCode).toBe(404);
  });

  it('accepts the SDK typings name ApplySideEncryptionConfiguration', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketEncryption({
      Bucket,
      Region: REGION,
      ServerSideEncryptionConfiguration: {
        Rule: [{ ApplySideEncryptionConfiguration: { SSEAlgorithm: 'AES256' } }],
      },
    } as never);
    const got = await t.cos.getBucketEncryption({ Bucket, Region: REGION });
    expect(rawRoot(got).Rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
  });

  it('answers 204 to DELETE, with or without a configuration, and then 404s', async () => {
    const other = await raw();
    const Bucket = await other.createBucket();
    const host = `${Bucket}.cos.${REGION}.myqcloud.com`;
    await setBucketDefault(other, Bucket, REGION, 'AES256');
    expect(
      (await request(other.emulator.url).delete('/?encryption').set('Host', host)).status,
    ).toBe(204);
    expect(
      (await request(other.emulator.url).delete('/?encryption').set('Host', host)).status,
    ).toBe(204);
    expect((await request(other.emulator.url).get('/?encryption').set('Host', host)).status).toBe(
      404,
    );
  });

  describe('refuses bad bodies', () => {
    const cases: Array<[string, string, string]> = [
      ['MalformedXML', 'not xml at all <', 'unparseable XML'],
      ['MalformedXML', '<ServerSideEncryptionConfiguration/>', 'no Rule'],
      [
        'MalformedXML',
        '<ServerSideEncryptionConfiguration><Rule><Other/></Rule>' +
          '</ServerSideEncryptionConfiguration>',
        'a Rule without ApplyServerSideEncryptionByDefault',
      ],
      ['InvalidArgument', rule('<SSEAlgorithm>DES</SSEAlgorithm>'), 'an unknown algorithm'],
      ['InvalidArgument', rule(''), 'a missing SSEAlgorithm'],
      [
        'InvalidArgument',
        rule('<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID>'),
        'a KMS key id with AES256',
      ],
    ];
    it.each(cases.map(([code, body, what]) => [code, what, body]))(
      '400 %s for %s',
      async (code, _what, body) => {
        const other = await raw();
        const Bucket = await other.createBucket();
        const res = await request(other.emulator.url)
          .put('/?encryption')
          .set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`)
          .set('Content-Type', 'application/xml')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.text).toContain(`<Code>${code}</Code>`);
      },
    );
  });
});

function rule(inner: string): string {
  return (
    '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>' +
    inner +
    '</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>'
  );
}
