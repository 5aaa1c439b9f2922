import { createHash } from 'crypto';
import { CosError } from '../errors';
import { chunksOf, drainRest } from '../storage/drain';
import { parseMd5 } from '../storage/ingest';
import { RequestContext } from './context';
import { parseXml, XmlElement } from './xml';

/** Configuration bodies are small; COS refuses large ones with XMLSizeLimit. */
const MAX_XML_BYTES = 1024 * 1024;

/**
 * Reads a request body whole, up to a limit (never unbounded), checking Content-MD5 when sent.
 * For configuration and control bodies only; object bytes stream through storeBody instead.
 */
export async function readSmallBody(
  ctx: RequestContext,
  maxBytes = MAX_XML_BYTES,
): Promise<Buffer> {
  // A declared length is refused before a byte is read; Node discards the unread body.
  const declared = Number(ctx.header('content-length') ?? '0');
  if (declared > maxBytes) throw new CosError('XMLSizeLimit');

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunksOf(ctx.req)) {
    size += chunk.length;
    if (size > maxBytes) break;
    chunks.push(chunk);
  }
  if (size > maxBytes) {
    // A chunked body crossed the limit mid-stream: drop the rest, then answer.
    await drainRest(ctx.req);
    throw new CosError('XMLSizeLimit');
  }
  const body = Buffer.concat(chunks);
  const md5 = ctx.header('content-md5');
  if (md5 !== undefined) {
    const expected = parseMd5(md5);
    if (!createHash('md5').update(body).digest().equals(expected)) {
      throw new CosError('BadDigest');
    }
  }
  return body;
}

/** Reads and parses an XML request body whose root must be one of `roots`. */
export async function readXmlBody(
  ctx: RequestContext,
  roots: string | string[],
): Promise<XmlElement> {
  const body = await readSmallBody(ctx);
  if (body.length === 0) throw new CosError('MissingRequestBodyError');
  return parseXml(body.toString('utf8'), roots);
}
