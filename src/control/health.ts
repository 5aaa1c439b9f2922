import type { IncomingMessage, ServerResponse } from 'http';
import type { Emulator } from '../emulator';

/** What `GET /_emulator/health` answers. */
export function healthReport(emulator: Emulator) {
  return {
    status: 'ok',
    version: emulator.version,
    regions: emulator.regions,
    appId: emulator.appId,
    uptimeSeconds: Math.round(emulator.uptimeMs / 1000),
  };
}

/**
 * The plain form of the health check, which every client polls before its first request.
 * Variants the control router also takes (`/health/`, other letter case) and conditional
 * requests (express's freshness rules) still go to it.
 */
export function isPlainHealthCheck(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const { url = '', headers } = req;
  if (url !== '/_emulator/health' && !url.startsWith('/_emulator/health?')) return false;
  return headers['if-none-match'] === undefined && headers['if-modified-since'] === undefined;
}

/** Answers the health check with the headers express's `res.json` gives, without express. */
export function answerHealth(emulator: Emulator, req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify(healthReport(emulator));
  res.statusCode = 200;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}
