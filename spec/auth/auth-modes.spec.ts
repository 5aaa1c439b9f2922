import COS from 'cos-nodejs-sdk-v5';
import {
  authenticateAt,
  BUCKET_HOST,
  cosErrorOf,
  minutesFrom,
  requestFor,
  SECRET_ID,
  SECRET_KEY,
  signedAs,
} from './auth-support';

const ANONYMOUS = { kind: 'anonymous' };

function signedGet(secretId = SECRET_ID) {
  const authorization = COS.getAuthorization({
    SecretId: secretId,
    SecretKey: SECRET_KEY,
    Method: 'get',
    Key: 'k',
    Headers: { Host: BUCKET_HOST },
  });
  return (extra: Record<string, string> = {}) =>
    requestFor('GET', `http://${BUCKET_HOST}/k`, { authorization, ...extra });
}

describe('authenticate() modes and unsigned requests', () => {
  it('returns anonymous for a request with no Authorization and no signature query', () => {
    const request = requestFor('GET', `http://${BUCKET_HOST}/k?versionId=1&acl`);
    expect(authenticateAt(request, new Date())).toEqual(ANONYMOUS);
  });

  it('treats an empty Authorization header as unsigned', () => {
    const request = requestFor('GET', `http://${BUCKET_HOST}/k`, { authorization: '  ' });
    expect(authenticateAt(request, new Date())).toEqual(ANONYMOUS);
  });

  it('answers 501 NotImplemented for AWS Signature Version 2', () => {
    const request = requestFor('GET', `http://${BUCKET_HOST}/k`, {
      authorization: 'AWS AKIDEXAMPLE:c2lnbmF0dXJl',
    });
    const error = cosErrorOf(() => authenticateAt(request, new Date()));
    expect([error.code, error.status]).toEqual(['NotImplemented', 501]);
  });

  describe('in off mode', () => {
    it('accepts a wrong signature and keeps the SecretId it names', () => {
      const request = signedGet()({ 'content-type': 'ignored' });
      const authorization = String(request.headers.authorization);
      request.headers.authorization = authorization.replace(/q-signature=\w+/, 'q-signature=0');
      expect(authenticateAt(request, new Date(), 'off')).toEqual(signedAs(SECRET_ID));
    });

    it('accepts an unknown SecretId and an expired signature', () => {
      const request = signedGet('AKIDNOBODY')();
      expect(authenticateAt(request, minutesFrom(new Date(), 60), 'off')).toEqual(
        signedAs('AKIDNOBODY'),
      );
    });

    it('accepts a malformed Authorization as anonymous', () => {
      const request = requestFor('GET', `http://${BUCKET_HOST}/k`, { authorization: 'Bearer x' });
      expect(authenticateAt(request, new Date(), 'off')).toEqual(ANONYMOUS);
    });

    it('takes the SecretId from a presigned SigV4 credential', () => {
      const url =
        `http://127.0.0.1:9000/b-1250000000/k?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
        `&X-Amz-Credential=AKIDSOMEONE%2F20240101%2Fap-guangzhou%2Fs3%2Faws4_request` +
        `&X-Amz-Signature=bad`;
      expect(authenticateAt(requestFor('GET', url), new Date(), 'off')).toEqual(
        signedAs('AKIDSOMEONE'),
      );
    });

    it('still returns anonymous for an unsigned request', () => {
      const request = requestFor('GET', `http://${BUCKET_HOST}/k`);
      expect(authenticateAt(request, new Date(), 'off')).toEqual(ANONYMOUS);
    });
  });
});
