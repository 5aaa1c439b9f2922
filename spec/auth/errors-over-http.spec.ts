import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';
import request from 'supertest';
// eslint-disable-next-line @typescript-eslint/no-var-requires
import COS = require('cos-nodejs-sdk-v5');
import { bucketHost, objectPath, rejectionOf, signCos } from '../objects/object-support';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

const KEY = 'secret/a b.txt';

/** Signature failures as a client sees them: over HTTP, through the SDK and raw. */
describe('signature errors over HTTP', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('authhttp');
    await t.cos.putObject({ Bucket, Region: REGION, Key: KEY, Body: 'private bytes' });
  });
  afterAll(() => t.stop());
  afterEach(() => t.emulator.service.clock.reset());

  const sdkWith = (keys: { SecretId?: string; SecretKey?: string }) =>
    new COS({ ...t.emulator.cosOptions(), ...keys });

  const expectXmlError = (response: request.Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.text).toContain(`<Code>${code}</Code>`);
  };

  it('rejects a wrong SecretKey through the SDK with SignatureDoesNotMatch', async () => {
    const cos = sdkWith({ SecretKey: 'not-the-secret-key' });
    const error = await rejectionOf(cos.getObject({ Bucket, Region: REGION, Key: KEY }));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toContain('does not match');
  });

  it('rejects an unknown SecretId through the SDK with InvalidAccessKeyId', async () => {
    const cos = sdkWith({ SecretId: 'AKIDunknownunknownunknown' });
    const error = await rejectionOf(cos.headBucket({ Bucket, Region: REGION }));
    expect(error.statusCode).toBe(403);
    const listed = await rejectionOf(cos.getBucket({ Bucket, Region: REGION }));
    expect(listed.statusCode).toBe(403);
    expect(listed.code).toBe('InvalidAccessKeyId');
  });

  it('answers a tampered q-signature with 403 SignatureDoesNotMatch, StringToSign', async () => {
    const authorization = signCos(t, 'GET', KEY);
    const tampered = authorization.replace(/q-signature=([0-9a-f]+)/, (_, signature: string) => {
      const last = signature.slice(-1) === '0' ? '1' : '0';
      return `q-signature=${signature.slice(0, -1)}${last}`;
    });
    expect(tampered).not.toBe(authorization);
    const response = await request(t.emulator.url)
      .get(objectPath(KEY))
      .set('Host', bucketHost(Bucket))
      .set('Authorization', tampered);
    expectXmlError(response, 403, 'SignatureDoesNotMatch');
    expect(response.text).toContain('<StringToSign>');
    expect(response.text).not.toContain('private bytes');
  });

  it('answers an expired presigned URL with 403 "Request has expired"', async () => {
    const url = t.cos.getObjectUrl({ Bucket, Region: REGION, Key: KEY, Sign: true, Expires: 60 });
    const { pathname, search } = new URL(url);
    const fresh = await request(t.emulator.url)
      .get(pathname + search)
      .set('Host', bucketHost(Bucket));
    expect(fresh.status).toBe(200);

    t.emulator.service.clock.advance(2 * 60 * 1000);
    const expired = await request(t.emulator.url)
      .get(pathname + search)
      .set('Host', bucketHost(Bucket));
    expectXmlError(expired, 403, 'AccessDenied');
    expect(expired.text).toContain('<Message>Request has expired</Message>');
  });

  it('answers a tampered SigV4 with 403 SignatureDoesNotMatch, StringToSign', async () => {
    const { SecretId, SecretKey } = t.emulator.cosOptions();
    const signer = new SignatureV4({
      credentials: { accessKeyId: SecretId, secretAccessKey: SecretKey },
      region: REGION,
      service: 's3',
      sha256: Sha256,
      uriEscapePath: false,
    });
    const host = `127.0.0.1:${t.emulator.port}`;
    const path = `/${Bucket}${objectPath(KEY)}`;
    const signed = await signer.sign({
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: t.emulator.port,
      path,
      query: {},
      headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const send = (authorization: string) =>
      request(t.emulator.url)
        .get(path)
        .set('Host', host)
        .set('x-amz-date', signed.headers['x-amz-date'])
        .set('x-amz-content-sha256', 'UNSIGNED-PAYLOAD')
        .set('Authorization', authorization);

    expect((await send(signed.headers.authorization)).status).toBe(200);
    const tampered = signed.headers.authorization.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const response = await send(tampered);
    expectXmlError(response, 403, 'SignatureDoesNotMatch');
    expect(response.text).toContain('<StringToSign>AWS4-HMAC-SHA256');
  });
});
