import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { rejectionOf } from '../objects/object-support';

/** SM4 is recognised but not emulated: 501, the same answer as on bucket encryption. */
describe('SM4 on object writes', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('sm4');
  });
  afterAll(() => t.stop());

  it('answers PutObject with SSE SM4 with 501 NotImplemented', async () => {
    const error = await rejectionOf(
      t.cos.putObject({
        Bucket,
        Region: REGION,
        Key: 'sm4.txt',
        Body: 'x',
        ServerSideEncryption: 'SM4',
      }),
    );
    expect(error.statusCode).toBe(501);
    expect(error.code).toBe('NotImplemented');
    const missing = await rejectionOf(t.cos.headObject({ Bucket, Region: REGION, Key: 'sm4.txt' }));
    expect(missing.statusCode).toBe(404);
  });

  it('answers Initiate Multipart Upload with SM4 with 501 NotImplemented', async () => {
    const error = await rejectionOf(
      t.cos.multipartInit({
        Bucket,
        Region: REGION,
        Key: 'big',
        ServerSideEncryption: 'SM4',
      } as never),
    );
    expect(error.statusCode).toBe(501);
    expect(error.code).toBe('NotImplemented');
  });

  it('still answers an unknown algorithm with 400 InvalidArgument', async () => {
    const error = await rejectionOf(
      t.cos.putObject({ Bucket, Region: REGION, Key: 'x', Body: 'x', ServerSideEncryption: 'DES' }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('InvalidArgument');
  });
});
