import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import {
  copySourceSseC,
  DOC_KEY_MD5,
  firstPlaintextWindow,
  randomBody,
  rawAtRest,
  setBucketDefault,
  sseC,
} from './sse-support';

type Mode = 'SSE-COS' | 'SSE-KMS' | 'SSE-C';

describe('the plaintext-window check', () => {
  it('finds 32 plaintext bytes hidden in stored bytes, and none in random ones', () => {
    const plain = randomBody(4096);
    const leaky = Buffer.concat([randomBody(100), plain.subarray(1000, 1032), randomBody(100)]);
    expect(firstPlaintextWindow(leaky, plain)).toBe(1000);
    expect(firstPlaintextWindow(randomBody(8192), plain)).toBe(-1);
  });
});

describe('SSE on every write path', () => {
  let t: TestEmulator;
  let keyId: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    keyId = t.emulator.kms.createKey({ region: REGION, alias: 'writes' }).KeyId;
  });
  afterAll(() => t.stop());

  /** SDK params that ask for a mode on a write, and what a read of it must present. */
  const writeParams = (mode: Mode): Record<string, string> =>
    mode === 'SSE-COS'
      ? { ServerSideEncryption: 'AES256' }
      : mode === 'SSE-KMS'
        ? { ServerSideEncryption: 'cos/kms', SSEKMSKeyId: keyId }
        : sseC();
  const readParams = (mode: Mode) => (mode === 'SSE-C' ? sseC() : {});

  /** The response headers (lower case, as Node gives them) that describe a mode. */
  const echoed = (mode: Mode): Record<string, string> =>
    mode === 'SSE-COS'
      ? { 'x-cos-server-side-encryption': 'AES256' }
      : mode === 'SSE-KMS'
        ? {
            'x-cos-server-side-encryption': 'cos/kms',
            'x-cos-server-side-encryption-cos-kms-key-id': keyId,
          }
        : {
            'x-cos-server-side-encryption-customer-algorithm': 'AES256',
            'x-cos-server-side-encryption-customer-key-md5': DOC_KEY_MD5,
          };

  async function expectStoredEncrypted(Bucket: string, Key: string, mode: Mode, plain: Buffer) {
    const raw = await rawAtRest(t, Bucket, Key);
    expect(raw.sse).toBe(mode);
    expect(raw.bytes.length).toBeGreaterThan(plain.length);
    expect(firstPlaintextWindow(raw.bytes, plain)).toBe(-1);
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key, ...readParams(mode) });
    expect(Buffer.compare(got.Body, plain)).toBe(0);
    expect(got.headers).toEqual(expect.objectContaining(echoed(mode)));
    const head = await t.cos.headObject({ Bucket, Region: REGION, Key, ...readParams(mode) });
    expect(head.headers).toEqual(expect.objectContaining(echoed(mode)));
  }

  const modes: Mode[] = ['SSE-COS', 'SSE-KMS', 'SSE-C'];

  it.each(modes)('PUT Object with %s encrypts at rest, echoed on PUT, GET, HEAD', async (mode) => {
    const Bucket = await t.createBucket();
    const plain = randomBody(777);
    const put = await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'o',
      Body: plain,
      ...writeParams(mode),
    });
    expect(put.headers).toEqual(expect.objectContaining(echoed(mode)));
    await expectStoredEncrypted(Bucket, 'o', mode, plain);
  });

  it.each(modes)('PUT Object - Copy encrypts the destination per its %s headers', async (mode) => {
    const Bucket = await t.createBucket();
    const plain = randomBody(520);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'src', Body: plain });
    const copy = await t.cos.putObjectCopy({
      Bucket,
      Region: REGION,
      Key: 'dst',
      CopySource: `${Bucket}.cos.${REGION}.myqcloud.com/src`,
      ...writeParams(mode),
    });
    expect(copy.headers).toEqual(expect.objectContaining(echoed(mode)));
    await expectStoredEncrypted(Bucket, 'dst', mode, plain);
    expect((await rawAtRest(t, Bucket, 'src')).sse).toBe('none');
  });

  it('copies an SSE-C source, given its key, into the destination default', async () => {
    const Bucket = await t.createBucket();
    const Target = await t.createBucket();
    await setBucketDefault(t, Target, REGION, 'AES256');
    const plain = randomBody(300);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'src', Body: plain, ...sseC() });
    await t.cos.putObjectCopy({
      Bucket: Target,
      Region: REGION,
      Key: 'dst',
      CopySource: `${Bucket}.cos.${REGION}.myqcloud.com/src`,
      Headers: copySourceSseC(),
    } as never);
    await expectStoredEncrypted(Target, 'dst', 'SSE-COS', plain);
  });

  it('PUT Object - Copy echoes the SSE that the destination bucket default chose', async () => {
    const Source = await t.createBucket();
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS', keyId);
    const plain = randomBody(333);
    await t.cos.putObject({ Bucket: Source, Region: REGION, Key: 'src', Body: plain });
    const copy = await t.cos.putObjectCopy({
      Bucket,
      Region: REGION,
      Key: 'dst',
      CopySource: `${Source}.cos.${REGION}.myqcloud.com/src`,
    });
    expect(copy.headers).toEqual(expect.objectContaining(echoed('SSE-KMS')));
    await expectStoredEncrypted(Bucket, 'dst', 'SSE-KMS', plain);
  });

  it.each(['SSE-COS', 'SSE-KMS'] as Mode[])(
    'Upload Part - Copy into a %s upload echoes the upload SSE',
    async (mode) => {
      const Bucket = await t.createBucket();
      const plain = randomBody(1200);
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'src', Body: plain });
      const base = { Bucket, Region: REGION, Key: 'mp' };
      const init = await t.cos.multipartInit({ ...base, ...writeParams(mode) } as never);
      const part = await t.cos.uploadPartCopy({
        ...base,
        UploadId: init.UploadId,
        PartNumber: 1,
        CopySource: `${Bucket}.cos.${REGION}.myqcloud.com/src`,
      });
      expect(part.headers).toEqual(expect.objectContaining(echoed(mode)));
      const Parts = [{ PartNumber: 1, ETag: part.ETag }];
      await t.cos.multipartComplete({ ...base, UploadId: init.UploadId, Parts });
      await expectStoredEncrypted(Bucket, 'mp', mode, plain);
    },
  );

  it.each(modes)('multipart with %s is fixed at Initiate, echoed at each step', async (mode) => {
    const Bucket = await t.createBucket();
    const base = { Bucket, Region: REGION, Key: 'mp' };
    const init = await t.cos.multipartInit({ ...base, ...writeParams(mode) } as never);
    expect(init.headers).toEqual(expect.objectContaining(echoed(mode)));
    const partBodies = [randomBody(1024 * 1024 + 7), randomBody(4099)];
    const parts = [];
    for (const PartNumber of [1, 2]) {
      const part = await t.cos.multipartUpload({
        ...base,
        UploadId: init.UploadId,
        PartNumber,
        Body: partBodies[PartNumber - 1],
        ...readParams(mode),
      } as never);
      expect(part.headers).toEqual(expect.objectContaining(echoed(mode)));
      parts.push({ PartNumber, ETag: part.ETag });
    }
    const done = await t.cos.multipartComplete({ ...base, UploadId: init.UploadId, Parts: parts });
    expect(done.headers).toEqual(expect.objectContaining(echoed(mode)));
    await expectStoredEncrypted(Bucket, 'mp', mode, Buffer.concat(partBodies));
  });

  it('multipart without SSE headers takes the bucket default at Initiate', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS', keyId);
    const base = { Bucket, Region: REGION, Key: 'mp' };
    const init = await t.cos.multipartInit(base);
    // Changing the default after Initiate does not change the upload.
    await t.cos.deleteBucketEncryption({ Bucket, Region: REGION });
    const plain = randomBody(400);
    const part = await t.cos.multipartUpload({
      ...base,
      UploadId: init.UploadId,
      PartNumber: 1,
      Body: plain,
    });
    await t.cos.multipartComplete({
      ...base,
      UploadId: init.UploadId,
      Parts: [{ PartNumber: 1, ETag: part.ETag }],
    });
    await expectStoredEncrypted(Bucket, 'mp', 'SSE-KMS', plain);
  });

  it('refuses an SSE-C upload part that does not carry the key', async () => {
    const Bucket = await t.createBucket();
    const base = { Bucket, Region: REGION, Key: 'mp' };
    const init = await t.cos.multipartInit({ ...base, ...sseC() } as never);
    await expect(
      t.cos.multipartUpload({ ...base, UploadId: init.UploadId, PartNumber: 1, Body: 'x' }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidRequest' });
  });

  it.each(modes)('Append Object with %s encrypts and keeps it on later appends', async (mode) => {
    const Bucket = await t.createBucket();
    const append = (Position: number, Body: Buffer) =>
      t.cos.appendObject({
        Bucket,
        Region: REGION,
        Key: 'log',
        Position,
        Body,
        ...(Position === 0 ? writeParams(mode) : readParams(mode)),
      } as never);
    const [one, two] = [randomBody(200), randomBody(300)];
    const first = await append(0, one);
    expect(first.headers).toEqual(expect.objectContaining(echoed(mode)));
    await append(one.length, two);
    await expectStoredEncrypted(Bucket, 'log', mode, Buffer.concat([one, two]));
  });

  it('Append Object without SSE headers follows the bucket default', async () => {
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    const plain = randomBody(100);
    const params = { Bucket, Region: REGION, Key: 'log', Position: 0, Body: plain };
    await t.cos.appendObject(params as never);
    await expectStoredEncrypted(Bucket, 'log', 'SSE-COS', plain);
  });

  describe('POST Object (form upload)', () => {
    let open: TestEmulator;
    beforeAll(async () => {
      open = await startTestEmulator({ auth: 'off' });
    });
    afterAll(() => open.stop());

    const post = (Bucket: string, fields: Record<string, string>, file: Buffer) => {
      const host = `${Bucket}.cos.${REGION}.myqcloud.com`;
      let req = request(open.emulator.url).post('/').set('Host', host);
      for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
      return req.attach('file', file, 'f.txt');
    };

    /** The form fields that ask for a mode (the same names as the headers of PUT Object). */
    const formFields = (mode: Mode, kmsKeyId: string): Record<string, string> => {
      if (mode === 'SSE-COS') return { 'x-cos-server-side-encryption': 'AES256' };
      if (mode === 'SSE-KMS') {
        return {
          'x-cos-server-side-encryption': 'cos/kms',
          'x-cos-server-side-encryption-cos-kms-key-id': kmsKeyId,
        };
      }
      const { SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5 } = sseC();
      return {
        'x-cos-server-side-encryption-customer-algorithm': SSECustomerAlgorithm,
        'x-cos-server-side-encryption-customer-key': SSECustomerKey,
        'x-cos-server-side-encryption-customer-key-MD5': SSECustomerKeyMD5,
      };
    };

    it.each(modes)('POST Object with %s form fields encrypts, echoes, reads back', async (mode) => {
      const Bucket = await open.createBucket();
      const formKeyId = open.emulator.kms.createKey({ region: REGION }).KeyId;
      const plain = randomBody(900);
      const res = await post(Bucket, { key: 'k', ...formFields(mode, formKeyId) }, plain);
      expect(res.status).toBe(204);
      const expected = echoed(mode);
      if (mode === 'SSE-KMS') {
        expected['x-cos-server-side-encryption-cos-kms-key-id'] = formKeyId;
      }
      expect(res.headers).toEqual(expect.objectContaining(expected));

      const raw = await rawAtRest(open, Bucket, 'k');
      expect(raw.sse).toBe(mode);
      expect(raw.kmsKeyId).toBe(mode === 'SSE-KMS' ? formKeyId : null);
      expect(firstPlaintextWindow(raw.bytes, plain)).toBe(-1);
      const got = await open.cos.getObject({
        Bucket,
        Region: REGION,
        Key: 'k',
        ...readParams(mode),
      });
      expect(Buffer.compare(got.Body, plain)).toBe(0);
      expect(got.headers).toEqual(expect.objectContaining(expected));
    });

    it('encrypts per the x-cos-server-side-encryption form field and echoes it', async () => {
      const Bucket = await open.createBucket();
      const fields = { key: 'k', 'x-cos-server-side-encryption': 'cos/kms' };
      const plain = randomBody(256);
      const res = await post(Bucket, fields, plain);
      expect(res.status).toBe(204);
      expect(res.headers['x-cos-server-side-encryption']).toBe('cos/kms');
      expect(res.headers['x-cos-server-side-encryption-cos-kms-key-id']).toBe(
        open.emulator.kms.defaultKeyId(REGION),
      );
      const raw = await rawAtRest(open, Bucket, 'k');
      expect(raw.sse).toBe('SSE-KMS');
      expect(firstPlaintextWindow(raw.bytes, plain)).toBe(-1);
    });

    it('encrypts a form upload without SSE fields per the bucket default', async () => {
      const Bucket = await open.createBucket();
      await setBucketDefault(open, Bucket, REGION, 'AES256');
      const res = await post(Bucket, { key: 'k' }, randomBody(64));
      expect(res.headers['x-cos-server-side-encryption']).toBe('AES256');
      expect((await rawAtRest(open, Bucket, 'k')).sse).toBe('SSE-COS');
    });
  });
});
