import { LOG_LEVELS } from './logger';
import type { EmulatorOptions } from './options';

/**
 * The checks of option values, shared by the CLI (flags and COS_EMULATOR_* variables), the jest
 * config and startEmulator, so that one value is accepted or refused the same way everywhere.
 * Each returns what was expected, or undefined when the value is fine.
 */
export const REGION_NAME = /^[a-z]+-[a-z0-9-]+$/;

/** A port given as text (a flag, a variable): its number, or NaN for portProblem to refuse. */
export function portFromText(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) : NaN;
}

export function portProblem(value: unknown): string | undefined {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
  return ok ? undefined : 'expected a port number from 0 to 65535.';
}

export function appIdProblem(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d+$/.test(value) ? undefined : 'expected a numeric AppId.';
}

export function regionsProblem(value: unknown): string | undefined {
  const expected = 'expected region names like ap-guangzhou,ap-beijing';
  if (!Array.isArray(value) || value.length === 0) return `${expected}.`;
  const bad = value.find((region) => typeof region !== 'string' || !REGION_NAME.test(region));
  return bad === undefined ? undefined : `${expected}; ${JSON.stringify(bad)} is not one.`;
}

export function authProblem(value: unknown): string | undefined {
  return value === 'verify' || value === 'off' ? undefined : 'expected verify or off.';
}

export function logLevelProblem(value: unknown): string | undefined {
  const ok = LOG_LEVELS.includes(value as (typeof LOG_LEVELS)[number]);
  return ok ? undefined : `expected one of ${LOG_LEVELS.join(', ')}.`;
}

/** Never quotes a pair: the value may hold a SecretKey. */
function credentialsProblem(value: unknown): string | undefined {
  const isPair = (pair: unknown) => {
    const { secretId, secretKey } = (pair ?? {}) as Record<string, unknown>;
    const filled = (text: unknown) => typeof text === 'string' && text !== '';
    return filled(secretId) && filled(secretKey);
  };
  const ok = Array.isArray(value) && value.every(isPair);
  return ok ? undefined : 'expected a list of { secretId, secretKey } with non-empty strings.';
}

function stringListProblem(value: unknown): string | undefined {
  const ok = Array.isArray(value) && value.every((item) => typeof item === 'string' && item);
  return ok ? undefined : 'expected a list of non-empty strings.';
}

function nonEmptyStringProblem(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? undefined : 'expected a non-empty string.';
}

const CHECKS: { [name in keyof EmulatorOptions]?: (value: unknown) => string | undefined } = {
  port: portProblem,
  host: nonEmptyStringProblem,
  regions: regionsProblem,
  appId: appIdProblem,
  credentials: credentialsProblem,
  auth: authProblem,
  logLevel: logLevelProblem,
  localDomains: stringListProblem,
  dataDir: nonEmptyStringProblem,
  logWriter: (value) => (typeof value === 'function' ? undefined : 'expected a function.'),
};

/** The options the programmatic API knows (fixtures are checked by the fixture validator). */
export const OPTION_NAMES = [...Object.keys(CHECKS), 'fixtures'];

/** Thrown by startEmulator and the jest setup for options that cannot be used. */
export class InvalidOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid emulator options: ${problems.join(' ')}`);
    this.name = 'InvalidOptionsError';
  }
}

/** Throws InvalidOptionsError naming every option given with a value it cannot use. */
export function checkOptions(options: EmulatorOptions): void {
  const problems: string[] = [];
  for (const [name, check] of Object.entries(CHECKS)) {
    const value = (options as Record<string, unknown>)[name];
    const problem = value === undefined ? undefined : check!(value);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  if (problems.length > 0) throw new InvalidOptionsError(problems);
}
