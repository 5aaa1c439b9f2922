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

/**
 * Fixes the header block before any body goes out. Header values are wire bytes, one per
 * character (header-text.ts); Node sends them so only when the block is built on its own: built
 * by end(body) it re-encodes Content-Disposition, and joined to a string body it takes the
 * body's encoding.
 */
function writeHead(ctx: RequestContext, status: number): void {
  ctx.res.writeHead(status);
}

/** An XML document response. */
export function sendXml(
  ctx: RequestContext,
  root: string,
  content: XmlObject,
  headers: Headers = {},
  status = 200,
): void {
  const body = Buffer.from(buildXml(root, content));
  setHeaders(ctx, headers);
  ctx.res.setHeader('Content-Type', 'application/xml');
  ctx.res.setHeader('Content-Length', body.length);
  writeHead(ctx, status);
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
}

/** A response without a body (200 on PUTs, 204 on DELETEs). */
export function sendEmpty(ctx: RequestContext, status = 200, headers: Headers = {}): void {
  setHeaders(ctx, headers);
  ctx.res.statusCode = status;
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
  if (!body || ctx.req.method === 'HEAD') {
    body?.destroy();
    setHeaders(ctx, headers);
    ctx.res.statusCode = status;
    ctx.res.end();
    return;
  }
  // The first chunk is read before the status goes out, so a body that cannot be read at all
  // (say, stored bytes that fail authentication) still gets a proper <Error> response.
  const first = await firstChunk(body);
  setHeaders(ctx, headers);
  writeHead(ctx, status);
  if (first === undefined) {
    ctx.res.end();
    return;
  }
  // A body that fits in one chunk (most small objects) needs no stream plumbing.
  if (first.length >= Number(ctx.res.getHeader('Content-Length'))) {
    body.destroy();
    ctx.res.end(first);
    return;
  }
  ctx.res.write(first);
  await pipeline(body, ctx.res);
}

function firstChunk(body: Readable): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    // The error listener stays: the stream may fail while reading ahead, before pipeline()
    // takes it over, and an 'error' with no listener would take the process down.
    const cleanup = () => {
      body.off('readable', onReadable);
      body.off('end', onEnd);
    };
    const onReadable = () => {
      const chunk = body.read() as Buffer | null;
      if (chunk === null) return;
      cleanup();
      resolve(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    body.on('readable', onReadable);
    body.once('end', onEnd);
    body.once('error', onError);
  });
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
