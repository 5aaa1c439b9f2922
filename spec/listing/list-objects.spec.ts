import { createHash } from 'crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, raw, rejectionOf, signCos } from '../objects/object-support';

describe('GET Bucket (list objects)', () => {
  let t: TestEmulator;
  let Bucket: string;
  const keys = ['a.txt', 'dir/1.txt', 'dir/2.txt', 'dir/sub/3.txt', 'e f+g.txt', 'z.txt'];

  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('list');
    for (const Key of keys) await t.cos.putObject({ Bucket, Region: REGION, Key, Body: Key });
  });
  afterAll(() => t.stop());

  it('lists every key in byte order with the Contents shape of reference 4.5', async () => {
    const listing = await t.cos.getBucket({ Bucket, Region: REGION });
    expect(listing.Contents.map((c) => c.Key)).toEqual(keys);
    expect(listing.IsTruncated).toBe('false');
    expect(listing.MaxKeys).toBe('1000');
    const first = listing.Contents[0] as any;
    expect(first).toMatchObject({
      Key: 'a.txt',
      ETag: `"${createHash('md5').update('a.txt').digest('hex')}"`,
      Size: '5',
      StorageClass: 'STANDARD',
      Owner: { ID: '1250000000', DisplayName: '1250000000' },
    });
    expect(first.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(listing.headers!['x-cos-bucket-region']).toBe(REGION);
  });

  it('pages with Marker and NextMarker', async () => {
    const seen: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await t.cos.getBucket({ Bucket, Region: REGION, MaxKeys: 4, Marker });
      pages++;
      seen.push(...page.Contents.map((c) => c.Key));
      if (page.IsTruncated !== 'true') break;
      expect(page.NextMarker).toBe(page.Contents[page.Contents.length - 1].Key);
      Marker = page.NextMarker;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(keys);
  });

  it('rolls keys up into CommonPrefixes with a delimiter, counted with Contents', async () => {
    const top = await t.cos.getBucket({ Bucket, Region: REGION, Delimiter: '/' });
    expect(top.CommonPrefixes.map((p) => p.Prefix)).toEqual(['dir/']);
    expect(top.Contents.map((c) => c.Key)).toEqual(['a.txt', 'e f+g.txt', 'z.txt']);

    const paged = await t.cos.getBucket({ Bucket, Region: REGION, Delimiter: '/', MaxKeys: 2 });
    expect(paged.Contents.map((c) => c.Key)).toEqual(['a.txt']);
    expect(paged.CommonPrefixes.map((p) => p.Prefix)).toEqual(['dir/']);
    expect(paged.NextMarker).toBe('dir/');
    const next = await t.cos.getBucket({
      Bucket,
      Region: REGION,
      Delimiter: '/',
      MaxKeys: 2,
      Marker: paged.NextMarker,
    });
    expect(next.Contents.map((c) => c.Key)).toEqual(['e f+g.txt', 'z.txt']);
    expect(next.CommonPrefixes).toEqual([]);

    const inner = await t.cos.getBucket({ Bucket, Region: REGION, Prefix: 'dir/', Delimiter: '/' });
    expect(inner.Prefix).toBe('dir/');
    expect(inner.Contents.map((c) => c.Key)).toEqual(['dir/1.txt', 'dir/2.txt']);
    expect(inner.CommonPrefixes.map((p) => p.Prefix)).toEqual(['dir/sub/']);
  });

  it('URL-encodes keys, prefixes and markers with encoding-type=url', async () => {
    const listing = (await t.cos.getBucket({
      Bucket,
      Region: REGION,
      Prefix: 'e f',
      EncodingType: 'url',
    })) as any;
    expect(listing.EncodingType).toBe('url');
    expect(listing.Prefix).toBe('e%20f');
    expect(listing.Contents.map((c: any) => c.Key)).toEqual(['e%20f%2Bg.txt']);
  });

  it('answers 400 InvalidArgument for a max-keys that is not a number', async () => {
    const auth = signCos(t, 'GET', '/', {}, { 'max-keys': 'ten' });
    const response = await raw(t)
      .get('/?max-keys=ten')
      .set('Host', bucketHost(Bucket))
      .set('Authorization', auth);
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidArgument</Code>');
    const negative = await rejectionOf(t.cos.getBucket({ Bucket, Region: REGION, MaxKeys: -1 }));
    expect(negative.code).toBe('InvalidArgument');
  });

  it('clamps max-keys above 1000 to 1000', async () => {
    const listing = await t.cos.getBucket({ Bucket, Region: REGION, MaxKeys: 5000 });
    expect(listing.MaxKeys).toBe('1000');
  });

  it('pages with ListObjectsV2 continuation tokens through the AWS SDK', async () => {
    const seen: string[] = [];
    let ContinuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await t.s3.send(
        new ListObjectsV2Command({ Bucket, MaxKeys: 2, ContinuationToken }),
      );
      pages++;
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
      expect(page.Contents?.[0].Owner).toBeUndefined();
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);

    const after = await t.s3.send(
      new ListObjectsV2Command({
        Bucket,
        StartAfter: 'dir/2.txt',
        Delimiter: '/',
        FetchOwner: true,
      }),
    );
    expect(after.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/']);
    expect(after.Contents?.map((c) => c.Key)).toEqual(['e f+g.txt', 'z.txt']);
    expect(after.Contents?.[0].Owner?.ID).toBe('1250000000');
  });
});
