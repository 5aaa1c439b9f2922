import type { IncomingMessage, ServerResponse } from 'http';

const ABORT_CODES = new Set([
  'ERR_STREAM_PREMATURE_CLOSE',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ERR_STREAM_DESTROYED',
]);

/**
 * Whether a failure is the client going away (a download cut short, an upload aborted) rather
 * than a fault of ours: such requests have nobody to answer and are no bug.
 */
export function isClientAbort(error: unknown, req: IncomingMessage, res: ServerResponse): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
  if (message === 'aborted') return true;
  // Whatever the error, once the connection is gone no answer can reach the client.
  return req.socket?.destroyed === true && !res.writableFinished;
}
