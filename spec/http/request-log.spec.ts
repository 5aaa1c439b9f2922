import request from 'supertest';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

const HOST = 'logbucket-1250000000.cos.ap-guangzhou.myqcloud.com';
const SECRETS = [
  'SECRETQSIG',
  'SECRETQTOKEN',
  'SECRETV4SIG',
  'SECRETV4TOKEN',
  'SECRETAUTH',
  'SECRETSSECKEY',
  'SECRETHTOKEN',
  'SECRETSIGNPARAM',
];

describe('request logs at debug', () => {
  let t: TestEmulator;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestEmulator({ logLevel: 'debug', logWriter: (line) => lines.push(line) });
    await t.cos.putBucket({ Bucket: 'logbucket-1250000000', Region: REGION });
  });
  afterAll(() => t.stop());

  it('never contain signatures, tokens, Authorization or SSE-C keys', async () => {
    const presigned = t.cos.getObjectUrl({
      Bucket: 'logbucket-1250000000',
      Region: REGION,
      Key: 'a.txt',
      Sign: true,
    });
    const signature = /q-signature=([0-9a-f]+)/.exec(presigned)![1];
    const http = request(t.emulator.url);
    const { pathname, search } = new URL(presigned);
    await http.get(pathname + search).set('Host', HOST);
    await http
      .get('/a.txt?q-sign-algorithm=sha1&q-signature=SECRETQSIG&x-cos-security-token=SECRETQTOKEN')
      .set('Host', HOST);
    // A path that cannot be decoded fails before the target is known.
    await http.get(
      '/logbucket-1250000000/%E0?X-Amz-Signature=SECRETV4SIG&X-Amz-Security-Token=SECRETV4TOKEN',
    );
    await http
      .put('/b.txt?sign=SECRETSIGNPARAM')
      .set('Host', HOST)
      .set('Authorization', 'q-sign-algorithm=sha1&q-signature=SECRETAUTH')
      .set('x-cos-server-side-encryption-customer-key', 'SECRETSSECKEY')
      .set('x-cos-security-token', 'SECRETHTOKEN')
      .send('body');

    const log = lines.join('\n');
    for (const secret of [...SECRETS, signature]) expect(log).not.toContain(secret);
    expect(log).not.toContain(t.emulator.credentials[0].secretKey);
  });

  it('log each request with its redacted query and headers', () => {
    const put = lines.find((line) => line.includes('request PUT /b.txt'));
    expect(put).toContain('?sign=[redacted]');
    expect(put).toContain('Authorization: [redacted]');
    expect(put).toContain('x-cos-server-side-encryption-customer-key: [redacted]');
    expect(put).toContain(`Host: ${HOST}`);
    const undecodable = lines.find((line) => / Unknown 400 InvalidURI /.test(line));
    expect(undecodable).toContain('GET /logbucket-1250000000/%E0 ');
  });
});
