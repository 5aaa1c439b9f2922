import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

const ALL_USERS = 'http://cam.qcloud.com/groups/global/AllUsers';

describe('ACLs and anonymous access', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const host = (bucket: string) => `${bucket}.cos.${REGION}.myqcloud.com`;
  const anonymousGet = (bucket: string, key: string) =>
    request(t.emulator.url).get(`/${key}`).set('Host', host(bucket));

  it('shows a new bucket as private with the owner holding FULL_CONTROL', async () => {
    const Bucket = await t.createBucket();
    const acl = await t.cos.getBucketAcl({ Bucket, Region: REGION });
    expect(acl.ACL).toBe('private');
    expect(acl.Grants).toHaveLength(1);
    expect(acl.Grants[0]).toMatchObject({
      Grantee: { ID: acl.Owner.ID },
      Permission: 'FULL_CONTROL',
    });
  });

  it('stores a canned ACL and grant headers and returns them as grants', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketAcl({
      Bucket,
      Region: REGION,
      ACL: 'public-read',
      GrantWrite: 'id="100000000011"',
    });
    const acl = await t.cos.getBucketAcl({ Bucket, Region: REGION });
    expect(acl.ACL).toBe('public-read');
    expect(acl.GrantWrite).toBe('id="qcs::cam::uin/100000000011:uin/100000000011"');
    const publicGrant = acl.Grants.find((g) => (g.Grantee as { URI?: string }).URI === ALL_USERS);
    expect(publicGrant?.Permission).toBe('READ');
  });

  it('writes the xsi:type of each grantee', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket, Region: REGION, ACL: 'public-read' });
    const res = await request(t.emulator.url)
      .get('/?acl')
      .set('Host', host(Bucket))
      .set('Authorization', t.cos.getAuth({ Method: 'GET', Key: '', Query: { acl: '' } }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('xsi:type="CanonicalUser"');
    expect(res.text).toContain('xsi:type="Group"');
  });

  it('accepts an AccessControlPolicy body', async () => {
    const Bucket = await t.createBucket();
    const { Owner } = await t.cos.getBucketAcl({ Bucket, Region: REGION });
    await t.cos.putBucketAcl({
      Bucket,
      Region: REGION,
      AccessControlPolicy: {
        Owner,
        Grants: [
          { Grantee: { ID: Owner.ID }, Permission: 'FULL_CONTROL' },
          { Grantee: { URI: ALL_USERS }, Permission: 'READ' },
          { Grantee: { URI: ALL_USERS }, Permission: 'WRITE' },
        ],
      },
    } as never);
    const acl = await t.cos.getBucketAcl({ Bucket, Region: REGION });
    expect(acl.ACL).toBe('public-read-write');
    expect(acl.headers!['x-cos-acl']).toBe('public-read-write');
  });

  it('shows default for an object without its own ACL, then its canned ACL', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'o', Body: 'x' });
    const before = await t.cos.getObjectAcl({ Bucket, Region: REGION, Key: 'o' });
    expect(before.ACL).toBe('default');
    await t.cos.putObjectAcl({ Bucket, Region: REGION, Key: 'o', ACL: 'public-read' });
    const after = await t.cos.getObjectAcl({ Bucket, Region: REGION, Key: 'o' });
    expect(after.ACL).toBe('public-read');
  });

  it('returns 404 NoSuchKey for the ACL of a missing object', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.getObjectAcl({ Bucket, Region: REGION, Key: 'missing' }),
    ).rejects.toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
  });

  it('refuses an anonymous GET in a private bucket with 403 AccessDenied', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'secret', Body: 'x' });
    const res = await anonymousGet(Bucket, 'secret');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<Code>AccessDenied</Code>');
  });

  it('serves an anonymous GET of a public-read object in a private bucket', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'pub',
      Body: 'hello',
      ContentType: 'text/plain',
    });
    await t.cos.putObjectAcl({ Bucket, Region: REGION, Key: 'pub', ACL: 'public-read' });
    const res = await anonymousGet(Bucket, 'pub');
    expect(res.status).toBe(200);
    expect(res.text).toBe('hello');
  });

  it('serves anonymous reads in a public-read bucket but not of private objects', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket, Region: REGION, ACL: 'public-read' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'open', Body: 'a' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'closed', Body: 'b' });
    await t.cos.putObjectAcl({ Bucket, Region: REGION, Key: 'closed', ACL: 'private' });
    expect((await anonymousGet(Bucket, 'open')).status).toBe(200);
    expect((await anonymousGet(Bucket, 'closed')).status).toBe(403);
    const acl = await request(t.emulator.url).get('/?acl').set('Host', host(Bucket));
    expect(acl.status).toBe(403);
  });

  it('allows anonymous writes only in a public-read-write bucket', async () => {
    const readOnly = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket: readOnly, Region: REGION, ACL: 'public-read' });
    const put = (bucket: string) =>
      request(t.emulator.url).put('/anon').set('Host', host(bucket)).send('data');
    expect((await put(readOnly)).status).toBe(403);

    const open = await t.createBucket();
    await t.cos.putBucketAcl({ Bucket: open, Region: REGION, ACL: 'public-read-write' });
    expect((await put(open)).status).toBe(200);
    const got = await t.cos.getObject({ Bucket: open, Region: REGION, Key: 'anon' });
    expect(got.Body.toString()).toBe('data');
  });
});
