import { CosError } from '../../errors';

/** One `<CORSRule>` of a bucket's CORS configuration. */
export interface CorsRule {
  id?: string;
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

/** A bucket's `/?cors` configuration. */
export interface CorsConfiguration {
  rules: CorsRule[];
  /** `<ResponseVary>`: whether responses carry `Vary: Origin, ...` (`true`/`false`). */
  responseVary?: string;
}

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

const MAX_RULES = 100;

/**
 * The checks of PUT Bucket cors, for every way a configuration arrives (the API, fixtures).
 * ExposeHeader values go out in `Access-Control-Expose-Headers` on every matching response, so
 * one that no HTTP response can carry is refused here rather than failing those responses.
 */
export function checkCorsConfiguration(config: CorsConfiguration): CorsConfiguration {
  if (config.rules.length === 0 || config.rules.length > MAX_RULES) {
    throw new CosError('MalformedXML', `A CORS configuration holds 1 to ${MAX_RULES} rules.`);
  }
  for (const rule of config.rules) {
    if (rule.allowedOrigins.length === 0 || rule.allowedMethods.length === 0) {
      throw new CosError('MalformedXML', 'Each CORSRule needs AllowedOrigin and AllowedMethod.');
    }
    const unknown = rule.allowedMethods.find((m) => !CORS_METHODS.includes(m));
    if (unknown !== undefined) {
      throw new CosError('InvalidArgument', `Unsupported CORS method: ${unknown}`);
    }
    // Header names are ASCII tokens; the reference names no code, InvalidArgument is ours.
    const unsendable = rule.exposeHeaders.find((name) => /[^\x20-\x7e]/.test(name));
    if (unsendable !== undefined) {
      throw new CosError('InvalidArgument', 'An ExposeHeader holds characters a header cannot.');
    }
  }
  return config;
}

/** What a browser asks for: its origin, the method, and (preflight only) the request headers. */
export interface CorsRequest {
  origin: string;
  method: string;
  headers: string[];
}

/**
 * The first rule that allows the request, as COS evaluates rules in order. Origins and headers
 * may hold one `*` wildcard; headers compare case-insensitively, methods exactly.
 */
export function matchCorsRule(
  config: CorsConfiguration | undefined,
  request: CorsRequest,
): CorsRule | undefined {
  if (!config) return undefined;
  return config.rules.find(
    (rule) =>
      rule.allowedOrigins.some((pattern) => wildcardMatch(pattern, request.origin, false)) &&
      rule.allowedMethods.includes(request.method.toUpperCase()) &&
      request.headers.every((header) =>
        rule.allowedHeaders.some((pattern) => wildcardMatch(pattern, header, true)),
      ),
  );
}

function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}
