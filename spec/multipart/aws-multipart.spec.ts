import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startTestEmulator, TestEmulator } from '../support/emulator';
import { rejectionOf } from '../objects/object-support';
import { MB, md5Hex, multipartEtag, randomParts } from './multipart-support';

describe('multipart upload through @aws-sdk/client-s3', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('awsmp');
  });
  afterAll(() => t.stop());

  it('creates, uploads, lists and completes an upload', async () => {
    const parts = randomParts(MB, 77);
    const created = await t.s3.send(
      new CreateMultipartUploadCommand({
        Bucket,
        Key: 'aws/big',
        ContentType: 'application/x-test',
        Metadata: { origin: 'aws' },
      }),
    );
    const UploadId = created.UploadId!;
    const etags: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const uploaded = await t.s3.send(
        new UploadPartCommand({
          Bucket,
          Key: 'aws/big',
          UploadId,
          PartNumber: i + 1,
          Body: parts[i],
        }),
      );
      expect(uploaded.ETag).toBe(`"${md5Hex(parts[i])}"`);
      etags.push(uploaded.ETag!);
    }

    const listed = await t.s3.send(new ListPartsCommand({ Bucket, Key: 'aws/big', UploadId }));
    expect(listed.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, MB],
      [2, 77],
    ]);
    const uploads = await t.s3.send(new ListMultipartUploadsCommand({ Bucket }));
    expect(uploads.Uploads?.map((u) => u.UploadId)).toEqual([UploadId]);

    const done = await t.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'aws/big',
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    expect(done.ETag).toBe(multipartEtag(parts));

    const got = await t.s3.send(new GetObjectCommand({ Bucket, Key: 'aws/big' }));
    expect(got.ContentType).toBe('application/x-test');
    expect(got.Metadata).toEqual({ origin: 'aws' });
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(md5Hex(bytes)).toBe(md5Hex(Buffer.concat(parts)));
  });

  it('aborts an upload, after which its parts are refused with NoSuchUpload', async () => {
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'gone' }));
    await t.s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'gone', UploadId }));
    const error = await rejectionOf(
      t.s3.send(
        new UploadPartCommand({
          Bucket,
          Key: 'gone',
          UploadId,
          PartNumber: 1,
          Body: 'x',
        }),
      ),
    );
    expect(error.name).toBe('NoSuchUpload');
  });
});
