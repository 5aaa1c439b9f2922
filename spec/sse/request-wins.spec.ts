import path from 'path';
import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { rawAtRest, setBucketDefault, sseC } from './sse-support';

/**
 * Reference 5.2: an upload's own SSE headers take precedence over the bucket default. Each write
 * path gets its own test; the raw endpoint says which mode and CMK were actually used.
 */
describe('SSE request headers win over the bucket default on every write path', () => {
  let t: TestEmulator;
  let keyId: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    keyId = t.emulator.kms.createKey({ region: REGION, alias: 'requested' }).KeyId;
  });
  afterAll(() => t.stop());

  /** A bucket whose default is SSE-KMS under the region's default CMK. */
  async function kmsDefaultBucket(): Promise<string> {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS');
    return Bucket;
  }

  it('POST Object: form SSE fields win over the bucket default', async () => {
    const open = await startTestEmulator({ auth: 'off' });
    try {
      const Bucket = await open.createBucket();
      await setBucketDefault(open, Bucket, REGION, 'KMS');
      const res = await request(open.emulator.url)
        .post('/')
        .set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`)
        .field('key', 'k')
        .field('x-cos-server-side-encryption', 'AES256')
        .attach('file', Buffer.from('form body'), 'f.txt');
      expect(res.status).toBe(204);
      expect(res.headers['x-cos-server-side-encryption']).toBe('AES256');
      const raw = await rawAtRest(open, Bucket, 'k');
      expect(raw.sse).toBe('SSE-COS');
      expect(raw.kmsKeyId).toBeNull();
    } finally {
      await open.stop();
    }
  });

  it('multipart: the SSE headers of Initiate win over the bucket default', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    const base = { Bucket, Region: REGION, Key: 'mp' };
    const init = await t.cos.multipartInit({
      ...base,
      ServerSideEncryption: 'cos/kms',
      SSEKMSKeyId: keyId,
    } as never);
    const part = await t.cos.multipartUpload({
      ...base,
      UploadId: init.UploadId,
      PartNumber: 1,
      Body: 'one part',
    });
    await t.cos.multipartComplete({
      ...base,
      UploadId: init.UploadId,
      Parts: [{ PartNumber: 1, ETag: part.ETag }],
    });
    const raw = await rawAtRest(t, Bucket, 'mp');
    expect(raw.sse).toBe('SSE-KMS');
    expect(raw.kmsKeyId).toBe(keyId);
  });

  it('copy: the destination headers win over the destination bucket default', async () => {
    const Source = await t.createBucket();
    const Bucket = await kmsDefaultBucket();
    await t.cos.putObject({ Bucket: Source, Region: REGION, Key: 'src', Body: 'copied' });
    await t.cos.putObjectCopy({
      Bucket,
      Region: REGION,
      Key: 'dst',
      CopySource: `${Source}.cos.${REGION}.myqcloud.com/src`,
      ...sseC(),
    } as never);
    const raw = await rawAtRest(t, Bucket, 'dst');
    expect(raw.sse).toBe('SSE-C');
    expect(raw.kmsKeyId).toBeNull();
  });

  it('append: the SSE headers of the first append win over the bucket default', async () => {
    const Bucket = await kmsDefaultBucket();
    await t.cos.appendObject({
      Bucket,
      Region: REGION,
      Key: 'log',
      Position: 0,
      Body: 'first',
      ServerSideEncryption: 'AES256',
    } as never);
    const raw = await rawAtRest(t, Bucket, 'log');
    expect(raw.sse).toBe('SSE-COS');
    expect(raw.kmsKeyId).toBeNull();
  });

  it('fixtures: an object with its own SSE wins over its bucket default', async () => {
    const fixtures = path.join(__dirname, '../../fixtures/encryption.yaml');
    const seeded = await startTestEmulator({ fixtures });
    try {
      const raw = await rawAtRest(seeded, 'encrypted-1250000000', 'own-kms.txt');
      expect(raw.sse).toBe('SSE-KMS');
      expect(raw.kmsKeyId).toBe('11111111-2222-3333-4444-555555555555');
      const bucketDefault = await rawAtRest(seeded, 'encrypted-1250000000', 'by-default.txt');
      expect(bucketDefault.sse).toBe('SSE-COS');
    } finally {
      await seeded.stop();
    }
  });
});
