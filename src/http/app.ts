import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import { HttpRuntime } from './context';
import { cosPipeline } from './pipeline';

/**
 * The request listener: `/_emulator/...` goes to the control listener (built by `control`, which
 * loads express only for the endpoints that need it), everything else straight to the COS
 * pipeline on plain node:http objects. Express stays off the COS path: its router and
 * request/response decoration cost a third of a 1 KiB PUT (bench/, small objects).
 */
export function createCosApp(
  runtime: HttpRuntime,
  control: (cos: RequestListener) => RequestListener,
): RequestListener {
  const pipeline = cosPipeline(runtime);
  const cos: RequestListener = (req, res) => void pipeline(req, res);
  const controlRequest = control(cos);
  return (req: IncomingMessage, res: ServerResponse) => {
    if (isControlRequest(req)) controlRequest(req, res);
    else cos(req, res);
  };
}

function isControlRequest(req: IncomingMessage): boolean {
  const path = pathOf(req.url ?? '/');
  if (path !== '/_emulator' && !path.startsWith('/_emulator/')) return false;
  // On a bucket's virtual host, `/_emulator/...` is an object key, not a control call.
  return !/^[a-z0-9-]+-\d+\.cos[.-]/i.test(req.headers.host ?? '');
}

/** The path of an origin-form or absolute-form request target, without its query. */
function pathOf(url: string): string {
  let path = url;
  if (!path.startsWith('/')) {
    const authority = path.indexOf('//');
    const slash = authority < 0 ? -1 : path.indexOf('/', authority + 2);
    path = slash < 0 ? '/' : path.slice(slash);
  }
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}
