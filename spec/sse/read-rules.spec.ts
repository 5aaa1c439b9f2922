import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { copySourceSseC, randomCustomerKey, rawAtRest, sseC } from './sse-support';

describe('SSE-C keys, SSE request validation and tampering', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const putSseC = async (Bucket: string, Key = 'c', Body = 'customer secret') =>
    t.cos.putObject({ Bucket, Region: REGION, Key, Body, ...sseC() });

  it('answers 400 InvalidRequest to GET of an SSE-C object without its key', async () => {
    const Bucket = await t.createBucket();
    await putSseC(Bucket);
    await expect(t.cos.getObject({ Bucket, Region: REGION, Key: 'c' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidRequest',
    });
    await expect(t.cos.headObject({ Bucket, Region: REGION, Key: 'c' })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('answers 403 AccessDenied to GET and HEAD of an SSE-C object with another key', async () => {
    const Bucket = await t.createBucket();
    await putSseC(Bucket);
    const wrong = sseC(randomCustomerKey());
    await expect(
      t.cos.getObject({ Bucket, Region: REGION, Key: 'c', ...wrong }),
    ).rejects.toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    await expect(
      t.cos.headObject({ Bucket, Region: REGION, Key: 'c', ...wrong }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  it('needs the right copy-source key to copy an SSE-C object', async () => {
    const Bucket = await t.createBucket();
    await putSseC(Bucket);
    const copy = (Headers?: Record<string, string>) =>
      t.cos.putObjectCopy({
        Bucket,
        Region: REGION,
        Key: 'dst',
        CopySource: `${Bucket}.cos.${REGION}.myqcloud.com/c`,
        ...(Headers ? { Headers } : {}),
      } as never);
    await expect(copy()).rejects.toMatchObject({ statusCode: 400, code: 'InvalidRequest' });
    await expect(copy(copySourceSseC(randomCustomerKey()))).rejects.toMatchObject({
      statusCode: 403,
      code: 'AccessDenied',
    });
    await copy(copySourceSseC());
    expect((await t.cos.getObject({ Bucket, Region: REGION, Key: 'dst' })).Body.toString()).toBe(
      'customer secret',
    );
  });

  it('answers 400 InvalidRequest to SSE-C headers on an object that is not SSE-C', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'p', Body: 'plain' });
    await expect(
      t.cos.getObject({ Bucket, Region: REGION, Key: 'p', ...sseC() }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidRequest' });
  });

  it('answers 400 SSEHeaderNotAllowed to SSE-COS or SSE-KMS headers on GET', async () => {
    const Bucket = await t.createBucket();
    const sse = { ServerSideEncryption: 'AES256' };
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'p', Body: 'x', ...sse });
    await expect(
      t.cos.getObject({
        Bucket,
        Region: REGION,
        Key: 'p',
        Headers: { 'x-cos-server-side-encryption': 'AES256' },
      } as never),
    ).rejects.toMatchObject({ statusCode: 400, code: 'SSEHeaderNotAllowed' });
  });

  describe('refuses bad SSE request headers with 400 InvalidArgument', () => {
    const kms = { ServerSideEncryption: 'cos/kms' };
    const { SSECustomerKey } = sseC();
    const cases: Array<[string, Record<string, string>]> = [
      ['an unknown algorithm', { ServerSideEncryption: 'aws:kms' }],
      ['a KMS key id without cos/kms', { ServerSideEncryption: 'AES256', SSEKMSKeyId: 'k' }],
      ['a context that is not JSON', { ...kms, SSEContext: 'bm90IGpzb24=' }],
      ['a context that is a JSON array', { ...kms, SSEContext: 'WyJhIl0=' }],
      ['a short SSE-C key', { ...sseC(), SSECustomerKey: 'c2hvcnQ=' }],
      ['a key MD5 that does not match', { ...sseC(), SSECustomerKeyMD5: 'A'.repeat(22) + '==' }],
      ['SSE-C without the key MD5', { SSECustomerAlgorithm: 'AES256', SSECustomerKey }],
      ['SSE-C with another algorithm', { ...sseC(), SSECustomerAlgorithm: 'AES128' }],
      ['SSE-C together with SSE-COS', { ...sseC(), ServerSideEncryption: 'AES256' }],
    ];
    it.each(cases)('%s', async (_name, params) => {
      const Bucket = await t.createBucket();
      await expect(
        t.cos.putObject({ Bucket, Region: REGION, Key: 'bad', Body: 'x', ...params }),
      ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
      await expect(t.cos.headObject({ Bucket, Region: REGION, Key: 'bad' })).rejects.toMatchObject({
        statusCode: 404,
      });
    });
  });

  it('accepts a base64 JSON context for SSE-KMS and reads the object back', async () => {
    const Bucket = await t.createBucket();
    const SSEContext = 'eyJhIjoiYXNkZmEiLCJiIjoiMTIzMzIxIn0=';
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'ctx',
      Body: 'with context',
      ServerSideEncryption: 'cos/kms',
      SSEContext,
    });
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'ctx' });
    expect(got.Body.toString()).toBe('with context');
  });

  it('takes the x-amz- forms from @aws-sdk/client-s3, aws:kms meaning SSE-KMS', async () => {
    const Bucket = await t.createBucket();
    const put = await t.s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'aws',
        Body: 'from the aws sdk',
        ServerSideEncryption: 'aws:kms',
      }),
    );
    expect(put.ServerSideEncryption).toBe('cos/kms');
    expect((await rawAtRest(t, Bucket, 'aws')).sse).toBe('SSE-KMS');
    const { SSECustomerKey, SSECustomerKeyMD5 } = sseC();
    await t.s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'awsc',
        Body: 'customer',
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey,
        SSECustomerKeyMD5,
      }),
    );
    const got = await t.s3.send(
      new GetObjectCommand({
        Bucket,
        Key: 'awsc',
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey,
        SSECustomerKeyMD5,
      }),
    );
    expect(await got.Body!.transformToString()).toBe('customer');
    expect(got.SSECustomerAlgorithm).toBe('AES256');
  });

  describe('tampered bytes at rest', () => {
    let open: TestEmulator;
    beforeAll(async () => {
      open = await startTestEmulator({ auth: 'off' });
    });
    afterAll(() => open.stop());

    /** Stores an SSE-COS object, then flips one stored byte through the blob store. */
    async function tampered(size: number, flipAt: number): Promise<string> {
      const Bucket = await open.createBucket();
      const Body = Buffer.alloc(size, 'z');
      const sse = { ServerSideEncryption: 'AES256' };
      await open.cos.putObject({ Bucket, Region: REGION, Key: 'v', Body, ...sse });
      const body = open.emulator.service.getBucket(Bucket).objects.latest('v')!.body!;
      const blobs = open.emulator.service.blobs;
      const stored = blobs.readSync(body.blob, 0, body.blob.size);
      stored[flipAt] ^= 0x20;
      const writer = blobs.createWriter();
      writer.write(stored);
      blobs.release(body.blob);
      body.blob = writer.finish();
      return Bucket;
    }

    const get = (Bucket: string) =>
      request(open.emulator.url).get('/v').set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`);

    it('answers 500 InternalError, not the bytes, when the first chunk is damaged', async () => {
      const Bucket = await tampered(200 * 1024, 10);
      const res = await get(Bucket);
      expect(res.status).toBe(500);
      expect(res.text).toContain('<Code>InternalError</Code>');
    });

    it.each([
      ['the wrapped data key', -1],
      ['the blob header', 0],
    ])('answers 500 InternalError when %s of an SSE-KMS object is damaged', async (_part, at) => {
      const Bucket = await open.createBucket();
      const sse = { ServerSideEncryption: 'cos/kms' };
      await open.cos.putObject({ Bucket, Region: REGION, Key: 'v', Body: 'kms body', ...sse });
      const encryption = open.emulator.service.getBucket(Bucket).objects.latest('v')!.body!
        .encryption!;
      const blob = Buffer.from(encryption.wrappedKey);
      blob[at < 0 ? blob.length + at : at] ^= 0x01;
      encryption.wrappedKey = blob;
      const res = await get(Bucket);
      expect(res.status).toBe(500);
      expect(res.text).toContain('<Code>InternalError</Code>');
    });

    it('cuts the connection when a damaged chunk comes after the headers went out', async () => {
      const Bucket = await tampered(600 * 1024, 7 * (64 * 1024 + 16) + 10);
      const outcome = await get(Bucket).then(
        (res) => ({ status: res.status, length: res.body?.length ?? res.text?.length }),
        (error: Error) => ({ error: error.message }),
      );
      expect(outcome).toEqual({ error: expect.stringMatching(/aborted|hang up|ECONNRESET/) });
    });

    it('still serves the intact chunks of a range that avoids the damage', async () => {
      const Bucket = await tampered(600 * 1024, 7 * (64 * 1024 + 16) + 10);
      const res = await get(Bucket).set('Range', 'bytes=0-99');
      expect(res.status).toBe(206);
    });
  });
});
