import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, copySource, raw, rejectionOf, signCos } from './object-support';

describe('PUT Object - Copy', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('copy');
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'source.txt',
      Body: '[Object Content]',
      ContentType: 'text/plain',
      StorageClass: 'STANDARD_IA',
      Headers: { 'x-cos-meta-origin': 'source', 'x-cos-tagging': 'team=a' },
    });
  });
  afterAll(() => t.stop());

  const copy = (Key: string, CopySource: string, Headers: Record<string, string> = {}) =>
    t.cos.putObjectCopy({ Bucket, Region: REGION, Key, CopySource, Headers });

  it('copies bytes and metadata, answering CopyObjectResult with ETag, CRC64, time', async () => {
    const result = await copy('copied.txt', copySource(Bucket, 'source.txt'));
    expect(result.ETag).toBe('"ee8de918d05640145b18f70f4c3aa602"');
    expect(result.CRC64).toBe('16749565679157681890');
    expect(result.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(result.headers!['x-cos-hash-crc64ecma']).toBe('16749565679157681890');

    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'copied.txt' });
    expect(got.Body.toString()).toBe('[Object Content]');
    expect(got.headers!['content-type']).toBe('text/plain');
    expect(got.headers!['x-cos-meta-origin']).toBe('source');
    expect(got.headers!['x-cos-tagging-count']).toBe('1');
    // The destination takes its storage class from the request, not the source.
    expect(got.headers!['x-cos-storage-class']).toBeUndefined();
  });

  it('replaces metadata, storage class and tags when the request says Replaced', async () => {
    await copy('replaced.txt', copySource(Bucket, 'source.txt'), {
      'x-cos-metadata-directive': 'Replaced',
      'x-cos-tagging-directive': 'Replaced',
      'x-cos-tagging': 'a=1&b=2',
      'Content-Type': 'application/json',
      'x-cos-meta-fresh': 'yes',
      'x-cos-storage-class': 'STANDARD_IA',
    });
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key: 'replaced.txt' });
    expect(head.headers!['content-type']).toBe('application/json');
    expect(head.headers!['x-cos-meta-fresh']).toBe('yes');
    expect(head.headers!['x-cos-meta-origin']).toBeUndefined();
    expect(head.headers!['x-cos-storage-class']).toBe('STANDARD_IA');
    expect(head.headers!['x-cos-tagging-count']).toBe('2');
  });

  it('copies keys that need URL encoding', async () => {
    const key = 'dir/a b+c(1)%中文.txt';
    await t.cos.putObject({ Bucket, Region: REGION, Key: key, Body: 'odd' });
    await copy('odd-copy', copySource(Bucket, key));
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'odd-copy' });
    expect(got.Body.toString()).toBe('odd');
  });

  it('copies across buckets and regions', async () => {
    const far = await t.createBucket('far', 'ap-beijing');
    await t.cos.putObject({ Bucket: far, Region: 'ap-beijing', Key: 'there', Body: 'far away' });
    await copy('from-beijing', copySource(far, 'there', 'ap-beijing'));
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'from-beijing' });
    expect(got.Body.toString()).toBe('far away');
  });

  it('answers 404 NoSuchBucket when the source bucket lives in another region', async () => {
    const error = await rejectionOf(copy('x', copySource(Bucket, 'source.txt', 'ap-shanghai')));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('NoSuchBucket');
  });

  it('answers 404 NoSuchCopySource for a missing source key', async () => {
    const error = await rejectionOf(copy('x', copySource(Bucket, 'nope')));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('NoSuchCopySource');
  });

  it('refuses a copy onto itself with 400 InvalidRequest unless metadata is Replaced', async () => {
    const error = await rejectionOf(copy('source.txt', copySource(Bucket, 'source.txt')));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('InvalidRequest');
    await copy('source.txt', copySource(Bucket, 'source.txt'), {
      'x-cos-metadata-directive': 'Replaced',
      'x-cos-meta-origin': 'source',
      'x-cos-tagging-directive': 'Copy',
      'x-cos-storage-class': 'STANDARD_IA',
      'Content-Type': 'text/plain',
    });
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'source.txt' });
    expect(got.Body.toString()).toBe('[Object Content]');
  });

  describe('copy-source preconditions', () => {
    const past = 'Mon, 01 Jan 2001 00:00:00 GMT';
    const future = 'Fri, 01 Jan 2100 00:00:00 GMT';
    const etag = '"ee8de918d05640145b18f70f4c3aa602"';

    it.each([
      ['x-cos-copy-source-If-Match', '"other"'],
      ['x-cos-copy-source-If-None-Match', etag],
      ['x-cos-copy-source-If-Modified-Since', future],
      ['x-cos-copy-source-If-Unmodified-Since', past],
    ])('answers 412 PreconditionFailed when %s fails', async (header, value) => {
      const source = copySource(Bucket, 'source.txt');
      const error = await rejectionOf(copy('cond', source, { [header]: value }));
      expect(error.statusCode).toBe(412);
      expect(error.code).toBe('PreconditionFailed');
    });

    it('copies when the preconditions hold', async () => {
      await copy('cond-ok', copySource(Bucket, 'source.txt'), {
        'x-cos-copy-source-If-Match': etag,
        'x-cos-copy-source-If-Modified-Since': past,
      });
      const head = await t.cos.headObject({ Bucket, Region: REGION, Key: 'cond-ok' });
      expect(head.ETag).toBe(etag);
    });
  });

  describe('with versioning', () => {
    it('copies a named source version and reports both version ids', async () => {
      const versioned = await t.createBucket('copyver');
      await t.cos.putBucketVersioning({
        Bucket: versioned,
        Region: REGION,
        VersioningConfiguration: { Status: 'Enabled' },
      });
      const put = (Body: string) =>
        t.cos.putObject({ Bucket: versioned, Region: REGION, Key: 'k', Body });
      const v1 = await put('one');
      await put('two');

      // Copying an old version onto its own key restores it.
      const source = `${copySource(versioned, 'k')}?versionId=${v1.VersionId}`;
      const result = await t.cos.putObjectCopy({
        Bucket: versioned,
        Region: REGION,
        Key: 'k',
        CopySource: source,
      });
      expect(result.headers!['x-cos-copy-source-version-id']).toBe(v1.VersionId);
      const newId = result.headers!['x-cos-version-id'];
      expect(newId).toMatch(/\S/);
      expect(result.VersionId).toBe(newId);
      const got = await t.cos.getObject({ Bucket: versioned, Region: REGION, Key: 'k' });
      expect(got.Body.toString()).toBe('one');
      expect(got.VersionId).toBe(newId);
    });

    it('answers 404 NoSuchCopySource when the source is behind a delete marker', async () => {
      const versioned = await t.createBucket('copyver');
      await t.cos.putBucketVersioning({
        Bucket: versioned,
        Region: REGION,
        VersioningConfiguration: { Status: 'Enabled' },
      });
      await t.cos.putObject({ Bucket: versioned, Region: REGION, Key: 'k', Body: 'one' });
      await t.cos.deleteObject({ Bucket: versioned, Region: REGION, Key: 'k' });
      const error = await rejectionOf(
        t.cos.putObjectCopy({
          Bucket: versioned,
          Region: REGION,
          Key: 'c',
          CopySource: copySource(versioned, 'k'),
        }),
      );
      expect(error.code).toBe('NoSuchCopySource');
    });
  });

  it('copies through sliceCopyFile below its 10 MB slice size (one Copy)', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 7);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'big', Body: body });
    await t.cos.sliceCopyFile({
      Bucket,
      Region: REGION,
      Key: 'big-copy',
      CopySource: copySource(Bucket, 'big'),
    });
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'big-copy' });
    expect(got.Body.equals(body)).toBe(true);
  });

  it.each([
    ['not a source'],
    ['examplebucket.cos.ap-guangzhou.myqcloud.com/key'],
    [`${'x'}-1250000000.cos.ap-guangzhou.myqcloud.com/`],
    ['/only-a-bucket-1250000000'],
    ['b-1250000000/key?versionId='],
  ])('answers 400 InvalidCopySource to the copy source %s', async (source) => {
    const host = bucketHost(Bucket);
    const headers = { host, 'x-cos-copy-source': source };
    const authorization = signCos(t, 'PUT', 'dest', headers);
    const response = await raw(t)
      .put('/dest')
      .set('Host', host)
      .set('x-cos-copy-source', source)
      .set('Authorization', authorization)
      .send('');
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidCopySource</Code>');
  });
});
