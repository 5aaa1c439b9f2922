import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/types';
import {
  authenticateAt,
  BUCKET,
  cosErrorOf,
  minutesFrom,
  requestFor,
  SECRET_ID,
  SECRET_KEY,
  signedAs,
} from './auth-support';
import { capture, ENDPOINT_HOST, signer, wireUrl } from './sigv4-support';

const KEY = 'dir/a b+c ü.txt';

function asReceived(signed: HttpRequest, headerChanges: Record<string, string | undefined> = {}) {
  const { host: _host, ...headers } = signed.headers;
  return requestFor(signed.method, wireUrl(signed), { ...headers, ...headerChanges });
}

function putObject(accessKeyId?: string): Promise<HttpRequest> {
  return capture(
    (client) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: 'hello' })),
    accessKeyId,
  );
}

describe('AWS SigV4 in the Authorization header', () => {
  it('accepts a path-style PutObject (x-id, key with spaces, + and unicode)', async () => {
    const signed = await putObject();
    expect(signed.path).toBe(`/${BUCKET}/dir/a%20b%2Bc%20%C3%BC.txt`);
    expect(signed.query).toMatchObject({ 'x-id': 'PutObject' });
    expect(authenticateAt(asReceived(signed), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts a GetObject with response-content-type and versionId', async () => {
    const signed = await capture((client) =>
      client.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: KEY,
          VersionId: 'MTg0NDUxNzQ0OTY2NjU3MjM2ODU',
          ResponseContentType: 'text/plain; charset=utf-8',
        }),
      ),
    );
    expect(authenticateAt(asReceived(signed), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts a ListObjectsV2 whose prefix has spaces, + and unicode', async () => {
    const signed = await capture((client) =>
      client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'a b+ü/', Delimiter: '/' })),
    );
    expect(authenticateAt(asReceived(signed), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts repeated query parameters, sorted by value in the canonical query', async () => {
    const signed = await signer().sign({
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 9000,
      path: `/${BUCKET}/`,
      query: { tag: ['zeta', 'alpha b'], 'list-type': '2' },
      headers: { host: ENDPOINT_HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect(wireUrl(signed)).toContain('tag=zeta&tag=alpha%20b');
    expect(authenticateAt(asReceived(signed), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts x-cos-security-token with any value', async () => {
    const request = asReceived(await putObject(), { 'x-cos-security-token': 'whatever' });
    expect(authenticateAt(request, new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('returns SignatureDoesNotMatch with StringToSign and CanonicalRequest', async () => {
    const signed = await putObject();
    const tampered = String(signed.headers.authorization).replace(/Signature=(.)/, (_, c) => {
      return 'Signature=' + (c === '0' ? '1' : '0');
    });
    const error = cosErrorOf(() =>
      authenticateAt(asReceived(signed, { authorization: tampered }), new Date()),
    );

    expect([error.code, error.status]).toEqual(['SignatureDoesNotMatch', 403]);
    expect(error.details.StringToSign).toMatch(
      /^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/ap-guangzhou\/s3\/aws4_request\n[0-9a-f]{64}$/,
    );
    expect(error.details.CanonicalRequest).toContain(
      `PUT\n/${BUCKET}/dir/a%20b%2Bc%20%C3%BC.txt\nx-id=PutObject\n`,
    );
    expect(JSON.stringify(error.details)).not.toContain(SECRET_KEY);
  });

  it('returns SignatureDoesNotMatch when the signed query is changed (x-id dropped)', async () => {
    const signed = await putObject();
    const url = wireUrl(signed).replace('?x-id=PutObject', '');
    const { host: _host, ...headers } = signed.headers;
    const error = cosErrorOf(() => authenticateAt(requestFor('PUT', url, headers), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('returns 403 InvalidAccessKeyId for an unknown access key', async () => {
    const signed = await putObject('AKIDUNKNOWN');
    const error = cosErrorOf(() => authenticateAt(asReceived(signed), new Date()));
    expect([error.code, error.status]).toEqual(['InvalidAccessKeyId', 403]);
  });

  it.each([20, -20])(
    'returns 403 RequestTimeTooSkewed when x-amz-date is %i minutes off the clock',
    async (minutes) => {
      const signed = await putObject();
      const error = cosErrorOf(() =>
        authenticateAt(asReceived(signed), minutesFrom(new Date(), minutes)),
      );
      expect([error.code, error.status]).toEqual(['RequestTimeTooSkewed', 403]);
    },
  );

  it('accepts an x-amz-date 10 minutes off the clock', async () => {
    const signed = await putObject();
    expect(authenticateAt(asReceived(signed), minutesFrom(new Date(), 10))).toEqual(
      signedAs(SECRET_ID),
    );
  });

  it('returns 400 InvalidRequest without x-amz-content-sha256', async () => {
    const request = asReceived(await putObject(), { 'x-amz-content-sha256': undefined });
    const error = cosErrorOf(() => authenticateAt(request, new Date()));
    expect([error.code, error.status]).toEqual(['InvalidRequest', 400]);
  });

  it.each([
    ['no SignedHeaders', (auth: string) => auth.replace(/SignedHeaders=[^,]+, /, '')],
    ['a service other than s3', (auth: string) => auth.replace('/s3/', '/sts/')],
    [
      'a credential date other than x-amz-date',
      (auth: string) => auth.replace(/\/\d{8}\//, '/19990101/'),
    ],
    ['an unknown algorithm', (auth: string) => auth.replace('HMAC-SHA256', 'HMAC-SHA512')],
  ])('returns 403 AccessDenied with a clear message for %s', async (_, mangle) => {
    const signed = await putObject();
    const authorization = mangle(String(signed.headers.authorization));
    const error = cosErrorOf(() =>
      authenticateAt(asReceived(signed, { authorization }), new Date()),
    );
    expect([error.code, error.status]).toEqual(['AccessDenied', 403]);
    expect(error.message).toMatch(/^Malformed authorization: /);
  });
});
