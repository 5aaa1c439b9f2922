import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { rejectionOf } from './object-support';

describe('objects through @aws-sdk/client-s3', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('aws');
  });
  afterAll(() => t.stop());

  it('puts, heads and gets an object with x-amz-meta-* metadata', async () => {
    const put = await t.s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'aws/a b.txt',
        Body: '[Object Content]',
        ContentType: 'text/plain',
        Metadata: { colour: 'blue' },
      }),
    );
    expect(put.ETag).toBe('"ee8de918d05640145b18f70f4c3aa602"');

    const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'aws/a b.txt' }));
    expect(head.ContentLength).toBe(16);
    expect(head.Metadata).toEqual({ colour: 'blue' });
    expect(head.ContentType).toBe('text/plain');

    const ranged = new GetObjectCommand({ Bucket, Key: 'aws/a b.txt', Range: 'bytes=1-6' });
    const got = await t.s3.send(ranged);
    expect(got.ContentRange).toBe('bytes 1-6/16');
    expect(await got.Body!.transformToString()).toBe('Object');

    // Metadata stored through the AWS SDK is visible to the COS SDK as x-cos-meta-*.
    const cosHead = await t.cos.headObject({ Bucket, Region: REGION, Key: 'aws/a b.txt' });
    expect(cosHead.headers!['x-cos-meta-colour']).toBe('blue');
  });

  it('reports version ids and delete markers through x-amz-* headers', async () => {
    const versioned = await t.createBucket('awsver');
    await t.s3.send(
      new PutBucketVersioningCommand({
        Bucket: versioned,
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    const put = await t.s3.send(new PutObjectCommand({ Bucket: versioned, Key: 'k', Body: 'v1' }));
    expect(put.VersionId).toMatch(/\S/);
    const deleted = await t.s3.send(new DeleteObjectCommand({ Bucket: versioned, Key: 'k' }));
    expect(deleted.DeleteMarker).toBe(true);
    const latest = new GetObjectCommand({ Bucket: versioned, Key: 'k' });
    const hidden = await rejectionOf(t.s3.send(latest));
    expect(hidden.$metadata.httpStatusCode).toBe(404);
    expect(hidden.$response?.headers['x-amz-delete-marker']).toBe('true');
    const old = await t.s3.send(
      new GetObjectCommand({ Bucket: versioned, Key: 'k', VersionId: put.VersionId }),
    );
    expect(old.VersionId).toBe(put.VersionId);
    expect(await old.Body!.transformToString()).toBe('v1');
  });

  it('copies with x-amz-copy-source, metadata directive and conditions', async () => {
    await t.s3.send(
      new PutObjectCommand({ Bucket, Key: 'src', Body: 'copy me', Metadata: { a: '1' } }),
    );
    const copied = await t.s3.send(
      new CopyObjectCommand({
        Bucket,
        Key: 'dst',
        CopySource: `${Bucket}/src`,
        MetadataDirective: 'REPLACE',
        Metadata: { b: '2' },
      }),
    );
    expect(copied.CopyObjectResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'dst' }));
    expect(head.Metadata).toEqual({ b: '2' });

    const error = await rejectionOf(
      t.s3.send(
        new CopyObjectCommand({
          Bucket,
          Key: 'dst2',
          CopySource: `/${Bucket}/src`,
          CopySourceIfMatch: '"nope"',
        }),
      ),
    );
    expect(error.$metadata.httpStatusCode).toBe(412);
  });

  it('answers 404 NoSuchKey for a missing object', async () => {
    const error = await rejectionOf(t.s3.send(new GetObjectCommand({ Bucket, Key: 'missing' })));
    expect(error.name).toBe('NoSuchKey');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});
