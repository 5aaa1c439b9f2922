import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

describe('GET Bucket object versions', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  async function versionedBucket(): Promise<string> {
    const Bucket = await t.createBucket('versions');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'before versioning' });
    await t.cos.putBucketVersioning({
      Bucket,
      Region: REGION,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'v1' });
    await t.cos.deleteObject({ Bucket, Region: REGION, Key: 'k' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'm', Body: 'm' });
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'dir/x', Body: 'x' });
    return Bucket;
  }

  it('interleaves versions and delete markers in key order, newest first', async () => {
    const Bucket = await versionedBucket();
    const response = await t.cos.request({
      Bucket,
      Region: REGION,
      Method: 'GET',
      Action: 'versions',
      RawBody: true,
    } as any);
    const body = String((response as any).Body);
    const rows = [...body.matchAll(/<(Version|DeleteMarker)><Key>([^<]*)<\/Key>/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(rows).toEqual([
      'Version:dir/x',
      'DeleteMarker:k',
      'Version:k',
      'Version:k',
      'Version:m',
    ]);

    const listing = await t.cos.listObjectVersions({ Bucket, Region: REGION });
    const markers = listing.DeleteMarkers as any[];
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ Key: 'k', IsLatest: 'true' });
    const kVersions = (listing.Versions as any[]).filter((v) => v.Key === 'k');
    expect(kVersions.map((v) => v.IsLatest)).toEqual(['false', 'false']);
    expect(kVersions[1].VersionId).toBe('null');
    expect(kVersions[0].VersionId).not.toBe('null');
    expect(kVersions[0].ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(kVersions[0].Owner).toEqual({ ID: '1250000000', DisplayName: '1250000000' });
  });

  it('pages with NextKeyMarker and NextVersionIdMarker, inside one key too', async () => {
    const Bucket = await versionedBucket();
    const seen: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = (await t.cos.listObjectVersions({
        // The typings lack KeyMarker; the SDK sends it as key-marker.
        Bucket,
        Region: REGION,
        MaxKeys: '2',
        KeyMarker,
        VersionIdMarker,
      } as any)) as any;
      const rows = [...page.Versions, ...page.DeleteMarkers];
      expect(rows.length).toBeLessThanOrEqual(2);
      seen.push(...rows.map((r: any) => `${r.Key}@${r.VersionId}`));
      if (page.IsTruncated !== 'true') break;
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
    const all = (await t.cos.listObjectVersions({ Bucket, Region: REGION })) as any;
    const expected = [...all.Versions, ...all.DeleteMarkers].map((r) => `${r.Key}@${r.VersionId}`);
    expect(seen.sort()).toEqual(expected.sort());
    expect(seen).toHaveLength(5);
  });

  it('rolls keys into CommonPrefixes and encodes them with encoding-type=url', async () => {
    const Bucket = await versionedBucket();
    const listing = (await t.cos.listObjectVersions({
      Bucket,
      Region: REGION,
      Delimiter: '/',
      EncodingType: 'url',
      Prefix: '',
    } as any)) as any;
    // The SDK leaves a single CommonPrefixes element unwrapped.
    expect(listing.CommonPrefixes).toEqual({ Prefix: 'dir/' });
    expect(listing.EncodingType).toBe('url');
    expect(listing.Versions.map((v: any) => v.Key)).toEqual(['k', 'k', 'm']);
  });
});
