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
  const { code, message } = codeAndMessage(error);
  if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
  if (message === 'aborted') return true;
  // Whatever the error, once the connection is gone no answer can reach the client.
  return req.socket?.destroyed === true && !res.writableFinished;
}

/** The code and message of an abort, for the debug line that records it. */
export function describeAbort(error: unknown): string {
  const { code, message } = codeAndMessage(error);
  return [code, message].filter((part) => typeof part === 'string').join(' ') || String(error);
}

function codeAndMessage(error: unknown): { code?: unknown; message?: unknown } {
  return (error ?? {}) as { code?: unknown; message?: unknown };
}
