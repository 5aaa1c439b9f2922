import { authenticate } from '../../src/http/auth/authenticate';
import { StaticCredentialStore } from '../../src/http/auth/credential-store';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../src/http/auth/default-credentials';
import type { AuthRequest, AuthSettings, Principal } from '../../src/http/auth/types';
import { resolveTarget } from '../../src/http/routing';
import { CosError } from '../../src/errors';

export const SECRET_ID = DEFAULT_SECRET_ID;
export const SECRET_KEY = DEFAULT_SECRET_KEY;
export const BUCKET = 'examplebucket-1250000000';
export const REGION = 'ap-guangzhou';
export const BUCKET_HOST = `${BUCKET}.cos.${REGION}.myqcloud.com`;

export function settingsAt(now: Date, mode: AuthSettings['mode'] = 'verify'): AuthSettings {
  const credentials = new StaticCredentialStore([
    { secretId: SECRET_ID, secretKey: SECRET_KEY },
    { secretId: 'AKIDOTHER', secretKey: 'other-secret-key' },
  ]);
  return { mode, credentials, now: () => now };
}

/** Builds what the pipeline hands to authenticate(): `url` is absolute, exactly as sent. */
export function requestFor(
  method: string,
  url: string,
  headers: Record<string, string | undefined> = {},
): AuthRequest {
  const authorityStart = url.indexOf('//') + 2;
  const pathStart = url.indexOf('/', authorityStart);
  const host = url.slice(authorityStart, pathStart);
  const lowerCased: Record<string, string> = { host };
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) lowerCased[name.toLowerCase()] = value;
  }
  const target = resolveTarget(url.slice(pathStart), host, { localDomains: [] });
  return { method, headers: lowerCased, target };
}

export function authenticateAt(
  request: AuthRequest,
  now: Date,
  mode?: AuthSettings['mode'],
): Principal {
  return authenticate(request, settingsAt(now, mode));
}

/** Runs `action`, expecting a CosError; returns it for further assertions. */
export function cosErrorOf(action: () => unknown): CosError {
  try {
    action();
  } catch (error) {
    if (error instanceof CosError) return error;
    throw error;
  }
  throw new Error('expected a CosError, but the call succeeded');
}

export function minutesFrom(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export const signedAs = (secretId: string): Principal => ({ kind: 'signed', secretId });
