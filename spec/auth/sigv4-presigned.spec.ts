import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import {
  authenticateAt,
  BUCKET,
  cosErrorOf,
  minutesFrom,
  requestFor,
  SECRET_ID,
  signedAs,
} from './auth-support';
import { ENDPOINT_HOST, signer, wireUrl } from './sigv4-support';

const WIRE_PATH = `/${BUCKET}/dir/a%20b%2Bc%20%C3%BC.txt`;

/**
 * Presigns a GET the way @aws-sdk/s3-request-presigner does: the payload is UNSIGNED-PAYLOAD,
 * carried in a header that is neither signed nor hoisted into the query.
 */
function presign(
  options: { query?: QueryParameterBag; expiresIn?: number; signingDate?: Date } = {},
  accessKeyId?: string,
): Promise<HttpRequest> {
  return signer(accessKeyId).presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 9000,
      path: WIRE_PATH,
      query: { 'x-id': 'GetObject', ...options.query },
      headers: { host: ENDPOINT_HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    },
    {
      expiresIn: options.expiresIn ?? 900,
      signingDate: options.signingDate,
      unsignableHeaders: new Set(['x-amz-content-sha256']),
      unhoistableHeaders: new Set(['x-amz-content-sha256']),
    },
  );
}

const get = (url: string) => requestFor('GET', url);

describe('AWS SigV4 in a presigned URL', () => {
  it('accepts a presigned GET of a key with spaces, + and unicode', async () => {
    const url = wireUrl(await presign());
    expect(url).toContain('X-Amz-Signature=');
    expect(url).toContain('X-Amz-SignedHeaders=host');
    expect(authenticateAt(get(url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts signed response-* and repeated parameters', async () => {
    const query = { 'response-content-type': 'text/plain; charset=utf-8', tag: ['b', 'a+c'] };
    const url = wireUrl(await presign({ query }));
    expect(authenticateAt(get(url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('accepts an x-cos-security-token that was signed into the URL', async () => {
    const url = wireUrl(await presign({ query: { 'x-cos-security-token': 'token' } }));
    expect(authenticateAt(get(url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('returns SignatureDoesNotMatch when a signed parameter is changed', async () => {
    const url = wireUrl(await presign({ query: { 'response-content-type': 'text/plain' } }));
    const changed = url.replace('text%2Fplain', 'text%2Fhtml');
    const error = cosErrorOf(() => authenticateAt(get(changed), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.details.CanonicalRequest).toContain('\nUNSIGNED-PAYLOAD');
  });

  it('returns SignatureDoesNotMatch when the path is changed', async () => {
    const url = wireUrl(await presign()).replace('%C3%BC', 'u');
    const error = cosErrorOf(() => authenticateAt(get(url), new Date()));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('returns AccessDenied "Request has expired" after X-Amz-Expires', async () => {
    const url = wireUrl(await presign({ expiresIn: 60 }));
    const error = cosErrorOf(() => authenticateAt(get(url), minutesFrom(new Date(), 2)));
    expect([error.code, error.status, error.message]).toEqual([
      'AccessDenied',
      403,
      'Request has expired',
    ]);
  });

  it('accepts a URL whose X-Amz-Date is a few minutes ahead of the clock', async () => {
    const url = wireUrl(await presign({ signingDate: minutesFrom(new Date(), 5) }));
    expect(authenticateAt(get(url), new Date())).toEqual(signedAs(SECRET_ID));
  });

  it('returns RequestTimeTooSkewed when X-Amz-Date is over 15 minutes ahead', async () => {
    const url = wireUrl(await presign({ signingDate: minutesFrom(new Date(), 30) }));
    const error = cosErrorOf(() => authenticateAt(get(url), new Date()));
    expect([error.code, error.status]).toEqual(['RequestTimeTooSkewed', 403]);
  });

  it('returns InvalidAccessKeyId for an unknown access key', async () => {
    const url = wireUrl(await presign({}, 'AKIDUNKNOWN'));
    const error = cosErrorOf(() => authenticateAt(get(url), new Date()));
    expect(error.code).toBe('InvalidAccessKeyId');
  });

  it.each([
    ['X-Amz-Credential', /&X-Amz-Credential=[^&]+/],
    ['X-Amz-Expires', /&X-Amz-Expires=[^&]+/],
    ['X-Amz-SignedHeaders', /&X-Amz-SignedHeaders=[^&]+/],
  ])('returns AccessDenied naming a missing %s', async (name, pattern) => {
    const url = wireUrl(await presign()).replace(pattern, '');
    const error = cosErrorOf(() => authenticateAt(get(url), new Date()));
    expect([error.code, error.message]).toEqual([
      'AccessDenied',
      `Malformed authorization: missing ${name}`,
    ]);
  });
});
