import COS = require('cos-nodejs-sdk-v5');
import request from 'supertest';
import { APP_ID, REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('buckets: GET Service, PUT/HEAD/DELETE Bucket, GET ?location', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ regions: [REGION, 'ap-beijing'] });
  });
  afterAll(() => t.stop());

  it('lists no buckets as an empty array with the owner', async () => {
    const fresh = await startTestEmulator();
    try {
      const listed = await fresh.cos.getService({});
      expect(listed.Buckets).toEqual([]);
      expect(listed.Owner).toEqual({
        ID: `qcs::cam::uin/${APP_ID}:uin/${APP_ID}`,
        DisplayName: APP_ID,
      });
    } finally {
      await fresh.stop();
    }
  });

  it('lists buckets of every region, or of the region the host names', async () => {
    const here = await t.createBucket('svc');
    const there = await t.createBucket('svc', 'ap-beijing');
    const all = await t.cos.getService({});
    const names = all.Buckets.map((b) => b.Name);
    expect(names).toEqual(expect.arrayContaining([here, there]));
    const beijing = await t.cos.getService({ Region: 'ap-beijing' });
    expect(beijing.Buckets.map((b) => b.Name)).toContain(there);
    expect(beijing.Buckets.map((b) => b.Name)).not.toContain(here);
    const entry = all.Buckets.find((b) => b.Name === there)!;
    expect(entry.Location).toBe('ap-beijing');
    expect(entry.CreationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('pages GET Service with max-keys and marker', async () => {
    await t.createBucket('page');
    await t.createBucket('page');
    const page = await t.cos.getService({ MaxKeys: 1 } as unknown as COS.GetServiceParams);
    expect(page.Buckets).toHaveLength(1);
    const marker = { MaxKeys: 1, Marker: page.Buckets[0].Name };
    const next = await t.cos.getService(marker as unknown as COS.GetServiceParams);
    expect(next.Buckets).toHaveLength(1);
    expect(next.Buckets[0].Name > page.Buckets[0].Name).toBe(true);
  });

  it('creates a multi-AZ OFS bucket and shows it on HEAD Bucket', async () => {
    const Bucket = t.bucketName('maz');
    await t.cos.putBucket({
      Bucket,
      Region: REGION,
      BucketAZConfig: 'MAZ',
      BucketArchConfig: 'OFS',
    });
    const head = await t.cos.headBucket({ Bucket, Region: REGION });
    expect(head.headers!['x-cos-bucket-region']).toBe(REGION);
    expect(head.headers!['x-cos-bucket-az-type']).toBe('MAZ');
    expect(head.headers!['x-cos-bucket-arch']).toBe('OFS');
  });

  it('omits the AZ and arch headers for an ordinary bucket', async () => {
    const Bucket = await t.createBucket();
    const head = await t.cos.headBucket({ Bucket, Region: REGION });
    expect(head.headers!['x-cos-bucket-az-type']).toBeUndefined();
    expect(head.headers!['x-cos-bucket-arch']).toBeUndefined();
  });

  it('returns 409 BucketAlreadyOwnedByYou for an existing name, in any region', async () => {
    const Bucket = await t.createBucket();
    await expect(t.cos.putBucket({ Bucket, Region: 'ap-beijing' })).rejects.toMatchObject({
      code: 'BucketAlreadyOwnedByYou',
      statusCode: 409,
    });
  });

  it('returns 400 InvalidBucketName for a name starting with a dash', async () => {
    await expect(
      t.cos.putBucket({ Bucket: `-bad-${APP_ID}`, Region: REGION }),
    ).rejects.toMatchObject({ code: 'InvalidBucketName', statusCode: 400 });
  });

  it('refuses a bad canned ACL without creating the bucket', async () => {
    const Bucket = t.bucketName('acl');
    await expect(
      t.cos.putBucket({ Bucket, Region: REGION, ACL: 'everyone' as never }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(t.cos.headBucket({ Bucket, Region: REGION })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('answers HEAD Bucket 404 for a missing bucket and 404 in another region', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.headBucket({ Bucket: t.bucketName('none'), Region: REGION }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(t.cos.headBucket({ Bucket, Region: 'ap-beijing' })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('answers HEAD Bucket 403 to an anonymous caller of a private bucket', async () => {
    const Bucket = await t.createBucket();
    const res = await request(t.emulator.url)
      .head('/')
      .set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`);
    expect(res.status).toBe(403);
  });

  it('returns the region from GET ?location', async () => {
    const Bucket = await t.createBucket('loc', 'ap-beijing');
    const location = await t.cos.getBucketLocation({ Bucket, Region: 'ap-beijing' });
    expect(location.LocationConstraint).toBe('ap-beijing');
  });

  it('returns 409 BucketNotEmpty while objects remain, then deletes with 204', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'x' });
    await expect(t.cos.deleteBucket({ Bucket, Region: REGION })).rejects.toMatchObject({
      code: 'BucketNotEmpty',
      statusCode: 409,
    });
    await t.cos.deleteObject({ Bucket, Region: REGION, Key: 'k' });
    const deleted = await t.cos.deleteBucket({ Bucket, Region: REGION });
    expect(deleted.statusCode).toBe(204);
    const listed = await t.cos.getService({});
    expect(listed.Buckets.map((b) => b.Name)).not.toContain(Bucket);
  });

  it('creates a path-style bucket in the region of the SigV4 scope', async () => {
    const { CreateBucketCommand, HeadBucketCommand } = await import('@aws-sdk/client-s3');
    const { S3Client } = await import('@aws-sdk/client-s3');
    const s3 = new S3Client(t.emulator.s3ClientConfig('ap-beijing'));
    try {
      const Bucket = t.bucketName('s3');
      await s3.send(new CreateBucketCommand({ Bucket }));
      const head = await s3.send(new HeadBucketCommand({ Bucket }));
      expect(head.$metadata.httpStatusCode).toBe(200);
      const location = await t.cos.getBucketLocation({ Bucket, Region: 'ap-beijing' });
      expect(location.LocationConstraint).toBe('ap-beijing');
    } finally {
      s3.destroy();
    }
  });
});
