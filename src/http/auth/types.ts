import type { IncomingHttpHeaders } from 'http';
import type { Target } from '../routing';
import type { CredentialStore } from './credential-store';

/** Who sent a request: the SecretId whose signature verified, or nobody. */
export type Principal = { kind: 'signed'; secretId: string } | { kind: 'anonymous' };

export interface AuthSettings {
  /** `off` accepts any request, signed or not; the principal is then the SecretId it names. */
  mode: 'verify' | 'off';
  credentials: CredentialStore;
  /** The emulator's clock, so that tests can move time instead of waiting. */
  now: () => Date;
}

export interface AuthRequest {
  method: string;
  headers: IncomingHttpHeaders;
  target: Target;
}

/** Reads one request header as its list of values (Node joins most repeats itself). */
export function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const value = headers[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(',');
}
