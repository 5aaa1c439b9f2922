import { createHash, createHmac } from 'crypto';
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

function sdk(options: { Domain?: string } = {}): COS {
  return new COS({
    SecretId: SECRET_ID,
    SecretKey: SECRET_KEY,
    Protocol: 'http:',
    Ip: '127.0.0.1:9000',
    ...options,
  });
}

function presignedUrl(cos: COS, params: Partial<COS.GetObjectUrlParams> = {}): string {
  return cos.getObjectUrl({ Bucket: BUCKET, Region: 'ap-guangzhou', Key: KEY, ...params });
}

function presignedUrlAsync(cos: COS, params: Partial<COS.GetObjectUrlParams>): Promise<string> {
  return new Promise((resolve, reject) => {
    cos.getObjectUrl(
      { Bucket: BUCKET, Region: 'ap-guangzhou', Key: KEY, ...params },
      (err, data) => (err ? reject(err) : resolve(data.Url)),
    );
  });
}

const RESPONSE_QUERY = {
  'response-content-type': 'text/plain',
  'response-cache-control': 'no-cache',
};

describe('q-sign in a presigned URL', () => {
  it('accepts a getObjectUrl URL for a key with spaces, + and unicode', () => {
    const url = presignedUrl(sdk());
    const expectedStart = `http://${BUCKET_HOST}/dir/a%20b%2Bc%20%C3%BC.txt?q-sign-algorithm=`;
    expect(url.startsWith(expectedStart)).toBe(true);
    expect(authenticateAt(requestFor('GET', url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts signed response-* parameters in the synchronous URL (raw ; in the lists)', () => {
    const url = presignedUrl(sdk(), { Query: RESPONSE_QUERY });
    expect(url).toContain('q-url-param-list=response-cache-control;response-content-type');
    expect(authenticateAt(requestFor('GET', url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts the callback URL, whose q-url-param-list is encoded twice', async () => {
    const url = await presignedUrlAsync(sdk(), { Query: RESPONSE_QUERY });
    expect(url).toContain('q-url-param-list=response-cache-control%3bresponse-content-type');
    expect(authenticateAt(requestFor('GET', url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts a path-style URL signed without the bucket prefix', () => {
    const url = presignedUrl(sdk({ Domain: '127.0.0.1:9000/{Bucket}' }));
    expect(url.startsWith(`http://127.0.0.1:9000/${BUCKET}/dir/`)).toBe(true);
    expect(authenticateAt(requestFor('GET', url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts an x-cos-security-token appended to the URL, which is not signed', () => {
    const url = presignedUrl(sdk()) + '&x-cos-security-token=temporary-token';
    expect(authenticateAt(requestFor('GET', url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('returns SignatureDoesNotMatch when a signed parameter is changed', () => {
    const url = presignedUrl(sdk(), { Query: RESPONSE_QUERY });
    const changed = url.replace('text%2Fplain', 'text%2Fhtml');
    const error = cosErrorOf(() => authenticateAt(requestFor('GET', changed), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.details.FormatString).toContain('response-content-type=text%2Fhtml');
  });

  it('returns SignatureDoesNotMatch when the URL is used for another method', () => {
    const error = cosErrorOf(() =>
      authenticateAt(requestFor('DELETE', presignedUrl(sdk())), new Date()),
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('returns AccessDenied "Request has expired" after Expires has passed', () => {
    const url = presignedUrl(sdk(), { Expires: 60 });
    const later = minutesFrom(new Date(), 2);
    const error = cosErrorOf(() => authenticateAt(requestFor('GET', url), later));
    expect([error.code, error.message]).toEqual(['AccessDenied', 'Request has expired']);
  });

  it('returns InvalidAccessKeyId for a URL signed with an unknown SecretId', () => {
    const cos = new COS({ SecretId: 'AKIDNOBODY', SecretKey: 'x', Protocol: 'http:' });
    const url = presignedUrl(cos);
    const error = cosErrorOf(() => authenticateAt(requestFor('GET', url), new Date()));
    expect(error.code).toBe('InvalidAccessKeyId');
  });

  it('returns AccessDenied for a URL that lacks q-key-time', () => {
    const url = presignedUrl(sdk()).replace(/&q-key-time=[^&]+/, '');
    const error = cosErrorOf(() => authenticateAt(requestFor('GET', url), new Date()));
    expect([error.code, error.message]).toEqual([
      'AccessDenied',
      'Malformed authorization: missing q-key-time',
    ]);
  });

  it('accepts a repeated parameter signed the Go SDK way (listed per value, sorted)', () => {
    // The Node SDK cannot send a repeated parameter; this follows cos-go-sdk-v5's auth.go.
    const time = `${Math.floor(Date.now() / 1000) - 1};${Math.floor(Date.now() / 1000) + 900}`;
    const formatString = `get\n/${KEY}\ntag=a%20b&tag=c\nhost=${encodeURIComponent(BUCKET_HOST)}\n`;
    const signKey = createHmac('sha1', SECRET_KEY).update(time).digest('hex');
    const formatHash = createHash('sha1').update(formatString).digest('hex');
    const stringToSign = `sha1\n${time}\n${formatHash}\n`;
    const signature = createHmac('sha1', signKey).update(stringToSign).digest('hex');
    const auth =
      `q-sign-algorithm=sha1&q-ak=${SECRET_ID}&q-sign-time=${time}&q-key-time=${time}` +
      `&q-header-list=host&q-url-param-list=tag;tag&q-signature=${signature}`;

    const url = `http://${BUCKET_HOST}/dir/a%20b%2Bc%20%C3%BC.txt?tag=c&tag=a%20b&${auth}`;
    expect(authenticateAt(requestFor('GET', url), new Date())).toEqual(signedAs(SECRET_ID));

    const dropped = url.replace('tag=c&', '');
    const error = cosErrorOf(() => authenticateAt(requestFor('GET', dropped), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });
});
