import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

const PUBLIC_READ = 'uri="http://cam.qcloud.com/groups/global/AllUsers"';
const READER = 'id="100000000011"';

/** x-cos-grant-* headers decide access like the canned ACL does, on buckets and objects. */
describe('ACL grant headers', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const anonymousGet = async (Bucket: string, key: string) => {
    const host = `${Bucket}.cos.${REGION}.myqcloud.com`;
    const response = await request(t.emulator.url).get(`/${key}`).set('Host', host).buffer(true);
    return { status: response.status, text: String(response.body) };
  };

  it('lets anonymous reads into a bucket created with an AllUsers read grant', async () => {
    const Bucket = t.bucketName('grantput');
    await t.cos.putBucket({ Bucket, Region: REGION, GrantRead: PUBLIC_READ });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'open', Body: 'public bytes' });
    const got = await anonymousGet(Bucket, 'open');
    expect(got.status).toBe(200);
    expect(got.text).toBe('public bytes');
    expect((await t.cos.getBucketAcl({ Bucket, Region: REGION })).ACL).toBe('public-read');
  });

  it('opens and closes a bucket through PUT ?acl grant headers', async () => {
    const Bucket = await t.createBucket('grantacl');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'o', Body: 'x' });
    expect((await anonymousGet(Bucket, 'o')).status).toBe(403);

    await t.cos.putBucketAcl({ Bucket, Region: REGION, GrantRead: PUBLIC_READ });
    expect((await anonymousGet(Bucket, 'o')).status).toBe(200);

    await t.cos.putBucketAcl({ Bucket, Region: REGION, GrantRead: READER });
    expect((await anonymousGet(Bucket, 'o')).status).toBe(403);
  });

  it('keeps grant headers of PutObject and lets an AllUsers grant open the object', async () => {
    const Bucket = await t.createBucket('grantobj');
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'shared',
      Body: 'shared bytes',
      GrantRead: PUBLIC_READ,
      GrantReadAcp: READER,
    });
    const acl = await t.cos.getObjectAcl({ Bucket, Region: REGION, Key: 'shared' });
    expect(acl.ACL).toBe('public-read');
    expect(acl.GrantReadAcp).toBe('id="qcs::cam::uin/100000000011:uin/100000000011"');
    expect((await anonymousGet(Bucket, 'shared')).text).toBe('shared bytes');
  });

  it('keeps a private grant of PutObject without opening the object', async () => {
    const Bucket = await t.createBucket('grantpriv');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'x', GrantRead: READER });
    const acl = await t.cos.getObjectAcl({ Bucket, Region: REGION, Key: 'k' });
    expect(acl.GrantRead).toBe('id="qcs::cam::uin/100000000011:uin/100000000011"');
    expect((await anonymousGet(Bucket, 'k')).status).toBe(403);
  });

  it('applies grant headers of Initiate Multipart Upload to the completed object', async () => {
    const Bucket = await t.createBucket('grantmpu');
    const { UploadId } = await t.cos.multipartInit({
      Bucket,
      Region: REGION,
      Key: 'big',
      GrantRead: PUBLIC_READ,
    });
    const { ETag } = await t.cos.multipartUpload({
      Bucket,
      Region: REGION,
      Key: 'big',
      UploadId,
      PartNumber: 1,
      Body: 'only part',
    });
    await t.cos.multipartComplete({
      Bucket,
      Region: REGION,
      Key: 'big',
      UploadId,
      Parts: [{ PartNumber: 1, ETag }],
    });
    expect((await anonymousGet(Bucket, 'big')).text).toBe('only part');
  });

  it('applies grant headers of PUT Object - Copy to the destination', async () => {
    const Bucket = await t.createBucket('grantcopy');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'src', Body: 'copied' });
    await t.cos.putObjectCopy({
      Bucket,
      Region: REGION,
      Key: 'dest',
      CopySource: `${Bucket}.cos.${REGION}.myqcloud.com/src`,
      GrantRead: PUBLIC_READ,
    });
    expect((await anonymousGet(Bucket, 'dest')).text).toBe('copied');
    expect((await anonymousGet(Bucket, 'src')).status).toBe(403);
  });
});
