import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import {
  copySourceSseC,
  DOC_KEY_MD5,
  randomBody,
  randomCustomerKey,
  rawAtRest,
  sseC,
} from './sse-support';

/** SSE-C on the paths beyond PUT/GET/HEAD: parts, appends and Upload Part - Copy (ref. 5.3/5.5). */
describe('SSE-C keys on parts, appends and part copies', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const source = (Bucket: string, Key: string) => `${Bucket}.cos.${REGION}.myqcloud.com/${Key}`;

  async function sseCUpload(Bucket: string, Key = 'mp') {
    const base = { Bucket, Region: REGION, Key };
    const init = await t.cos.multipartInit({ ...base, ...sseC() } as never);
    return { ...base, UploadId: init.UploadId };
  }

  it('refuses an Upload Part with another SSE-C key than Initiate: 400', async () => {
    const upload = await sseCUpload(await t.createBucket());
    const part = { ...upload, PartNumber: 1, Body: 'x', ...sseC(randomCustomerKey()) };
    await expect(t.cos.multipartUpload(part as never)).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidArgument',
    });
  });

  describe('Append Object to an SSE-C object', () => {
    async function sseCLog(): Promise<string> {
      const Bucket = await t.createBucket();
      const first = { Bucket, Region: REGION, Key: 'log', Position: 0, Body: 'one;', ...sseC() };
      await t.cos.appendObject(first as never);
      return Bucket;
    }
    const appendTwo = (Bucket: string, extra: object) =>
      t.cos.appendObject({
        Bucket,
        Region: REGION,
        Key: 'log',
        Position: 4,
        Body: 'two;',
        ...extra,
      } as never);

    it('refuses an append without the key: 400 InvalidRequest', async () => {
      const Bucket = await sseCLog();
      await expect(appendTwo(Bucket, {})).rejects.toMatchObject({
        statusCode: 400,
        code: 'InvalidRequest',
      });
    });

    it('refuses an append with a wrong key: 403 AccessDenied, and keeps the object', async () => {
      const Bucket = await sseCLog();
      await expect(appendTwo(Bucket, sseC(randomCustomerKey()))).rejects.toMatchObject({
        statusCode: 403,
        code: 'AccessDenied',
      });
      const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'log', ...sseC() });
      expect(got.Body.toString()).toBe('one;');
    });
  });

  describe('Upload Part - Copy', () => {
    async function sseCSource(): Promise<{ Bucket: string; plain: Buffer }> {
      const Bucket = await t.createBucket();
      const plain = randomBody(2048);
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'src', Body: plain, ...sseC() });
      return { Bucket, plain };
    }
    const copyPart = (upload: object, CopySource: string, Headers: Record<string, string> = {}) =>
      t.cos.uploadPartCopy({ ...upload, PartNumber: 1, CopySource, Headers } as never);

    it('copies an SSE-C source given its copy-source key, and refuses it without', async () => {
      const { Bucket, plain } = await sseCSource();
      const base = { Bucket, Region: REGION, Key: 'mp' };
      const init = await t.cos.multipartInit(base);
      const upload = { ...base, UploadId: init.UploadId };
      await expect(copyPart(upload, source(Bucket, 'src'))).rejects.toMatchObject({
        statusCode: 400,
        code: 'InvalidRequest',
      });
      const wrong = copySourceSseC(randomCustomerKey());
      await expect(copyPart(upload, source(Bucket, 'src'), wrong)).rejects.toMatchObject({
        statusCode: 403,
        code: 'AccessDenied',
      });
      const part = await copyPart(upload, source(Bucket, 'src'), copySourceSseC());
      await t.cos.multipartComplete({ ...upload, Parts: [{ PartNumber: 1, ETag: part.ETag }] });
      const got = await t.cos.getObject(base);
      expect(Buffer.compare(got.Body, plain)).toBe(0);
      expect((await rawAtRest(t, Bucket, 'mp')).sse).toBe('none');
    });

    it('refuses a part copy into an SSE-C upload without the destination key', async () => {
      const Bucket = await t.createBucket();
      const plain = randomBody(1500);
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'src', Body: plain });
      const upload = await sseCUpload(Bucket);
      await expect(copyPart(upload, source(Bucket, 'src'))).rejects.toMatchObject({
        statusCode: 400,
        code: 'InvalidRequest',
      });
      const otherKey = sseCHeaders(randomCustomerKey());
      await expect(copyPart(upload, source(Bucket, 'src'), otherKey)).rejects.toMatchObject({
        statusCode: 400,
        code: 'InvalidArgument',
      });

      const part = await copyPart(upload, source(Bucket, 'src'), sseCHeaders());
      expect(part.headers).toEqual(
        expect.objectContaining({
          'x-cos-server-side-encryption-customer-algorithm': 'AES256',
          'x-cos-server-side-encryption-customer-key-md5': DOC_KEY_MD5,
        }),
      );
      await t.cos.multipartComplete({ ...upload, Parts: [{ PartNumber: 1, ETag: part.ETag }] });
      expect((await rawAtRest(t, Bucket, 'mp')).sse).toBe('SSE-C');
      const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'mp', ...sseC() });
      expect(Buffer.compare(got.Body, plain)).toBe(0);
    });
  });
});

/** SSE-C request headers for a call whose SDK method has no SSECustomer* parameters. */
function sseCHeaders(key?: string): Record<string, string> {
  const { SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5 } = sseC(key);
  return {
    'x-cos-server-side-encryption-customer-algorithm': SSECustomerAlgorithm,
    'x-cos-server-side-encryption-customer-key': SSECustomerKey,
    'x-cos-server-side-encryption-customer-key-MD5': SSECustomerKeyMD5,
  };
}
