import type { Express } from 'express';
import type { RequestListener } from 'http';
import type { Emulator } from '../emulator';
import { answerHealth, isPlainHealthCheck } from './health';

/** Builds the listener of `/_emulator/...` requests; `cos` serves one as a COS request instead. */
export type ControlListener = (cos: RequestListener) => RequestListener;

/**
 * Takes the `/_emulator/...` requests. The health check, which clients poll until the emulator
 * is up, is answered on plain node:http; the other endpoints go to an express app built on their
 * first request, because loading express is a third of the emulator's start-up.
 */
export function controlListener(emulator: Emulator): ControlListener {
  return (cos) => {
    let app: Express | undefined;
    return (req, res) => {
      if (isPlainHealthCheck(req)) return answerHealth(emulator, req, res);
      app ??= controlApp(emulator, cos);
      app(req, res);
    };
  };
}

function controlApp(emulator: Emulator, cos: RequestListener): Express {
  // Loaded on first use (see above).
  const express = require('express') as typeof import('express');
  const { controlRouter } = require('./router') as typeof import('./router');
  const router = controlRouter(emulator);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  app.use('/_emulator', (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    router(req, res, next);
  });
  // A path under /_emulator that no control route takes is an ordinary COS request.
  app.use((req, res) => cos(req, res));
  return app;
}
