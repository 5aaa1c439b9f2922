import express, { NextFunction, Request, Response } from 'express';
import type { Emulator } from '../emulator';
import { FixtureError } from '../fixtures/fixture-error';
import { fixtureParser } from '../fixtures/fixture-parser';
import { healthReport } from './health';
import { kmsRoutes } from './kms-routes';

const MAX_FIXTURE_BODY = '64mb';

/**
 * The emulator's own endpoints under `/_emulator/`: never a bucket or object, since bucket names
 * cannot start with `_`. Each endpoint mirrors a method of the Emulator handle; answers are JSON.
 */
export function controlRouter(emulator: Emulator): express.Router {
  const router = express.Router();

  router.get('/health', (_req, res) => {
    res.json(healthReport(emulator));
  });

  router.post('/reset', async (_req, res) => {
    await emulator.reset();
    res.json({ status: 'reset' });
  });

  // Any content type: the body is YAML, or JSON (which YAML reads too).
  const fixtureBody = express.text({ type: () => true, limit: MAX_FIXTURE_BODY });
  router.post('/fixtures', fixtureBody, async (req, res) => {
    try {
      const text = typeof req.body === 'string' ? req.body : '';
      // No baseDir: a fixture sent over HTTP may not read files on the emulator's machine.
      await emulator.seedLoaded(fixtureParser().parseFixture(text, '<request body>', ''));
      res.json({ status: 'seeded' });
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error;
      res.status(400).json({ error: 'InvalidFixture', messages: error.messages });
    }
  });

  router.post('/clock', express.json(), (req, res) => {
    const seconds = (req.body as { advanceSeconds?: unknown } | undefined)?.advanceSeconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      const message = 'expected a JSON body {"advanceSeconds": <number>}';
      return void res.status(400).json({ error: 'InvalidArgument', messages: [message] });
    }
    const now = emulator.advanceClock(seconds);
    res.json({ now: now.toISOString(), offsetSeconds: emulator.service.clock.offset / 1000 });
  });

  router.use(kmsRoutes(emulator));

  router.use((req, res) => {
    const message = `no control endpoint ${req.method} ${req.path}`;
    res.status(404).json({ error: 'NotFound', messages: [message] });
  });

  // Body parser failures (bad JSON, too large) carry a status; anything else is a bug.
  router.use(
    (error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      const status = error.status && error.status < 500 ? error.status : 500;
      if (status === 500) emulator.log.error(`control endpoint failed: ${error.stack ?? error}`);
      const code = status === 500 ? 'InternalError' : 'BadRequest';
      res.status(status).json({ error: code, messages: [error.message] });
    },
  );

  return router;
}
