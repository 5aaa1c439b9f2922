import { DeleteObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, raw, signCos } from '../objects/object-support';
import { createHash } from 'crypto';

describe('DELETE Multiple Objects', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  async function keysOf(Bucket: string): Promise<string[]> {
    const listing = await t.cos.getBucket({ Bucket, Region: REGION });
    return listing.Contents.map((c) => c.Key);
  }

  it('deletes the named objects and reports missing keys as deleted', async () => {
    const Bucket = await t.createBucket('delmulti');
    for (const Key of ['a', 'b', 'c']) {
      await t.cos.putObject({ Bucket, Region: REGION, Key, Body: Key });
    }
    const result = await t.cos.deleteMultipleObject({
      Bucket,
      Region: REGION,
      Objects: [{ Key: 'a' }, { Key: 'c' }, { Key: 'missing' }],
    });
    expect(result.Deleted.map((d: any) => d.Key)).toEqual(['a', 'c', 'missing']);
    expect(result.Error).toEqual([]);
    expect(await keysOf(Bucket)).toEqual(['b']);
  });

  it('lists nothing but errors when Quiet is true', async () => {
    const Bucket = await t.createBucket('delquiet');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'a', Body: 'a' });
    const result = await t.cos.deleteMultipleObject({
      Bucket,
      Region: REGION,
      Objects: [{ Key: 'a' }],
      Quiet: true,
    });
    expect(result.Deleted).toEqual([]);
    expect(await keysOf(Bucket)).toEqual([]);
  });

  it('creates delete markers in a versioned bucket and removes named versions', async () => {
    const Bucket = await t.createBucket('delver');
    await t.cos.putBucketVersioning({
      Bucket,
      Region: REGION,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    const put = await t.cos.putObject({ Bucket, Region: REGION, Key: 'v', Body: 'one' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'w', Body: 'w' });
    const result = await t.cos.deleteMultipleObject({
      Bucket,
      Region: REGION,
      Objects: [{ Key: 'v', VersionId: put.VersionId }, { Key: 'w' }],
    });
    const [removed, marked] = result.Deleted as any[];
    expect(removed).toEqual({ Key: 'v', VersionId: put.VersionId });
    expect(marked.Key).toBe('w');
    expect(marked.DeleteMarker).toBe('true');
    expect(marked.DeleteMarkerVersionId).toBeTruthy();
    const versions = (await t.cos.listObjectVersions({ Bucket, Region: REGION })) as any;
    expect(versions.Versions.map((v: any) => v.Key)).toEqual(['w']);
    const markerIds = versions.DeleteMarkers.map((d: any) => d.VersionId);
    expect(markerIds).toEqual([marked.DeleteMarkerVersionId]);
  });

  it('accepts Quiet before the objects and answers MalformedXML past 1000 objects', async () => {
    const Bucket = await t.createBucket('delxml');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'q', Body: 'q' });
    const send = (body: string) =>
      raw(t)
        .post('/?delete')
        .set('Host', bucketHost(Bucket))
        .set('Content-Type', 'application/xml')
        .set('Content-MD5', createHash('md5').update(body).digest('base64'))
        .set('Authorization', signCos(t, 'POST', '/', {}, { delete: '' }))
        .send(body);
    const quietFirst = await send(
      '<Delete><Quiet>true</Quiet><Object><Key>q</Key></Object></Delete>',
    );
    expect(quietFirst.status).toBe(200);
    expect(quietFirst.text).not.toContain('<Deleted>');
    expect(await keysOf(Bucket)).toEqual([]);

    const many = '<Object><Key>x</Key></Object>'.repeat(1001);
    const tooMany = await send(`<Delete>${many}</Delete>`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain('<Code>MalformedXML</Code>');
  });

  it('deletes through the AWS SDK DeleteObjects', async () => {
    const Bucket = await t.createBucket('delaws');
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'a', Body: 'a' }));
    const result = await t.s3.send(
      new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }] } }),
    );
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['a', 'b']);
    expect(await keysOf(Bucket)).toEqual([]);
  });
});
