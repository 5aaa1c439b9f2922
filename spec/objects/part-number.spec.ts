import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, rejectionOf } from './object-support';

/** `?partNumber` outside Upload Part never falls back to a whole-object PUT or GET. */
describe('partNumber without an upload', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator({ auth: 'off' });
    Bucket = await t.createBucket('partno');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'whole.txt', Body: 'whole object' });
  });
  afterAll(() => t.stop());

  it('refuses PUT ?partNumber without uploadId (400) and stores nothing', async () => {
    const response = await request(t.emulator.url)
      .put('/piece.txt?partNumber=1')
      .set('Host', bucketHost(Bucket))
      .send('a part');
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidArgument</Code>');
    const error = await rejectionOf(t.cos.headObject({ Bucket, Region: REGION, Key: 'piece.txt' }));
    expect(error.statusCode).toBe(404);
  });

  it('answers GET ?partNumber=1 with 501 NotImplemented, not the whole object', async () => {
    const response = await request(t.emulator.url)
      .get('/whole.txt?partNumber=1')
      .set('Host', bucketHost(Bucket));
    expect(response.status).toBe(501);
    expect(response.text).toContain('<Code>NotImplemented</Code>');
    expect(response.text).not.toContain('whole object');
  });

  it('answers HEAD ?partNumber=1 with 501', async () => {
    const response = await request(t.emulator.url)
      .head('/whole.txt?partNumber=1')
      .set('Host', bucketHost(Bucket));
    expect(response.status).toBe(501);
  });
});
