import { notImplemented } from '../../errors';
import { malformedAuthorization, unknownSecretId } from './auth-errors';
import type { CredentialStore } from './credential-store';
import {
  checkQSignTime,
  hasQSignQuery,
  parseQSignHeader,
  qSignSecretId,
  readQSignQuery,
  verifyQSign,
} from './q-sign';
import {
  checkSigV4Time,
  hasSigV4Query,
  parseSigV4Header,
  readSigV4Query,
  SIGV4_ALGORITHM,
  sigV4SecretId,
  verifySigV4,
} from './sigv4';
import { AuthRequest, AuthSettings, headerValue, Principal } from './types';

export type { AuthRequest, AuthSettings, Principal } from './types';
export type { CredentialStore } from './credential-store';
export { StaticCredentialStore } from './credential-store';

type Scheme = 'q-sign-header' | 'q-sign-query' | 'sigv4-header' | 'sigv4-query' | 'none';

/**
 * Verifies the signature of one request and says who sent it. Throws a CosError when the request
 * is signed but the signature is malformed, unknown, expired or wrong. An unsigned request is
 * anonymous: whether that is allowed is for the bucket's ACL to decide, not for this function.
 * `x-cos-security-token` (header or query) is accepted with any value: no STS is emulated.
 */
export function authenticate(request: AuthRequest, settings: AuthSettings): Principal {
  const authorization = nonEmpty(headerValue(request.headers, 'authorization'));
  if (settings.mode === 'off') return unverifiedPrincipal(authorization, request);
  const scheme = detectScheme(authorization, request);
  if (scheme === 'none') return { kind: 'anonymous' };

  const now = settings.now();
  switch (scheme) {
    case 'q-sign-header':
    case 'q-sign-query': {
      const fields =
        scheme === 'q-sign-header'
          ? parseQSignHeader(authorization ?? '')
          : readQSignQuery(request.target.query);
      const secretKey = secretKeyOf(fields.secretId, settings.credentials);
      checkQSignTime(fields, now);
      verifyQSign(fields, request, secretKey);
      return { kind: 'signed', secretId: fields.secretId };
    }
    case 'sigv4-header':
    case 'sigv4-query': {
      const fields =
        scheme === 'sigv4-header'
          ? parseSigV4Header(authorization ?? '', request)
          : readSigV4Query(request.target.query);
      const secretKey = secretKeyOf(fields.secretId, settings.credentials);
      checkSigV4Time(fields, now);
      verifySigV4(fields, request, secretKey);
      return { kind: 'signed', secretId: fields.secretId };
    }
  }
}

/**
 * A request with an Authorization header is judged by the header alone, even if its query also
 * looks presigned (S3 would refuse the mix; COS does not say, so we take the stronger form).
 */
function detectScheme(authorization: string | undefined, request: AuthRequest): Scheme {
  const { query } = request.target;
  if (authorization === undefined) {
    if (hasQSignQuery(query)) return 'q-sign-query';
    if (hasSigV4Query(query)) return 'sigv4-query';
    if (query.has('AWSAccessKeyId') && query.has('Signature')) {
      throw notImplemented('AWS Signature Version 2 (presigned)');
    }
    return 'none';
  }

  if (authorization.startsWith(SIGV4_ALGORITHM + ' ')) return 'sigv4-header';
  if (/^q-[a-z-]+=/i.test(authorization)) return 'q-sign-header';
  if (authorization.startsWith('AWS ')) throw notImplemented('AWS Signature Version 2');
  throw malformedAuthorization(
    `unsupported scheme (expected q-sign-algorithm=sha1&... or ${SIGV4_ALGORITHM})`,
  );
}

/**
 * `off` mode: nothing is checked and nothing is refused, not even a malformed Authorization, but
 * the SecretId a request names (q-ak or the SigV4 credential) is kept, for ACLs and logs.
 */
function unverifiedPrincipal(authorization: string | undefined, request: AuthRequest): Principal {
  const { query } = request.target;
  const secretId = qSignSecretId(authorization, query) ?? sigV4SecretId(authorization, query);
  return secretId === undefined ? { kind: 'anonymous' } : { kind: 'signed', secretId };
}

function secretKeyOf(secretId: string, credentials: CredentialStore): string {
  const secretKey = credentials.secretKeyFor(secretId);
  if (secretKey === undefined) throw unknownSecretId(secretId);
  return secretKey;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}
