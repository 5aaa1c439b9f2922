import {
  CopyObjectCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { rejectionOf } from './object-support';

/** What applications written against S3 call most, sent through @aws-sdk/client-s3 unchanged. */
describe('@aws-sdk/client-s3 everyday calls', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('awsapp');
  });
  afterAll(() => t.stop());

  it('round-trips metadata and content headers, and reads a byte range', async () => {
    await t.s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'doc.txt',
        Body: '0123456789',
        ContentType: 'text/plain',
        Metadata: { owner: 'team-a' },
      }),
    );
    const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'doc.txt' }));
    expect(head).toMatchObject({ ContentType: 'text/plain', ContentLength: 10 });
    expect(head.Metadata).toEqual({ owner: 'team-a' });
    const range = await t.s3.send(
      new GetObjectCommand({ Bucket, Key: 'doc.txt', Range: 'bytes=2-4' }),
    );
    expect(range.ContentRange).toBe('bytes 2-4/10');
    expect(await range.Body!.transformToString()).toBe('234');
  });

  it('answers HeadObject of a missing key with NotFound and GetObject with NoSuchKey', async () => {
    const head = await rejectionOf(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'none' })));
    expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    const get = await rejectionOf(t.s3.send(new GetObjectCommand({ Bucket, Key: 'none' })));
    expect(get).toMatchObject({ name: 'NoSuchKey' });
  });

  it('copies with MetadataDirective REPLACE', async () => {
    await t.s3.send(
      new PutObjectCommand({ Bucket, Key: 'src.txt', Body: 'src', Metadata: { a: '1' } }),
    );
    await t.s3.send(
      new CopyObjectCommand({
        Bucket,
        Key: 'dst.txt',
        CopySource: `${Bucket}/src.txt`,
        MetadataDirective: 'REPLACE',
        Metadata: { b: '2' },
        ContentType: 'text/csv',
      }),
    );
    const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'dst.txt' }));
    expect(head.Metadata).toEqual({ b: '2' });
    expect(head.ContentType).toBe('text/csv');
  });

  it('lists with ListObjects (v1): prefix, delimiter and markers', async () => {
    for (const Key of ['l/a', 'l/b', 'l/c/d', 'l/e']) {
      await t.s3.send(new PutObjectCommand({ Bucket, Key, Body: '' }));
    }
    const first = await t.s3.send(
      new ListObjectsCommand({ Bucket, Prefix: 'l/', Delimiter: '/', MaxKeys: 2 }),
    );
    expect(first.Contents?.map((c) => c.Key)).toEqual(['l/a', 'l/b']);
    expect(first.IsTruncated).toBe(true);
    const rest = await t.s3.send(
      new ListObjectsCommand({ Bucket, Prefix: 'l/', Delimiter: '/', Marker: first.NextMarker }),
    );
    expect(rest.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['l/c/']);
    expect(rest.Contents?.map((c) => c.Key)).toEqual(['l/e']);
  });

  it('sets and reads object tags', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'tagged', Body: 'x' }));
    await t.s3.send(
      new PutObjectTaggingCommand({
        Bucket,
        Key: 'tagged',
        Tagging: { TagSet: [{ Key: 'stage', Value: 'test' }] },
      }),
    );
    const tags = await t.s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'tagged' }));
    expect(tags.TagSet).toEqual([{ Key: 'stage', Value: 'test' }]);
  });

  it('reads the bucket location and versioning, and sets CORS and default encryption', async () => {
    const location = await t.s3.send(new GetBucketLocationCommand({ Bucket }));
    expect(location.LocationConstraint).toBe(REGION);
    const versioning = await t.s3.send(new GetBucketVersioningCommand({ Bucket }));
    expect(versioning.Status).toBeUndefined();

    await t.s3.send(
      new PutBucketCorsCommand({
        Bucket,
        CORSConfiguration: {
          CORSRules: [{ AllowedOrigins: ['https://app.test'], AllowedMethods: ['GET'] }],
        },
      }),
    );
    const cors = await t.s3.send(new GetBucketCorsCommand({ Bucket }));
    expect(cors.CORSRules).toEqual([
      expect.objectContaining({ AllowedOrigins: ['https://app.test'], AllowedMethods: ['GET'] }),
    ]);

    await t.s3.send(
      new PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      }),
    );
    const encryption = await t.s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules).toEqual([
      expect.objectContaining({ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
    ]);
    const put = await t.s3.send(new PutObjectCommand({ Bucket, Key: 'enc.txt', Body: 'e' }));
    expect(put.ServerSideEncryption).toBe('AES256');
  });
});
