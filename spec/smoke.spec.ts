import { startTestEmulator, TestEmulator, REGION } from './support/emulator';

describe('the emulator through cos-nodejs-sdk-v5', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it('stores an object and returns its bytes, ETag and CRC64', async () => {
    const Bucket = await t.createBucket();
    const put = await t.cos.putObject({
      Bucket,
      Region: REGION,
      Key: 'a/b.txt',
      Body: '[Object Content]',
    });
    expect(put.ETag).toBe('"ee8de918d05640145b18f70f4c3aa602"');
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'a/b.txt' });
    expect(got.Body.toString()).toBe('[Object Content]');
    expect(got.headers!['x-cos-hash-crc64ecma']).toBe('16749565679157681890');
    expect(got.headers!['x-cos-request-id']).toBeTruthy();
  });
});
