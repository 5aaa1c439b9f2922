import type { IncomingMessage, ServerResponse } from 'http';
import { newRequestId } from '../core/ids';
import { Logger } from '../logger';
import { checkAccess } from './access';
import { authenticate } from './auth';
import { HttpRuntime, RequestContext } from './context';
import { describeAbort, isClientAbort } from './client-abort';
import { applyCorsHeaders } from './cors';
import { writeError } from './error-response';
import { findOperation } from './operations/table';
import { describeRequest, pathOnly } from './request-log';
import { resolveTarget } from './routing';
import { MAX_DRAIN_BYTES } from '../storage/drain';

/**
 * The COS request pipeline: request id -> target -> caller -> operation -> access -> handler,
 * with one error writer and one access log line per request.
 */
export function cosPipeline(runtime: HttpRuntime) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    const started = process.hrtime.bigint();
    const requestId = newRequestId();
    const log = runtime.log.child(requestId);
    res.setHeader('x-cos-request-id', requestId);
    res.setHeader('Server', 'tencent-cos');
    res.setHeader('Date', runtime.service.clock.now().toUTCString());
    if (log.enabled('debug')) log.debug(describeRequest(req));

    let ctx: RequestContext | undefined;
    let status = 0;
    let code = '';
    try {
      const target = resolveTarget(url, req.headers.host ?? '', runtime);
      ctx = new RequestContext(req, res, runtime, requestId, target, log);
      ctx.principal = authenticate({ method, headers: req.headers, target }, runtime.auth);
      const level =
        target.style === 'service' ? 'service' : target.key === undefined ? 'bucket' : 'object';
      const operation = findOperation(level, method, target.query);
      ctx.operation = operation.name;
      checkAccess(ctx, operation);
      applyCorsHeaders(ctx);
      await operation.handler(ctx);
      status = res.statusCode;
    } catch (error) {
      if (isClientAbort(error, req, res)) {
        // Nobody is left to answer; a half-read upload stored nothing (ingest released it).
        log.debug(`client closed the connection: ${describeAbort(error)}`);
        res.destroy();
        logAccess(log, req, ctx, url, 'aborted', '', started);
        return;
      }
      // Browser pages read COS errors only when the error response carries the CORS headers.
      if (ctx) applyCorsHeaders(ctx);
      const resource = ctx?.resource ?? (req.headers.host ?? '') + url;
      if (leavesLargeBodyUnread(req)) res.setHeader('Connection', 'close');
      const written = writeError(res, error, { method, requestId, resource, log });
      status = written.status;
      code = written.code;
    }

    logAccess(log, req, ctx, url, String(status), code, started);
  };
}

/** The one access line per request: request id (in the prefix), method, target, status, time. */
function logAccess(
  log: Logger,
  req: IncomingMessage,
  ctx: RequestContext | undefined,
  url: string,
  status: string,
  code: string,
  started: bigint,
): void {
  if (!log.enabled('info')) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Never the raw URL: its query may hold a presigned signature or a security token.
  const where = ctx ? `${ctx.target.bucket ?? '-'}/${ctx.target.key ?? ''}` : pathOnly(url);
  const operation = ctx?.operation ?? 'Unknown';
  log.info(
    `${req.method} ${where} ${operation} ${status}${code ? ' ' + code : ''} ${ms.toFixed(1)}ms`,
  );
}

/**
 * Whether an error leaves more of the body unread than is worth reading: Node reads what is
 * left of a keep-alive request to reuse the connection, so a refused 5 GB upload would still be
 * received whole. Closing the connection after the error answers at once, as S3 does.
 */
function leavesLargeBodyUnread(req: IncomingMessage): boolean {
  if (req.readableEnded) return false;
  const declared = Number(req.headers['content-length'] ?? 0);
  return declared > MAX_DRAIN_BYTES || req.headers['transfer-encoding'] !== undefined;
}
