import { CorsConfiguration, CorsRule, matchCorsRule } from '../core/buckets/cors-rules';
import { RequestContext } from './context';
import { Headers } from './respond';

/**
 * Adds CORS headers to a response when the request has an Origin that one of the bucket's CORS
 * rules allows for its method. Runs before the handler and again when a request fails, so that a
 * browser page can read COS errors too. Never throws: a missing bucket just gets no headers.
 */
export function applyCorsHeaders(ctx: RequestContext): void {
  const origin = ctx.header('origin');
  if (origin === undefined || ctx.req.method === 'OPTIONS' || ctx.res.headersSent) return;
  const name = ctx.target.bucket;
  const bucket = name ? ctx.service.findBucket(name, ctx.target.region) : undefined;
  if (!bucket?.cors) return;
  const rule = matchCorsRule(bucket.cors, { origin, method: ctx.req.method ?? 'GET', headers: [] });
  if (!rule) return;
  for (const [header, value] of Object.entries(corsResponseHeaders(bucket.cors, rule, origin))) {
    if (value !== undefined) ctx.res.setHeader(header, value);
  }
}

/** The Access-Control-* headers a matched rule grants; the origin is echoed, never `*`. */
export function corsResponseHeaders(
  config: CorsConfiguration,
  rule: CorsRule,
  origin: string,
): Headers {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': rule.allowedMethods.join(','),
    'Access-Control-Expose-Headers':
      rule.exposeHeaders.length > 0 ? rule.exposeHeaders.join(',') : undefined,
    'Access-Control-Max-Age':
      rule.maxAgeSeconds === undefined ? undefined : String(rule.maxAgeSeconds),
    // Echoing the origin makes the response depend on it, so caches must key on it.
    Vary: config.responseVary === 'false' ? undefined : 'Origin',
  };
}
