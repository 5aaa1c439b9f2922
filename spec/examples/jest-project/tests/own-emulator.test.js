const COS = require('cos-nodejs-sdk-v5');
const { useEmulator, uniqueBucketName } = require('cos-emulator/jest');

const REGION = 'ap-guangzhou';

describe('an emulator of this file\'s own', () => {
  const own = useEmulator({ regions: [REGION] });

  it('listens on another port than the shared one', () => {
    expect(own.url).not.toBe(process.env.COS_EMULATOR_URL);
  });

  it('starts empty and is wiped by reset', async () => {
    const cos = new COS(own.cosOptions());
    const Bucket = uniqueBucketName('own');
    await cos.putBucket({ Bucket, Region: REGION });
    expect((await cos.getService({})).Buckets.map((b) => b.Name)).toEqual([Bucket]);
    await own.reset();
    expect((await cos.getService({})).Buckets).toEqual([]);
  });
});
