import express, { Request, Response } from 'express';
import { pipeline } from 'stream/promises';
import type { Emulator } from '../emulator';
import { isCosError } from '../errors';
import type { CreateKmsKeyInput, KmsKeyMetadata } from '../kms/kms-key';
import { openRawObject } from '../sse/raw-object';

type KeyAction = (keyId: string, body: Record<string, unknown>) => KmsKeyMetadata;

/**
 * Control endpoints of the emulated KMS and the at-rest inspection endpoint:
 * `GET|POST /kms/keys`, `POST /kms/keys/<id>/enable|disable|schedule-deletion|cancel-deletion`,
 * `GET /raw?bucket=&key=[&versionId=]`. The same operations as `emulator.kms` and
 * `emulator.rawObject(...)`.
 */
export function kmsRoutes(emulator: Emulator): express.Router {
  const router = express.Router();
  const kms = () => emulator.service.kms;

  router.get('/kms/keys', (req, res) => {
    const region = queryOf(req).get('region') ?? undefined;
    answer(res, () => ({ keys: kms().listKeys(region) }));
  });

  router.post('/kms/keys', express.json(), (req, res) => {
    answer(res, () => kms().createKey(createInput(emulator, req.body)));
  });

  const actions: Record<string, KeyAction> = {
    enable: (id) => kms().enableKey(id),
    disable: (id) => kms().disableKey(id),
    'schedule-deletion': (id, body) => kms().scheduleKeyDeletion(id, pendingDays(body)),
    'cancel-deletion': (id) => kms().cancelKeyDeletion(id),
  };
  router.post('/kms/keys/:keyId/:action', express.json(), (req, res) => {
    const action = actions[String(req.params.action)];
    if (!action) return void failure(res, 404, 'NotFound', `no KMS action ${req.params.action}`);
    const body = (req.body ?? {}) as Record<string, unknown>;
    answer(res, () => action(String(req.params.keyId), body));
  });

  router.get('/raw', (req, res) => {
    const query = queryOf(req);
    const bucket = query.get('bucket');
    const key = query.get('key');
    if (bucket === null || key === null) {
      return void failure(res, 400, 'InvalidArgument', 'bucket and key are required');
    }
    const version = query.get('versionId') ?? undefined;
    try {
      const raw = openRawObject(emulator.service, bucket, key, version);
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', String(raw.size));
      res.setHeader('x-emulator-sse', raw.sse);
      if (raw.kmsKeyId) res.setHeader('x-emulator-kms-key-id', raw.kmsKeyId);
      // A failed read cuts the response: its headers are already out.
      pipeline(raw.stream, res).catch(() => res.destroy());
    } catch (error) {
      if (!isCosError(error)) throw error;
      failure(res, error.status, error.code, error.message);
    }
  });

  return router;
}

/** The app turns express's query parser off (COS queries are parsed by the pipeline). */
function queryOf(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

function createInput(emulator: Emulator, body: unknown): CreateKmsKeyInput {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = fields[name];
    return typeof value === 'string' ? value : undefined;
  };
  const region = text('region') ?? emulator.regions[0];
  if (!emulator.service.hasRegion(region)) throw new ControlError(`region ${region} is not served`);
  return { region, alias: text('alias'), description: text('description'), keyId: text('keyId') };
}

function pendingDays(body: Record<string, unknown>): number | undefined {
  const days = body.pendingWindowInDays ?? body.PendingWindowInDays;
  return typeof days === 'number' ? days : undefined;
}

class ControlError extends Error {}

/** Runs a KMS call and answers its result as JSON, or its failure as `{error, messages}`. */
function answer(res: Response, call: () => unknown): void {
  try {
    res.json(call());
  } catch (error) {
    if (error instanceof ControlError) return failure(res, 400, 'InvalidArgument', error.message);
    if (!isCosError(error)) throw error;
    const status = error.code === 'KmsKeyNotExist' ? 404 : error.status;
    failure(res, status, error.code, error.message);
  }
}

function failure(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: code, messages: [message] });
}
