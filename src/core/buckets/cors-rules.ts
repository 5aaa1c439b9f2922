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
