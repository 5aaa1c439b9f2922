import request from 'supertest';
import { startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost } from './object-support';

/** A body in aws-chunked framing, as @aws-sdk/client-s3 sends with its default checksums. */
const FRAMED = '5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n';

/** Signatures are off so that only the payload-encoding check answers. */
describe('aws-chunked request bodies', () => {
  let t: TestEmulator;
  let host: string;
  beforeAll(async () => {
    t = await startTestEmulator({ auth: 'off' });
    host = bucketHost(await t.createBucket('chunked'));
  });
  afterAll(() => t.stop());

  const expectRefused = (response: request.Response) => {
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidArgument</Code>');
    expect(response.text).toContain('aws-chunked encoding is not supported');
  };

  it.each([
    [{ 'Content-Encoding': 'aws-chunked' }],
    [{ 'Content-Encoding': 'aws-chunked,gzip' }],
    [{ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }],
    [{ 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' }],
  ])('refuses PUT Object with %p and stores nothing', async (headers) => {
    const put = request(t.emulator.url).put('/framed.txt').set('Host', host).set(headers);
    expectRefused(await put.send(FRAMED));
    const get = await request(t.emulator.url).get('/framed.txt').set('Host', host);
    expect(get.status).toBe(404);
  });

  it('refuses Upload Part with aws-chunked framing', async () => {
    const init = await request(t.emulator.url).post('/big?uploads').set('Host', host).send('');
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)![1];
    const part = await request(t.emulator.url)
      .put(`/big?partNumber=1&uploadId=${uploadId}`)
      .set('Host', host)
      .set('Content-Encoding', 'aws-chunked')
      .send(FRAMED);
    expectRefused(part);
    const parts = await request(t.emulator.url).get(`/big?uploadId=${uploadId}`).set('Host', host);
    expect(parts.text).not.toContain('<Part>');
  });

  it('refuses Append Object with aws-chunked framing', async () => {
    const append = await request(t.emulator.url)
      .post('/log?append&position=0')
      .set('Host', host)
      .set('x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER')
      .send(FRAMED);
    expectRefused(append);
    const head = await request(t.emulator.url).head('/log').set('Host', host);
    expect(head.status).toBe(404);
  });

  it('still accepts an ordinary Content-Encoding', async () => {
    const put = request(t.emulator.url).put('/plain.txt').set('Host', host);
    const response = await put.set('Content-Encoding', 'gzip').send('bytes');
    expect(response.status).toBe(200);
  });
});
