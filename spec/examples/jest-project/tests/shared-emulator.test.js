const COS = require('cos-nodejs-sdk-v5');
const { sharedEmulator, uniqueBucketName } = require('cos-emulator/jest');

const REGION = 'ap-guangzhou';

describe('the emulator started by the global setup', () => {
  const shared = sharedEmulator();
  const cos = new COS(shared.cosOptions());

  it('publishes how to reach it in COS_EMULATOR_* variables', () => {
    expect(process.env.COS_EMULATOR_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.COS_EMULATOR_SECRET_ID).toBeTruthy();
    expect(process.env.COS_EMULATOR_SECRET_KEY).toBeTruthy();
    expect(process.env.COS_EMULATOR_APP_ID).toBe('1250000000');
    expect(process.env.COS_EMULATOR_REGIONS).toBe('ap-guangzhou,ap-beijing');
  });

  it('serves the fixture named in cos-emulator.config.json', async () => {
    const got = await cos.getObject({
      Bucket: 'examplebucket-1250000000',
      Region: REGION,
      Key: 'hello.txt',
    });
    expect(got.Body.toString()).toBe('Hello from cos-emulator');
  });

  it('stores and returns an object in a bucket of its own', async () => {
    const Bucket = uniqueBucketName('shared');
    await cos.putBucket({ Bucket, Region: REGION });
    await cos.putObject({ Bucket, Region: REGION, Key: 'k.txt', Body: 'value' });
    const got = await cos.getObject({ Bucket, Region: REGION, Key: 'k.txt' });
    expect(got.Body.toString()).toBe('value');
  });
});
