import { newTraceId } from '../core/ids';
import { CosError, isCosError } from '../errors';
import { Logger } from '../logger';
import { buildXml, XmlObject } from './xml';
import type { ServerResponse } from 'http';

/**
 * Writes the COS `<Error>` document (reference 3.1) for any failure. Anything that is not a
 * CosError is a bug in the emulator: it is logged with its stack and answered 500 InternalError.
 */
export function writeError(
  res: ServerResponse,
  error: unknown,
  context: { method: string; requestId: string; resource: string; log: Logger },
): CosError {
  const cosError = isCosError(error) ? error : new CosError('InternalError');
  if (!isCosError(error)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.log.error(`BUG: unexpected error, answered 500 InternalError: ${detail}`);
  }
  if (res.headersSent) {
    res.destroy();
    return cosError;
  }
  const traceId = newTraceId();
  for (const [name, value] of Object.entries(cosError.headers)) res.setHeader(name, value);
  res.setHeader('x-cos-trace-id', traceId);
  res.statusCode = cosError.status;
  if (context.method === 'HEAD') {
    res.end();
    return cosError;
  }
  const document: XmlObject = {
    Code: cosError.code,
    Message: cosError.message,
    Resource: context.resource,
    RequestId: context.requestId,
    TraceId: traceId,
    ...cosError.details,
  };
  // A Buffer body keeps Node from sending the header block in the body's encoding (respond.ts).
  const body = Buffer.from(buildXml('Error', document));
  res.setHeader('Content-Type', 'application/xml');
  res.setHeader('Content-Length', body.length);
  res.end(body);
  return cosError;
}
