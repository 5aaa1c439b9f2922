import COS from 'cos-nodejs-sdk-v5';
import {
  authenticateAt,
  BUCKET,
  BUCKET_HOST,
  cosErrorOf,
  minutesFrom,
  requestFor,
  SECRET_ID,
  SECRET_KEY,
  signedAs,
} from './auth-support';

const KEY = 'dir/a b+c ü.txt';
const WIRE_PATH = '/dir/a%20b%2Bc%20%C3%BC.txt';

/** What the Node SDK would send for a 5-byte PUT of KEY, signed by COS.getAuthorization. */
function signedPut(overrides: { KeyTime?: string; SecretId?: string } = {}) {
  const headers = { Host: BUCKET_HOST, 'Content-Length': '5', 'x-cos-meta-note': 'Hello World' };
  const authorization = COS.getAuthorization({
    SecretId: overrides.SecretId ?? SECRET_ID,
    SecretKey: SECRET_KEY,
    Method: 'put',
    Key: KEY,
    Headers: headers,
    KeyTime: overrides.KeyTime,
  });
  return {
    authorization,
    request: (extra: Record<string, string> = {}) =>
      requestFor('PUT', `http://${BUCKET_HOST}${WIRE_PATH}`, {
        'content-length': '5',
        'x-cos-meta-note': 'Hello World',
        authorization,
        ...extra,
      }),
  };
}

function unixNow(offsetSeconds = 0): number {
  return Math.floor(Date.now() / 1000) + offsetSeconds;
}

describe('q-sign in the Authorization header', () => {
  it('accepts a PUT of a key with spaces, + and unicode signed by COS.getAuthorization', () => {
    const { request } = signedPut();
    expect(authenticateAt(request(), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts a bucket sub-resource request signed with its query (?versioning=)', () => {
    const authorization = COS.getAuthorization({
      SecretId: SECRET_ID,
      SecretKey: SECRET_KEY,
      Method: 'get',
      Key: '',
      Query: { versioning: '' },
      Headers: { Host: BUCKET_HOST },
    });
    const request = requestFor('GET', `http://${BUCKET_HOST}/?versioning`, { authorization });
    expect(authenticateAt(request, new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts path style signed without the bucket prefix, as the SDK signs it', () => {
    const authorization = COS.getAuthorization({
      SecretId: SECRET_ID,
      SecretKey: SECRET_KEY,
      Method: 'get',
      Key: KEY,
      Headers: { Host: '127.0.0.1:9000' },
    });
    const request = requestFor('GET', `http://127.0.0.1:9000/${BUCKET}${WIRE_PATH}`, {
      authorization,
    });
    expect(authenticateAt(request, new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts path style signed over the full decoded path with the bucket', () => {
    const authorization = COS.getAuthorization({
      SecretId: SECRET_ID,
      SecretKey: SECRET_KEY,
      Method: 'get',
      Pathname: `/${BUCKET}/${KEY}`,
      Headers: { Host: '127.0.0.1:9000' },
    });
    const request = requestFor('GET', `http://127.0.0.1:9000/${BUCKET}${WIRE_PATH}`, {
      authorization,
    });
    expect(authenticateAt(request, new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts q-* values that are URL-encoded in the header', () => {
    const { authorization, request } = signedPut();
    const encoded = authorization.replace(/;/g, '%3B');
    expect(authenticateAt(request({ authorization: encoded }), new Date())).toEqual(
      signedAs(SECRET_ID),
    );
  });

  it('accepts x-cos-security-token with any value', () => {
    const { request } = signedPut();
    const principal = authenticateAt(request({ 'x-cos-security-token': 'anything' }), new Date());
    expect(principal).toEqual(signedAs(SECRET_ID));
  });

  it('counts a listed header that the request lacks as empty', () => {
    const authorization = COS.getAuthorization({
      SecretId: SECRET_ID,
      SecretKey: SECRET_KEY,
      Method: 'delete',
      Key: 'k',
      Headers: { Host: BUCKET_HOST, 'x-cos-acl': '' },
    });
    expect(authorization).toContain('q-header-list=host;x-cos-acl');
    const request = requestFor('DELETE', `http://${BUCKET_HOST}/k`, { authorization });
    expect(authenticateAt(request, new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('returns 403 SignatureDoesNotMatch with StringToSign and FormatString if tampered', () => {
    const { authorization, request } = signedPut();
    const tampered = authorization.replace(/q-signature=(.)/, (_, c) => {
      return 'q-signature=' + (c === '0' ? '1' : '0');
    });
    const error = cosErrorOf(() =>
      authenticateAt(request({ authorization: tampered }), new Date()),
    );

    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.status).toBe(403);
    expect(error.details.StringToSign).toMatch(/^sha1\n\d+;\d+\n[0-9a-f]{40}\n$/);
    expect(error.details.FormatString).toBe(
      'put\n/dir/a b+c ü.txt\n\n' +
        'content-length=5&host=' +
        encodeURIComponent(BUCKET_HOST) +
        '&x-cos-meta-note=Hello%20World\n',
    );
    expect(JSON.stringify(error.details)).not.toContain(SECRET_KEY);
  });

  it('returns SignatureDoesNotMatch when a signed header changed after signing', () => {
    const { request } = signedPut();
    const error = cosErrorOf(() => authenticateAt(request({ 'content-length': '6' }), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('returns SignatureDoesNotMatch for a signature made with another SecretKey', () => {
    const { request } = signedPut({ SecretId: 'AKIDOTHER' });
    const error = cosErrorOf(() => authenticateAt(request(), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('returns 403 InvalidAccessKeyId for an unknown SecretId', () => {
    const { request } = signedPut({ SecretId: 'AKIDUNKNOWN' });
    const error = cosErrorOf(() => authenticateAt(request(), new Date()));
    expect([error.code, error.status]).toEqual(['InvalidAccessKeyId', 403]);
  });

  it('returns AccessDenied "Request has expired" after q-sign-time ends', () => {
    const { request } = signedPut();
    const error = cosErrorOf(() => authenticateAt(request(), minutesFrom(new Date(), 16)));
    expect([error.code, error.status, error.message]).toEqual([
      'AccessDenied',
      403,
      'Request has expired',
    ]);
  });

  it('accepts a q-sign-time that starts within the 15 minute skew allowance', () => {
    const { request } = signedPut({ KeyTime: `${unixNow(600)};${unixNow(1500)}` });
    expect(authenticateAt(request(), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('returns 403 RequestTimeTooSkewed when q-sign-time starts over 15 minutes ahead', () => {
    const { request } = signedPut({ KeyTime: `${unixNow(3600)};${unixNow(4500)}` });
    const error = cosErrorOf(() => authenticateAt(request(), new Date()));
    expect([error.code, error.status]).toEqual(['RequestTimeTooSkewed', 403]);
  });

  it.each([
    ['a missing q-signature', (auth: string) => auth.replace(/&q-signature=[0-9a-f]+/, '')],
    ['an unknown algorithm', (auth: string) => auth.replace('algorithm=sha1', 'algorithm=md5')],
    [
      'a q-sign-time that is not a range',
      (auth: string) => auth.replace(/q-sign-time=[^&]+/, 'q-sign-time=soon'),
    ],
    ['an unknown scheme', () => 'Bearer abcdef'],
  ])('returns 403 AccessDenied with a clear message for %s', (_, mangle) => {
    const { authorization, request } = signedPut();
    const error = cosErrorOf(() =>
      authenticateAt(request({ authorization: mangle(authorization) }), new Date()),
    );
    expect([error.code, error.status]).toEqual(['AccessDenied', 403]);
    expect(error.message).toMatch(/^Malformed authorization: /);
  });
});
