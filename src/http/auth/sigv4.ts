import { createHash, createHmac } from 'crypto';
import type { QueryParams } from '../query';
import {
  checkValidityWindow,
  malformedAuthorization,
  MAX_CLOCK_SKEW_SECONDS,
  requestTimeTooSkewed,
  signatureMismatch,
} from './auth-errors';
import { AuthRequest, headerValue, headerValues } from './types';
import { compareBytes, uriEncode } from './uri-encoding';
import { CosError } from '../../errors';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** An AWS Signature V4, from the Authorization header or from a presigned query string. */
export interface SigV4Fields extends SigV4Credential {
  presigned: boolean;
  /** The request time, ISO 8601 basic (`20240101T000000Z`). */
  longDate: string;
  signedHeaders: string[];
  signature: string;
  /** Presigned only: X-Amz-Expires in seconds. */
  expiresSeconds?: number;
}

export function hasSigV4Query(query: QueryParams): boolean {
  return query.has('X-Amz-Signature') || query.has('X-Amz-Algorithm');
}

/** Parses `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
export function parseSigV4Header(authorization: string, request: AuthRequest): SigV4Fields {
  const parts = new Map<string, string>();
  const rest = authorization.trim().slice(SIGV4_ALGORITHM.length);
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = required(parts.get('Credential'), 'Credential');
  const signedHeaders = required(parts.get('SignedHeaders'), 'SignedHeaders');
  const signature = required(parts.get('Signature'), 'Signature');
  return buildFields(false, credential, requestLongDate(request), signedHeaders, signature);
}

/** Reads X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders and -Signature. */
export function readSigV4Query(query: QueryParams): SigV4Fields {
  const algorithm = required(query.get('X-Amz-Algorithm'), 'X-Amz-Algorithm');
  if (algorithm !== SIGV4_ALGORITHM) {
    throw malformedAuthorization(`X-Amz-Algorithm "${algorithm}" is not supported`);
  }
  const fields = buildFields(
    true,
    required(query.get('X-Amz-Credential'), 'X-Amz-Credential'),
    required(query.get('X-Amz-Date'), 'X-Amz-Date'),
    required(query.get('X-Amz-SignedHeaders'), 'X-Amz-SignedHeaders'),
    required(query.get('X-Amz-Signature'), 'X-Amz-Signature'),
  );

  const expires = required(query.get('X-Amz-Expires'), 'X-Amz-Expires');
  const seconds = /^\d+$/.test(expires) ? Number(expires) : NaN;
  if (!(seconds >= 1 && seconds <= MAX_PRESIGNED_SECONDS)) {
    throw malformedAuthorization(`X-Amz-Expires must be from 1 to ${MAX_PRESIGNED_SECONDS}`);
  }
  return { ...fields, expiresSeconds: seconds };
}

/** The access key a SigV4 names, or undefined: for `off` mode, which does not verify. */
export function sigV4SecretId(
  authorization: string | undefined,
  query: QueryParams,
): string | undefined {
  const credential =
    authorization !== undefined
      ? /Credential=([^,\s]*)/.exec(authorization)?.[1]
      : query.get('X-Amz-Credential');
  const secretId = credential?.split('/')[0];
  return secretId || undefined;
}

function buildFields(
  presigned: boolean,
  credential: string,
  longDate: string,
  signedHeaders: string,
  signature: string,
): SigV4Fields {
  const scope = parseSigV4Credential(credential);
  if (!LONG_DATE.test(longDate)) {
    throw malformedAuthorization('the request date must be ISO 8601 basic, e.g. 20240101T000000Z');
  }
  if (!longDate.startsWith(scope.scopeDate)) {
    throw malformedAuthorization(
      `Credential date ${scope.scopeDate} is not the date of ${longDate}`,
    );
  }
  return {
    ...scope,
    presigned,
    longDate,
    signedHeaders: signedHeaders.split(';').filter((name) => name !== ''),
    signature: parseSigV4Signature(signature),
  };
}

export interface SigV4Credential {
  secretId: string;
  /** `<yyyymmdd>/<region>/<service>/aws4_request` */
  scope: string;
  scopeDate: string;
  region: string;
  service: string;
}

/** Splits `<SecretId>/<yyyymmdd>/<region>/s3/aws4_request`. */
export function parseSigV4Credential(credential: string): SigV4Credential {
  const segments = credential.split('/');
  if (segments.length < 5 || segments[segments.length - 1] !== 'aws4_request') {
    throw malformedAuthorization(
      'Credential must be "<SecretId>/<yyyymmdd>/<region>/s3/aws4_request"',
    );
  }
  const [scopeDate, region, service] = segments.slice(-4);
  const secretId = segments.slice(0, -4).join('/');
  if (secretId === '') throw malformedAuthorization('Credential names no SecretId');
  if (!/^\d{8}$/.test(scopeDate)) throw malformedAuthorization('Credential date is not yyyymmdd');
  if (service !== 's3') throw malformedAuthorization(`Credential service "${service}" is not s3`);
  return { secretId, scope: segments.slice(-4).join('/'), scopeDate, region, service };
}

export function parseSigV4Signature(signature: string): string {
  if (!/^[0-9a-f]{64}$/i.test(signature)) {
    throw malformedAuthorization('Signature must be 64 hexadecimal digits');
  }
  return signature.toLowerCase();
}

/** HMAC-SHA256 of `text` under the key derived from the SecretKey and the credential scope. */
export function sigV4Sign(secretKey: string, scope: SigV4Credential, text: string): string {
  const signingKey = [scope.scopeDate, scope.region, scope.service, 'aws4_request'].reduce<
    Buffer | string
  >((key, part) => hmacSha256(key, part), 'AWS4' + secretKey);
  return hmacSha256(signingKey, text).toString('hex');
}

/** Header-signed requests carry their time in x-amz-date, or else in Date. */
function requestLongDate(request: AuthRequest): string {
  const amzDate = headerValue(request.headers, 'x-amz-date');
  if (amzDate !== undefined) return amzDate.trim();
  const date = headerValue(request.headers, 'date');
  if (date === undefined) throw malformedAuthorization('missing x-amz-date (or Date) header');
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) throw malformedAuthorization('Date header is not a date');
  return parsed
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Header signatures must be within 15 min of the clock either way; presigned ones must be
 * inside [X-Amz-Date, X-Amz-Date + X-Amz-Expires], allowing the same skew at the start.
 */
export function checkSigV4Time(fields: SigV4Fields, now: Date): void {
  const [, y, mo, d, h, mi, s] = LONG_DATE.exec(fields.longDate) ?? [];
  const signedAt = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) / 1000;

  if (fields.presigned) {
    const end = signedAt + (fields.expiresSeconds ?? 0);
    checkValidityWindow(signedAt, end, now, {
      'X-Amz-Expires': String(fields.expiresSeconds),
      Expires: new Date(end * 1000).toISOString(),
    });
    return;
  }

  const nowSeconds = now.getTime() / 1000;
  if (Math.abs(nowSeconds - signedAt) > MAX_CLOCK_SKEW_SECONDS) {
    throw requestTimeTooSkewed(now, { RequestTime: fields.longDate });
  }
}

/** Rebuilds the S3 canonical request and throws SignatureDoesNotMatch if it does not match. */
export function verifySigV4(fields: SigV4Fields, request: AuthRequest, secretKey: string): void {
  const canonicalRequest = [
    request.method.toUpperCase(),
    // S3 signs the path as sent, without the second encoding other AWS services apply.
    request.target.rawPath || '/',
    canonicalQuery(request.target.query),
    fields.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(name, request)}\n`).join(''),
    fields.signedHeaders.join(';'),
    payloadHash(fields, request),
  ].join('\n');
  const stringToSign = [
    SIGV4_ALGORITHM,
    fields.longDate,
    fields.scope,
    sha256Hex(canonicalRequest),
  ].join('\n');

  if (sigV4Sign(secretKey, fields, stringToSign) === fields.signature) return;

  throw signatureMismatch({
    AWSAccessKeyId: fields.secretId,
    SignatureProvided: fields.signature,
    StringToSign: stringToSign,
    CanonicalRequest: canonicalRequest,
  });
}

/** Every parameter but X-Amz-Signature, RFC 3986 encoded, sorted by name then value. */
function canonicalQuery(query: QueryParams): string {
  return query.pairs
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => {
      return compareBytes(nameA, nameB) || compareBytes(valueA, valueB);
    })
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalHeaderValue(name: string, request: AuthRequest): string {
  const values =
    name === 'host' ? [request.target.hostHeader] : headerValues(request.headers, name);
  return values.map((value) => value.trim().replace(/\s+/g, ' ')).join(',');
}

function payloadHash(fields: SigV4Fields, request: AuthRequest): string {
  if (fields.presigned) return UNSIGNED_PAYLOAD;
  const declared = headerValue(request.headers, 'x-amz-content-sha256');
  // S3 refuses a header-signed request without it; so do we (400, as S3 answers).
  if (declared === undefined) {
    throw new CosError(
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256',
    );
  }
  return declared.trim();
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw malformedAuthorization(`missing ${name}`);
  return value;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmacSha256(key: Buffer | string, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
