import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('configurations stored but not enforced', () => {
  let t: TestEmulator;
  let lines: string[];
  beforeAll(async () => {
    lines = [];
    const logWriter = (line: string) => lines.push(line);
    t = await startTestEmulator({ logLevel: 'warn', logWriter });
  });
  afterAll(() => t.stop());

  const policy = {
    version: '2.0',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { qcs: ['qcs::cam::anyone:anyone'] },
        Action: ['name/cos:GetObject'],
        Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*'],
      },
    ],
  };

  it('stores a policy, returns it, logs a warning, and deletes it', async () => {
    const Bucket = await t.createBucket();
    await expect(t.cos.getBucketPolicy({ Bucket, Region: REGION })).rejects.toMatchObject({
      statusCode: 404,
      ErrorStatus: 'Policy Not Found',
    });
    await t.cos.putBucketPolicy({ Bucket, Region: REGION, Policy: policy } as never);
    const warned = lines.some((l) => l.includes('PutBucketPolicy') && l.includes('not enforced'));
    expect(warned).toBe(true);
    const got = await t.cos.getBucketPolicy({ Bucket, Region: REGION });
    expect(got.Policy).toEqual(policy);
    expect((await t.cos.deleteBucketPolicy({ Bucket, Region: REGION })).statusCode).toBe(204);
    await expect(t.cos.getBucketPolicy({ Bucket, Region: REGION })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('refuses a policy without statements with 400 MalformedPolicy', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.putBucketPolicy({ Bucket, Region: REGION, Policy: { version: '2.0' } } as never),
    ).rejects.toMatchObject({ code: 'MalformedPolicy', statusCode: 400 });
  });

  it('stores lifecycle rules and answers NoSuchLifecycleConfiguration when absent', async () => {
    const Bucket = await t.createBucket();
    const none = await t.cos.getBucketLifecycle({ Bucket, Region: REGION });
    expect(none).toMatchObject({ Rules: [], statusCode: 404 });
    const Rules = [
      { ID: 'r1', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: '30' } },
      {
        ID: 'r2',
        Status: 'Disabled',
        Filter: {},
        Transition: { Days: '7', StorageClass: 'STANDARD_IA' },
      },
    ];
    await t.cos.putBucketLifecycle({ Bucket, Region: REGION, Rules } as never);
    const got = await t.cos.getBucketLifecycle({ Bucket, Region: REGION });
    expect(got.Rules).toEqual([
      { ID: 'r1', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: '30' } },
      {
        ID: 'r2',
        Status: 'Disabled',
        Filter: '',
        Transition: { Days: '7', StorageClass: 'STANDARD_IA' },
      },
    ]);
    expect((await t.cos.deleteBucketLifecycle({ Bucket, Region: REGION })).statusCode).toBe(204);
    expect((await t.cos.getBucketLifecycle({ Bucket, Region: REGION })).statusCode).toBe(404);
  });

  it('stores a website configuration with routing rules', async () => {
    const Bucket = await t.createBucket();
    const none = await t.cos.getBucketWebsite({ Bucket, Region: REGION });
    expect(none.statusCode).toBe(404);
    await t.cos.putBucketWebsite({
      Bucket,
      Region: REGION,
      WebsiteConfiguration: {
        IndexDocument: { Suffix: 'index.html' },
        ErrorDocument: { Key: 'error.html' },
        RoutingRules: [
          { Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } },
        ],
      },
    } as never);
    const got = await t.cos.getBucketWebsite({ Bucket, Region: REGION });
    expect(got.WebsiteConfiguration).toEqual({
      IndexDocument: { Suffix: 'index.html' },
      ErrorDocument: { Key: 'error.html' },
      RoutingRules: [
        { Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } },
      ],
    });
    await t.cos.deleteBucketWebsite({ Bucket, Region: REGION });
    expect((await t.cos.getBucketWebsite({ Bucket, Region: REGION })).statusCode).toBe(404);
  });

  it('refuses a website configuration without an index document', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.putBucketWebsite({
        Bucket,
        Region: REGION,
        WebsiteConfiguration: { ErrorDocument: { Key: 'e.html' } },
      } as never),
    ).rejects.toMatchObject({ code: 'MalformedXML' });
  });

  it('returns an empty referer configuration until one is stored', async () => {
    const Bucket = await t.createBucket();
    const none = await t.cos.getBucketReferer({ Bucket, Region: REGION });
    expect(none.statusCode).toBe(200);
    await t.cos.putBucketReferer({
      Bucket,
      Region: REGION,
      RefererConfiguration: {
        Status: 'Enabled',
        RefererType: 'White-List',
        DomainList: { Domains: ['*.qq.com', 'example.com'] },
        EmptyReferConfiguration: 'Allow',
      },
    });
    const got = await t.cos.getBucketReferer({ Bucket, Region: REGION });
    expect(got.RefererConfiguration).toEqual({
      Status: 'Enabled',
      RefererType: 'White-List',
      DomainList: { Domains: ['*.qq.com', 'example.com'] },
      EmptyReferConfiguration: 'Allow',
    });
  });

  it('stores custom domains and answers 404 when there are none', async () => {
    const Bucket = await t.createBucket();
    await expect(t.cos.getBucketDomain({ Bucket, Region: REGION })).rejects.toMatchObject({
      statusCode: 404,
    });
    const DomainRule = [{ Status: 'ENABLED', Name: 'www.example.com', Type: 'REST' }];
    await t.cos.putBucketDomain({ Bucket, Region: REGION, DomainRule } as never);
    const got = await t.cos.getBucketDomain({ Bucket, Region: REGION });
    expect(got.DomainRule).toEqual(DomainRule);
    expect((await t.cos.deleteBucketDomain({ Bucket, Region: REGION })).statusCode).toBe(204);
  });

  it('stores logging and accelerate, returning empty documents before', async () => {
    const Bucket = await t.createBucket();
    const target = await t.createBucket('logs');
    const noLogging = await t.cos.getBucketLogging({ Bucket, Region: REGION });
    expect(noLogging.BucketLoggingStatus).toBe('');
    await t.cos.putBucketLogging({
      Bucket,
      Region: REGION,
      BucketLoggingStatus: { LoggingEnabled: { TargetBucket: target, TargetPrefix: 'access/' } },
    });
    const logging = await t.cos.getBucketLogging({ Bucket, Region: REGION });
    expect(logging.BucketLoggingStatus).toEqual({
      LoggingEnabled: { TargetBucket: target, TargetPrefix: 'access/' },
    });

    const noAccelerate = await t.cos.getBucketAccelerate({ Bucket, Region: REGION });
    expect(noAccelerate.statusCode).toBe(200);
    await t.cos.putBucketAccelerate({
      Bucket,
      Region: REGION,
      AccelerateConfiguration: { Status: 'Enabled' },
    } as never);
    const accelerate = await t.cos.getBucketAccelerate({ Bucket, Region: REGION });
    expect(
      (accelerate as unknown as { AccelerateConfiguration: unknown }).AccelerateConfiguration,
    ).toEqual({ Status: 'Enabled' });
  });

  it('refuses a lifecycle body with the wrong root element', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.request({
        Bucket,
        Region: REGION,
        Method: 'PUT',
        Action: 'lifecycle',
        Body: '<WebsiteConfiguration><Rule/></WebsiteConfiguration>',
      } as never),
    ).rejects.toMatchObject({ code: 'MalformedXML', statusCode: 400 });
  });
});
