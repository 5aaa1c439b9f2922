import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { kmsControl, rawAtRest, setBucketDefault } from '../sse/sse-support';

const OTHER_REGION = 'ap-beijing';

describe('emulated KMS and SSE-KMS key states', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ regions: [REGION, OTHER_REGION] });
  });
  afterAll(() => t.stop());

  const putKms = (Bucket: string, Key: string, SSEKMSKeyId?: string) =>
    t.cos.putObject({
      Bucket,
      Region: REGION,
      Key,
      Body: `kms ${Key}`,
      ServerSideEncryption: 'cos/kms',
      ...(SSEKMSKeyId ? { SSEKMSKeyId } : {}),
    });
  const get = (Bucket: string, Key: string) => t.cos.getObject({ Bucket, Region: REGION, Key });

  it('creates, lists and changes keys through the control endpoints', async () => {
    const input = { region: REGION, alias: 'ctl', description: 'd' };
    const created = await kmsControl(t, 'POST', '/keys', input);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ Alias: 'alias/ctl', KeyState: 'Enabled', Region: REGION });
    const id = created.json.KeyId as string;
    const listed = await kmsControl(t, 'GET', `/keys?region=${REGION}`);
    expect(listed.json.keys.map((k: { KeyId: string }) => k.KeyId)).toContain(id);
    expect((await kmsControl(t, 'POST', `/keys/${id}/disable`)).json.KeyState).toBe('Disabled');
    expect((await kmsControl(t, 'POST', `/keys/${id}/enable`)).json.KeyState).toBe('Enabled');
    const days = { pendingWindowInDays: 7 };
    const pending = await kmsControl(t, 'POST', `/keys/${id}/schedule-deletion`, days);
    const deletion = { KeyState: 'PendingDelete', DeletionDate: expect.any(Number) };
    expect(pending.json).toMatchObject(deletion);
    const cancelled = await kmsControl(t, 'POST', `/keys/${id}/cancel-deletion`);
    expect(cancelled.json.KeyState).toBe('Disabled');
    expect((await kmsControl(t, 'POST', '/keys/nope/enable')).status).toBe(404);
    expect((await kmsControl(t, 'POST', `/keys/${id}/explode`)).status).toBe(404);
  });

  it('uses the region default CMK when SSE-KMS names no key, and echoes its id', async () => {
    const Bucket = await t.createBucket();
    const put = await putKms(Bucket, 'd');
    const defaultId = t.emulator.kms.defaultKeyId(REGION);
    expect(put.headers!['x-cos-server-side-encryption-cos-kms-key-id']).toBe(defaultId);
    expect(t.emulator.kms.describeKey(defaultId).IsDefault).toBe(true);
    expect(t.emulator.kms.defaultKeyId(OTHER_REGION)).not.toBe(defaultId);
  });

  it('accepts alias/<name> as the key id and records the CMK id', async () => {
    const key = t.emulator.kms.createKey({ region: REGION, alias: 'by-alias' });
    const Bucket = await t.createBucket();
    const put = await putKms(Bucket, 'a', 'alias/by-alias');
    expect(put.headers!['x-cos-server-side-encryption-cos-kms-key-id']).toBe(key.KeyId);
    expect((await rawAtRest(t, Bucket, 'a')).kmsKeyId).toBe(key.KeyId);
  });

  it('refuses writes with a key that does not exist: 400 KmsKeyNotExist', async () => {
    const Bucket = await t.createBucket();
    await expect(putKms(Bucket, 'x', 'no-such-key')).rejects.toMatchObject({
      statusCode: 400,
      code: 'KmsKeyNotExist',
    });
    await setBucketDefault(t, Bucket, REGION, 'KMS', 'alias/missing');
    await expect(
      t.cos.putObject({ Bucket, Region: REGION, Key: 'y', Body: 'y' }),
    ).rejects.toMatchObject({ code: 'KmsKeyNotExist' });
    await expect(t.cos.multipartInit({ Bucket, Region: REGION, Key: 'z' })).rejects.toMatchObject({
      code: 'KmsKeyNotExist',
    });
  });

  it('refuses a key of another region with KmsKeyNotExist (CMKs are regional)', async () => {
    const foreign = t.emulator.kms.createKey({ region: OTHER_REGION });
    const Bucket = await t.createBucket();
    await expect(putKms(Bucket, 'x', foreign.KeyId)).rejects.toMatchObject({
      statusCode: 400,
      code: 'KmsKeyNotExist',
    });
  });

  it('fails writes and reads while the key is disabled, reads once re-enabled', async () => {
    const key = t.emulator.kms.createKey({ region: REGION });
    const Bucket = await t.createBucket();
    await putKms(Bucket, 'o', key.KeyId);
    t.emulator.kms.disableKey(key.KeyId);
    await expect(putKms(Bucket, 'p', key.KeyId)).rejects.toMatchObject({
      statusCode: 400,
      code: 'KmsKeyDisabled',
    });
    const disabled = { statusCode: 400, code: 'KmsKeyDisabled' };
    await expect(get(Bucket, 'o')).rejects.toMatchObject(disabled);
    await expect(t.cos.headObject({ Bucket, Region: REGION, Key: 'o' })).rejects.toMatchObject({
      statusCode: 400,
    });
    t.emulator.kms.enableKey(key.KeyId);
    expect((await get(Bucket, 'o')).Body.toString()).toBe('kms o');
  });

  it('fails writes and reads with KmsException while the key is pending deletion', async () => {
    const key = t.emulator.kms.createKey({ region: REGION });
    const Bucket = await t.createBucket();
    await putKms(Bucket, 'o', key.KeyId);
    t.emulator.kms.scheduleKeyDeletion(key.KeyId, 7);
    await expect(putKms(Bucket, 'p', key.KeyId)).rejects.toMatchObject({ code: 'KmsException' });
    await expect(get(Bucket, 'o')).rejects.toMatchObject({ statusCode: 400, code: 'KmsException' });
    t.emulator.kms.cancelKeyDeletion(key.KeyId);
    t.emulator.kms.enableKey(key.KeyId);
    expect((await get(Bucket, 'o')).Body.toString()).toBe('kms o');
  });

  it('forgets a key once its pending window passes on the emulator clock', async () => {
    // Raw HTTP with auth off: the SDK would complain about the moved clock's Date header.
    const other = await startTestEmulator({ auth: 'off' });
    try {
      const key = other.emulator.kms.createKey({ region: REGION });
      const Bucket = await other.createBucket();
      await other.cos.putObject({
        Bucket,
        Region: REGION,
        Key: 'o',
        Body: 'b',
        ServerSideEncryption: 'cos/kms',
        SSEKMSKeyId: key.KeyId,
      });
      other.emulator.kms.scheduleKeyDeletion(key.KeyId, 7);
      other.emulator.service.clock.advance(8 * 24 * 3600 * 1000);
      const res = await request(other.emulator.url)
        .get('/o')
        .set('Host', `${Bucket}.cos.${REGION}.myqcloud.com`);
      expect(res.status).toBe(400);
      expect(res.text).toContain('<Code>KmsKeyNotExist</Code>');
    } finally {
      await other.stop();
    }
  });

  it('refuses to create a key in a region the emulator does not serve', () => {
    expect(() => t.emulator.kms.createKey({ region: 'eu-frankfurt' })).toThrow(
      expect.objectContaining({ code: 'InvalidRegionName' }),
    );
    expect(t.emulator.kms.listKeys('eu-frankfurt')).toEqual([]);
  });

  it('refuses to create a second key with the same alias in a region', async () => {
    t.emulator.kms.createKey({ region: REGION, alias: 'twice' });
    expect(() => t.emulator.kms.createKey({ region: REGION, alias: 'twice' })).toThrow(/exists/);
    const elsewhere = t.emulator.kms.createKey({ region: OTHER_REGION, alias: 'twice' });
    expect(elsewhere.Region).toBe(OTHER_REGION);
  });
});
