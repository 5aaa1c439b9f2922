import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { rawAtRest } from './sse-support';

/** The SSE response headers under the `x-amz-` names that @aws-sdk/client-s3 parses. */
describe('SSE through @aws-sdk/client-s3', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it('returns the CMK id as SSEKMSKeyId on PutObject and HeadObject', async () => {
    const Bucket = await t.createBucket();
    const put = await t.s3.send(
      new PutObjectCommand({ Bucket, Key: 'k', Body: 'aws kms', ServerSideEncryption: 'aws:kms' }),
    );
    const keyId = t.emulator.kms.defaultKeyId(REGION);
    expect(put.SSEKMSKeyId).toBe(keyId);
    const head = await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'k' }));
    expect(head.SSEKMSKeyId).toBe(keyId);
    expect((await rawAtRest(t, Bucket, 'k')).kmsKeyId).toBe(keyId);
  });

  it('gives a SigV4 Append Object the x-amz- SSE headers too', async () => {
    const Bucket = await t.createBucket();
    const s3 = new S3Client(t.emulator.s3ClientConfig(REGION));
    try {
      // The AWS SDK has no append; a PutObject turned into POST ?append&position=0 before signing.
      const command = new PutObjectCommand({
        Bucket,
        Key: 'log',
        Body: 'appended',
        ServerSideEncryption: 'aws:kms',
      });
      command.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { method: string; query: Record<string, string> };
          request.method = 'POST';
          request.query = { ...request.query, append: '', position: '0' };
          return next(args);
        },
        { step: 'build' },
      );
      const appended = await s3.send(command);
      expect(appended.ServerSideEncryption).toBe('cos/kms');
      expect(appended.SSEKMSKeyId).toBe(t.emulator.kms.defaultKeyId(REGION));
      expect((await rawAtRest(t, Bucket, 'log')).sse).toBe('SSE-KMS');
    } finally {
      s3.destroy();
    }
  });
});
