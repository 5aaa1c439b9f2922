import {
  checkCorsConfiguration,
  CorsConfiguration,
  CorsRule,
  matchCorsRule,
} from '../../core/buckets/cors-rules';
import { CosError } from '../../errors';
import { corsResponseHeaders } from '../cors';
import { RequestContext } from '../context';
import { readXmlBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';
import { XmlElement } from '../xml';

export async function putBucketCors(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const document = await readXmlBody(ctx, 'CORSConfiguration');
  const rules = document.all('CORSRule').map(parseRule);
  const responseVary = document.textOf('ResponseVary');
  if (responseVary !== undefined && !['true', 'false'].includes(responseVary)) {
    throw new CosError('MalformedXML', 'ResponseVary is true or false.');
  }
  bucket.cors = checkCorsConfiguration({ rules, responseVary });
  sendEmpty(ctx, 200);
}

export async function getBucketCors(ctx: RequestContext): Promise<void> {
  const config = ctx.bucket().cors;
  if (!config) throw new CosError('NoSuchCORSConfiguration');
  sendXml(ctx, 'CORSConfiguration', {
    CORSRule: config.rules.map((rule) => ({
      ID: rule.id,
      AllowedOrigin: rule.allowedOrigins,
      AllowedMethod: rule.allowedMethods,
      AllowedHeader: nonEmpty(rule.allowedHeaders),
      ExposeHeader: nonEmpty(rule.exposeHeaders),
      MaxAgeSeconds: rule.maxAgeSeconds,
    })),
    ResponseVary: config.responseVary,
  });
}

export async function deleteBucketCors(ctx: RequestContext): Promise<void> {
  ctx.bucket().cors = undefined;
  sendEmpty(ctx, 204);
}

/**
 * OPTIONS Object: a browser's CORS preflight, answered from the bucket's rules. No matching rule
 * (or no configuration) is 403, which browsers turn into a CORS failure.
 */
export async function optionsObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const origin = ctx.header('origin');
  const method = ctx.header('access-control-request-method');
  if (origin === undefined || method === undefined) {
    throw new CosError(
      'InvalidRequest',
      'A preflight needs the Origin and Access-Control-Request-Method headers.',
    );
  }
  const headers = (ctx.header('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const rule = matchCorsRule(bucket.cors, { origin, method, headers });
  if (!rule) throw new CosError('AccessForbidden');
  sendEmpty(ctx, 200, {
    ...corsResponseHeaders(bucket.cors as CorsConfiguration, rule, origin),
    'Access-Control-Allow-Headers': headers.length > 0 ? headers.join(',') : undefined,
  });
}

function parseRule(element: XmlElement): CorsRule {
  const texts = (name: string) => element.all(name).map((e) => e.text.trim());
  const allowedOrigins = texts('AllowedOrigin');
  const allowedMethods = texts('AllowedMethod').map((m) => m.toUpperCase());
  const maxAge = element.textOf('MaxAgeSeconds');
  if (maxAge !== undefined && !/^\d+$/.test(maxAge.trim())) {
    throw new CosError('MalformedXML', 'MaxAgeSeconds is a whole number of seconds.');
  }
  return {
    id: element.textOf('ID'),
    allowedOrigins,
    allowedMethods,
    allowedHeaders: texts('AllowedHeader'),
    exposeHeaders: texts('ExposeHeader'),
    maxAgeSeconds: maxAge === undefined ? undefined : Number(maxAge),
  };
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}
