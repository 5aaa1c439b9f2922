import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { setBucketDefault } from '../sse/sse-support';

const OTHER_REGION = 'ap-beijing';

type Unusable = 'Disabled' | 'PendingDelete';
const states: Array<[Unusable, string]> = [
  ['Disabled', 'KmsKeyDisabled'],
  ['PendingDelete', 'KmsException'],
];

/**
 * Reference 5.5: a CMK that is not Enabled breaks writes (GenerateDataKey) and reads (Decrypt)
 * on every path, not only PUT/GET/HEAD; once enabled again the same request succeeds.
 */
describe('KMS key states on every SSE-KMS path', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ regions: [REGION, OTHER_REGION] });
  });
  afterAll(() => t.stop());

  const kms = () => t.emulator.kms;
  const newKey = () => kms().createKey({ region: REGION }).KeyId;
  const makeUnusable = (keyId: string, state: Unusable) =>
    state === 'Disabled' ? kms().disableKey(keyId) : kms().scheduleKeyDeletion(keyId, 7);
  const reEnable = (keyId: string, state: Unusable) => {
    if (state === 'PendingDelete') kms().cancelKeyDeletion(keyId);
    kms().enableKey(keyId);
  };
  const kmsParams = (SSEKMSKeyId: string) => ({ ServerSideEncryption: 'cos/kms', SSEKMSKeyId });
  const source = (Bucket: string, Key: string) => `${Bucket}.cos.${REGION}.myqcloud.com/${Key}`;

  it.each(states)(
    'multipart: a key made %s after Initiate fails UploadPart and Complete with %s',
    async (state, code) => {
      const keyId = newKey();
      const Bucket = await t.createBucket();
      const base = { Bucket, Region: REGION, Key: 'mp' };
      const init = await t.cos.multipartInit({ ...base, ...kmsParams(keyId) } as never);
      const part = { ...base, UploadId: init.UploadId, PartNumber: 1, Body: 'part bytes' };

      makeUnusable(keyId, state);
      await expect(t.cos.multipartUpload(part)).rejects.toMatchObject({ statusCode: 400, code });
      reEnable(keyId, state);
      const uploaded = await t.cos.multipartUpload(part);

      makeUnusable(keyId, state);
      const complete = {
        ...base,
        UploadId: init.UploadId,
        Parts: [{ PartNumber: 1, ETag: uploaded.ETag }],
      };
      await expect(t.cos.multipartComplete(complete)).rejects.toMatchObject({ code });
      reEnable(keyId, state);
      await t.cos.multipartComplete(complete);
      const got = await t.cos.getObject(base);
      expect(got.Body.toString()).toBe('part bytes');
    },
  );

  it.each(states)('copy: a source whose key is %s fails with %s', async (state, code) => {
    const keyId = newKey();
    const Bucket = await t.createBucket();
    await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'src',
      Body: 'kms src',
      ...kmsParams(keyId),
    });
    const copy = { Bucket, Region: REGION, Key: 'dst', CopySource: source(Bucket, 'src') };

    makeUnusable(keyId, state);
    await expect(t.cos.putObjectCopy(copy)).rejects.toMatchObject({ statusCode: 400, code });
    reEnable(keyId, state);
    await t.cos.putObjectCopy(copy);
    expect((await t.cos.getObject({ Bucket, Region: REGION, Key: 'dst' })).Body.toString()).toBe(
      'kms src',
    );
  });

  it.each(states)(
    'copy: a destination whose default key is %s fails with %s',
    async (state, code) => {
      const keyId = newKey();
      const Source = await t.createBucket();
      const Bucket = await t.createBucket();
      await setBucketDefault(t, Bucket, REGION, 'KMS', keyId);
      await t.cos.putObject({ Bucket: Source, Region: REGION, Key: 'src', Body: 'plain src' });
      const copy = { Bucket, Region: REGION, Key: 'dst', CopySource: source(Source, 'src') };

      makeUnusable(keyId, state);
      await expect(t.cos.putObjectCopy(copy)).rejects.toMatchObject({ statusCode: 400, code });
      reEnable(keyId, state);
      const done = await t.cos.putObjectCopy(copy);
      expect(done.headers!['x-cos-server-side-encryption-cos-kms-key-id']).toBe(keyId);
    },
  );

  it.each(states)(
    'append: an SSE-KMS object whose key is %s fails with %s',
    async (state, code) => {
      const keyId = newKey();
      const Bucket = await t.createBucket();
      const append = (Position: number, Body: string, extra: object = {}) =>
        t.cos.appendObject({
          Bucket,
          Region: REGION,
          Key: 'log',
          Position,
          Body,
          ...extra,
        } as never);
      await append(0, 'one;', kmsParams(keyId));

      makeUnusable(keyId, state);
      await expect(append(4, 'two;')).rejects.toMatchObject({ statusCode: 400, code });
      reEnable(keyId, state);
      await append(4, 'two;');
      const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'log' });
      expect(got.Body.toString()).toBe('one;two;');
    },
  );

  it.each(states)('POST Object: a form naming a %s key fails with %s', async (state, code) => {
    const open = await startTestEmulator({ auth: 'off' });
    try {
      const keyId = open.emulator.kms.createKey({ region: REGION }).KeyId;
      const Bucket = await open.createBucket();
      const post = () =>
        request(open.emulator.url)
          .post('/')
          .set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`)
          .field('key', 'k')
          .field('x-cos-server-side-encryption', 'cos/kms')
          .field('x-cos-server-side-encryption-cos-kms-key-id', keyId)
          .attach('file', Buffer.from('form body'), 'f.txt');
      if (state === 'Disabled') open.emulator.kms.disableKey(keyId);
      else open.emulator.kms.scheduleKeyDeletion(keyId, 7);

      const refused = await post();
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(`<Code>${code}</Code>`);
      if (state === 'PendingDelete') open.emulator.kms.cancelKeyDeletion(keyId);
      open.emulator.kms.enableKey(keyId);
      const accepted = await post();
      expect(accepted.status).toBe(204);
      expect(accepted.headers['x-cos-server-side-encryption-cos-kms-key-id']).toBe(keyId);
    } finally {
      await open.stop();
    }
  });

  it('refuses writes under a bucket default naming a key of another region', async () => {
    const foreign = kms().createKey({ region: OTHER_REGION }).KeyId;
    const Bucket = await t.createBucket();
    await setBucketDefault(t, Bucket, REGION, 'KMS', foreign);
    await expect(
      t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'b' }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'KmsKeyNotExist' });
    await expect(
      t.cos.appendObject({ Bucket, Region: REGION, Key: 'a', Position: 0, Body: 'b' } as never),
    ).rejects.toMatchObject({ code: 'KmsKeyNotExist' });
  });

  it('seeds a fixture key with keyState Disabled: writes fail until it is enabled', async () => {
    const keyId = '99999999-8888-7777-6666-555555555555';
    const dir = mkdtempSync(path.join(tmpdir(), 'kms-fixture-'));
    const file = path.join(dir, 'disabled-key.yaml');
    const yaml = [
      'kmsKeys:',
      `  - keyId: ${keyId}`,
      `    region: ${REGION}`,
      '    keyState: Disabled',
      'buckets:',
      '  - name: disabled-key-1250000000',
      `    region: ${REGION}`,
      '',
    ];
    writeFileSync(file, yaml.join('\n'));
    const seeded = await startTestEmulator({ fixtures: file });
    try {
      expect(seeded.emulator.kms.describeKey(keyId).KeyState).toBe('Disabled');
      const put = () =>
        seeded.cos.putObject({
          Bucket: 'disabled-key-1250000000',
          Region: REGION,
          Key: 'k',
          Body: 'b',
          ...kmsParams(keyId),
        });
      await expect(put()).rejects.toMatchObject({ statusCode: 400, code: 'KmsKeyDisabled' });
      seeded.emulator.kms.enableKey(keyId);
      expect((await put()).headers!['x-cos-server-side-encryption-cos-kms-key-id']).toBe(keyId);
    } finally {
      await seeded.stop();
    }
  });
});
