import express from 'express';
import type { Emulator } from '../emulator';

/**
 * The emulator's own endpoints under `/_emulator/`: never a bucket or object, since bucket names
 * cannot start with `_`. Each endpoint mirrors a method of the Emulator handle.
 */
export function controlRouter(emulator: Emulator): express.Router {
  const router = express.Router();

  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      version: emulator.version,
      regions: emulator.regions,
      appId: emulator.appId,
      uptimeSeconds: Math.round(emulator.uptimeMs / 1000),
    });
  });

  router.post('/reset', async (_req, res) => {
    await emulator.reset();
    res.json({ status: 'reset' });
  });

  return router;
}
