import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { RequestContext } from './context';
import { buildXml, XmlObject } from './xml';

export type Headers = Record<string, string | undefined>;

function setHeaders(ctx: RequestContext, headers: Headers): void {
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) ctx.res.setHeader(name, value);
  }
}

/** An XML document response. */
export function sendXml(
  ctx: RequestContext,
  root: string,
  content: XmlObject,
  headers: Headers = {},
  status = 200,
): void {
  const body = buildXml(root, content);
  setHeaders(ctx, headers);
  ctx.res.status(status);
  ctx.res.setHeader('Content-Type', 'application/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(body));
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
}

/** A response without a body (200 on PUTs, 204 on DELETEs). */
export function sendEmpty(ctx: RequestContext, status = 200, headers: Headers = {}): void {
  setHeaders(ctx, headers);
  ctx.res.status(status);
  ctx.res.setHeader('Content-Length', '0');
  ctx.res.end();
}

/** Streams a body; HEAD sends the headers only. */
export async function sendStream(
  ctx: RequestContext,
  status: number,
  headers: Headers,
  body: Readable | undefined,
): Promise<void> {
  setHeaders(ctx, headers);
  ctx.res.status(status);
  if (!body || ctx.req.method === 'HEAD') {
    body?.destroy();
    ctx.res.end();
    return;
  }
  await pipeline(body, ctx.res);
}

/** ISO-8601 with milliseconds, as object listings use. */
export function isoMillis(date: Date): string {
  return date.toISOString();
}

/** ISO-8601 without milliseconds, as GET Service and some results use. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function quoteEtag(etag: string): string {
  return `"${etag}"`;
}
