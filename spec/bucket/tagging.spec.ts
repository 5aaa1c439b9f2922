import COS = require('cos-nodejs-sdk-v5');
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('bucket and object tagging', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const tags = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));

  it('reports a bucket without tags as NoSuchTagSet, then stores and deletes tags', async () => {
    const Bucket = await t.createBucket();
    const none = await t.cos.getBucketTagging({ Bucket, Region: REGION });
    expect(none).toMatchObject({ Tags: [], statusCode: 404 });

    await t.cos.putBucketTagging({ Bucket, Region: REGION, Tags: tags(2) });
    const got = await t.cos.getBucketTagging({ Bucket, Region: REGION });
    expect(got.Tags).toEqual(tags(2));

    const deleted = await t.cos.deleteBucketTagging({ Bucket, Region: REGION });
    expect(deleted.statusCode).toBe(204);
    expect((await t.cos.getBucketTagging({ Bucket, Region: REGION })).statusCode).toBe(404);
  });

  it('refuses duplicate keys with 400 InvalidTag', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.putBucketTagging({
        Bucket,
        Region: REGION,
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '2' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'InvalidTag', statusCode: 400 });
  });

  it('allows 50 tags on a bucket but 10 on an object', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketTagging({ Bucket, Region: REGION, Tags: tags(50) });
    await expect(
      t.cos.putBucketTagging({ Bucket, Region: REGION, Tags: tags(51) }),
    ).rejects.toMatchObject({ code: 'InvalidTag' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'o', Body: 'x' });
    await t.cos.putObjectTagging({ Bucket, Region: REGION, Key: 'o', Tags: tags(10) });
    await expect(
      t.cos.putObjectTagging({ Bucket, Region: REGION, Key: 'o', Tags: tags(11) }),
    ).rejects.toMatchObject({ code: 'InvalidTag' });
  });

  it('refuses a tag key longer than 128 characters', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.putBucketTagging({
        Bucket,
        Region: REGION,
        Tags: [{ Key: 'k'.repeat(129), Value: '' }],
      }),
    ).rejects.toMatchObject({ code: 'InvalidTag' });
  });

  it('tags an object and shows the count on HEAD', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'o', Body: 'x' });
    const empty = await t.cos.getObjectTagging({ Bucket, Region: REGION, Key: 'o' });
    expect(empty.Tags).toEqual([]);
    await t.cos.putObjectTagging({ Bucket, Region: REGION, Key: 'o', Tags: tags(3) });
    const got = await t.cos.getObjectTagging({ Bucket, Region: REGION, Key: 'o' });
    expect(got.Tags).toEqual(tags(3));
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key: 'o' });
    expect(head.headers!['x-cos-tagging-count']).toBe('3');
    await t.cos.deleteObjectTagging({ Bucket, Region: REGION, Key: 'o' });
    expect((await t.cos.getObjectTagging({ Bucket, Region: REGION, Key: 'o' })).Tags).toEqual([]);
  });

  it('tags one object version by versionId', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketVersioning({
      Bucket,
      Region: REGION,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    const first = await t.cos.putObject({ Bucket, Region: REGION, Key: 'v', Body: '1' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'v', Body: '2' });
    const VersionId = first.VersionId!;
    expect(VersionId).toBeTruthy();
    await t.cos.putObjectTagging({ Bucket, Region: REGION, Key: 'v', VersionId, Tags: tags(1) });
    const old = await t.cos.getObjectTagging({
      Bucket,
      Region: REGION,
      Key: 'v',
      VersionId,
    } as COS.GetObjectTaggingParams);
    expect(old.Tags).toEqual(tags(1));
    const latest = await t.cos.getObjectTagging({ Bucket, Region: REGION, Key: 'v' });
    expect(latest.Tags).toEqual([]);
  });

  it('returns 404 NoSuchKey when tagging a missing object', async () => {
    const Bucket = await t.createBucket();
    await expect(
      t.cos.putObjectTagging({ Bucket, Region: REGION, Key: 'none', Tags: tags(1) }),
    ).rejects.toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
  });
});
