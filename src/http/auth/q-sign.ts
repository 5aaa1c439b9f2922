import { createHash, createHmac } from 'crypto';
import type { QueryParams } from '../query';
import { checkValidityWindow, malformedAuthorization, signatureMismatch } from './auth-errors';
import { AuthRequest, headerValues } from './types';
import { compareBytes, percentDecode, uriEncode } from './uri-encoding';

/** The seven pairs of a COS signature, whether sent in Authorization or in the query. */
export const Q_SIGN_PARAMS = [
  'q-sign-algorithm',
  'q-ak',
  'q-sign-time',
  'q-key-time',
  'q-header-list',
  'q-url-param-list',
  'q-signature',
] as const;

export interface QSignFields {
  secretId: string;
  signTime: string;
  keyTime: string;
  /** Names as the client listed them: UrlEncoded, lower case, in its order. */
  headerList: string[];
  paramList: string[];
  signature: string;
}

/** What a verification computed, for the SignatureDoesNotMatch body. */
interface QSignComputation {
  formatString: string;
  stringToSign: string;
  signature: string;
}

export const TIME_RANGE = /^(\d+);(\d+)$/;

export function hasQSignQuery(query: QueryParams): boolean {
  return query.has('q-signature') || query.has('q-ak') || query.has('q-sign-algorithm');
}

/** Parses `q-sign-algorithm=sha1&q-ak=...&...&q-signature=...` from the Authorization header. */
export function parseQSignHeader(authorization: string): QSignFields {
  const pairs = new Map<string, string>();
  for (const part of authorization.trim().split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return readFields((name) => pairs.get(name));
}

/** Reads the q-* parameters of a presigned URL (QueryParams has already decoded them once). */
export function readQSignQuery(query: QueryParams): QSignFields {
  return readFields((name) => query.get(name));
}

/** The SecretId a q-sign names, or undefined: for `off` mode, which does not verify. */
export function qSignSecretId(
  authorization: string | undefined,
  query: QueryParams,
): string | undefined {
  if (authorization !== undefined) {
    const match = /(?:^|&)\s*q-ak=([^&]*)/i.exec(authorization);
    return match ? percentDecode(match[1]).trim() || undefined : undefined;
  }
  return query.get('q-ak') || undefined;
}

function readFields(lookup: (name: string) => string | undefined): QSignFields {
  const missing = Q_SIGN_PARAMS.filter(
    (name) => lookup(name) === undefined && !name.endsWith('-list'),
  );
  if (missing.length > 0) throw malformedAuthorization(`missing ${missing.join(', ')}`);

  const algorithm = percentDecode(lookup('q-sign-algorithm') ?? '').toLowerCase();
  if (algorithm !== 'sha1') {
    throw malformedAuthorization(`q-sign-algorithm "${algorithm}" is not supported (use sha1)`);
  }

  const fields: QSignFields = {
    secretId: percentDecode(lookup('q-ak') ?? ''),
    signTime: percentDecode(lookup('q-sign-time') ?? ''),
    keyTime: percentDecode(lookup('q-key-time') ?? ''),
    // Clients that sign nothing may leave the lists out entirely; treat that as empty lists.
    headerList: parseNameList(lookup('q-header-list') ?? ''),
    paramList: parseNameList(lookup('q-url-param-list') ?? ''),
    signature: percentDecode(lookup('q-signature') ?? '').toLowerCase(),
  };
  if (fields.secretId === '') throw malformedAuthorization('q-ak is empty');
  if (!TIME_RANGE.test(fields.signTime)) {
    throw malformedAuthorization('q-sign-time must be "<start>;<end>" in Unix seconds');
  }
  if (!TIME_RANGE.test(fields.keyTime)) {
    throw malformedAuthorization('q-key-time must be "<start>;<end>" in Unix seconds');
  }
  if (!/^[0-9a-f]{40}$/.test(fields.signature)) {
    throw malformedAuthorization('q-signature must be 40 hexadecimal digits');
  }
  return fields;
}

/**
 * Splits a `;` list into names normalised to the client's form (UrlEncoded, lower case). Node's
 * getObjectUrl encodes the whole list a second time (`a%3bb`), so a list without a raw `;` but
 * with an encoded one is decoded first.
 */
function parseNameList(text: string): string[] {
  const list = !text.includes(';') && /%3b/i.test(text) ? percentDecode(text) : text;
  return list
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => uriEncode(percentDecode(name)).toLowerCase());
}

/** Throws AccessDenied/RequestTimeTooSkewed when now is outside q-sign-time. */
export function checkQSignTime(fields: QSignFields, now: Date): void {
  const [, start, end] = TIME_RANGE.exec(fields.signTime) ?? [];
  const startSeconds = Number(start);
  const endSeconds = Number(end);
  if (startSeconds > endSeconds) {
    throw malformedAuthorization('q-sign-time starts after it ends');
  }
  checkValidityWindow(startSeconds, endSeconds, now, { SignTime: fields.signTime });
}

/**
 * Rebuilds the signature and throws SignatureDoesNotMatch unless one accepted form matches.
 * Accepted: the path without `/<bucket>` (what the SDKs sign in path style, reference 1.5 b) or
 * the full decoded path (what other clients sign); q-sign-time in StringToSign, or q-key-time
 * (the Go SDK's choice, reference 2.1 step 6).
 */
export function verifyQSign(fields: QSignFields, request: AuthRequest, secretKey: string): void {
  const { target } = request;
  const paths = unique([target.signedPath, percentDecode(target.rawPath || '/')]);
  const times = unique([fields.signTime, fields.keyTime]);

  let first: QSignComputation | undefined;
  for (const path of paths) {
    for (const time of times) {
      const computed = computeQSign(fields, request, path, time, secretKey);
      first ??= computed;
      if (computed.signature === fields.signature) return;
    }
  }

  throw signatureMismatch({
    SignatureProvided: fields.signature,
    StringToSign: first?.stringToSign ?? '',
    FormatString: first?.formatString ?? '',
  });
}

function computeQSign(
  fields: QSignFields,
  request: AuthRequest,
  path: string,
  time: string,
  secretKey: string,
): QSignComputation {
  const formatString = [
    request.method.toLowerCase(),
    path,
    formatParameters(fields.paramList, request.target.query),
    formatHeaders(fields.headerList, request),
    '',
  ].join('\n');
  const stringToSign = ['sha1', time, sha1Hex(formatString), ''].join('\n');
  const signKey = hmacSha1Hex(secretKey, fields.keyTime);
  return { formatString, stringToSign, signature: hmacSha1Hex(signKey, stringToSign) };
}

/** `name=value` pairs for the listed parameters; a repeated name gives one pair per value. */
function formatParameters(paramList: string[], query: QueryParams): string {
  const valuesByName = new Map<string, string[]>();
  for (const [name, value] of query.pairs) {
    // The signature's own parameters cannot be signed; everything else may be, if listed.
    if ((Q_SIGN_PARAMS as readonly string[]).includes(name)) continue;
    const listedName = uriEncode(name).toLowerCase();
    const values = valuesByName.get(listedName) ?? [];
    values.push(value);
    valuesByName.set(listedName, values);
  }
  return formatPairs(paramList, (name) => valuesByName.get(name) ?? []);
}

function formatHeaders(headerList: string[], request: AuthRequest): string {
  return formatPairs(headerList, (name) => {
    // The Host the client addressed: the absolute-form authority when there was one.
    if (name === 'host') return [request.target.hostHeader];
    return headerValues(request.headers, percentDecode(name));
  });
}

/**
 * A name listed n times (the Go SDK lists a repeated parameter once per value) contributes all
 * its values once, sorted as the Go SDK sorts them. A listed name the request lacks counts as
 * an empty value (reference 2.2).
 */
function formatPairs(list: string[], valuesOf: (name: string) => string[]): string {
  const pairs: string[] = [];
  list.forEach((name, index) => {
    if (index > 0 && list[index - 1] === name) return;
    const values = valuesOf(name);
    const sorted = values.length === 0 ? [''] : [...values].sort(compareBytes);
    for (const value of sorted) pairs.push(`${name}=${uriEncode(value)}`);
  });
  return pairs.join('&');
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export function hmacSha1Hex(key: string, text: string): string {
  return createHmac('sha1', key).update(text, 'utf8').digest('hex');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
