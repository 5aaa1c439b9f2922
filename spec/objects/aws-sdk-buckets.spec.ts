import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { startTestEmulator, TestEmulator } from '../support/emulator';
import { rejectionOf } from './object-support';

/** Bucket-level calls and Upload Part - Copy through @aws-sdk/client-s3. */
describe('@aws-sdk/client-s3 bucket calls and UploadPartCopy', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it('lists a created bucket with ListBuckets', async () => {
    const Bucket = t.bucketName('awslist');
    await t.s3.send(new CreateBucketCommand({ Bucket }));
    const listed = await t.s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => bucket.Name)).toContain(Bucket);
    expect(listed.Owner?.ID).toBeTruthy();
  });

  it('lists versions and delete markers with ListObjectVersions', async () => {
    const Bucket = await t.createBucket('awsver');
    const enabled = { Status: 'Enabled' as const };
    await t.s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: enabled }));
    const first = await t.s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'one' }));
    const second = await t.s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'two' }));
    await t.s3.send(new DeleteObjectCommand({ Bucket, Key: 'k' }));

    const listed = await t.s3.send(new ListObjectVersionsCommand({ Bucket }));
    const ids = listed.Versions?.map((version) => version.VersionId);
    expect(ids).toEqual([second.VersionId, first.VersionId]);
    expect(listed.Versions?.every((version) => version.IsLatest === false)).toBe(true);
    expect(listed.DeleteMarkers).toHaveLength(1);
    expect(listed.DeleteMarkers?.[0]).toMatchObject({ Key: 'k', IsLatest: true });
  });

  it('deletes an empty bucket with DeleteBucket and refuses a non-empty one', async () => {
    const full = await t.createBucket('awsfull');
    await t.s3.send(new PutObjectCommand({ Bucket: full, Key: 'k', Body: 'x' }));
    const refused = await rejectionOf(t.s3.send(new DeleteBucketCommand({ Bucket: full })));
    expect(refused.name).toBe('BucketNotEmpty');
    expect(refused.$metadata.httpStatusCode).toBe(409);

    const empty = await t.createBucket('awsempty');
    await t.s3.send(new DeleteBucketCommand({ Bucket: empty }));
    const gone = await rejectionOf(t.s3.send(new HeadBucketCommand({ Bucket: empty })));
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('copies a byte range into a part with UploadPartCopy', async () => {
    const Bucket = await t.createBucket('awspc');
    const source = Buffer.concat([Buffer.alloc(1024 * 1024, 'a'), Buffer.from('tail')]);
    await t.s3.send(new PutObjectCommand({ Bucket, Key: 'src', Body: source }));
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'dest' }));
    const first = await t.s3.send(
      new UploadPartCopyCommand({
        Bucket,
        Key: 'dest',
        UploadId,
        PartNumber: 1,
        CopySource: `${Bucket}/src`,
        CopySourceRange: `bytes=0-${1024 * 1024 - 1}`,
      }),
    );
    const second = await t.s3.send(
      new UploadPartCopyCommand({
        Bucket,
        Key: 'dest',
        UploadId,
        PartNumber: 2,
        CopySource: `${Bucket}/src`,
        CopySourceRange: `bytes=${1024 * 1024}-${source.length - 1}`,
      }),
    );
    expect(first.CopyPartResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    await t.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'dest',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: first.CopyPartResult?.ETag },
            { PartNumber: 2, ETag: second.CopyPartResult?.ETag },
          ],
        },
      }),
    );
    const got = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'dest' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(source)).toBe(true);
  });
});
