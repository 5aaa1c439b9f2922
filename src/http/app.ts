import express from 'express';
import { HttpRuntime } from './context';
import { cosPipeline } from './pipeline';

/** The express app: control endpoints first, then everything else is the COS XML API. */
export function createCosApp(runtime: HttpRuntime, control: express.Router): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  const pipeline = cosPipeline(runtime);
  app.use('/_emulator', (req, res, next) => {
    // On a bucket's virtual host, `/_emulator/...` is an object key, not a control call.
    if (/^[a-z0-9-]+-\d+\.cos[.-]/i.test(req.headers.host ?? '')) {
      return void pipeline(req, res, next);
    }
    res.setHeader('Cache-Control', 'no-store');
    control(req, res, next);
  });
  app.use(pipeline);
  return app;
}
