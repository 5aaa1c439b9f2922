import type { Emulator } from '../emulator';

/** Every variable emulatorEnvironment() sets; some are also inputs (COS_EMULATOR_PORT, ...). */
export const PUBLISHED_VARIABLES = [
  'COS_EMULATOR_URL',
  'COS_EMULATOR_PORT',
  'COS_EMULATOR_HOST',
  'COS_EMULATOR_SECRET_ID',
  'COS_EMULATOR_SECRET_KEY',
  'COS_EMULATOR_APP_ID',
  'COS_EMULATOR_REGIONS',
] as const;

/** The variables a jest run's tests read to reach the shared emulator. */
export function emulatorEnvironment(
  emulator: Emulator,
): Record<(typeof PUBLISHED_VARIABLES)[number], string> {
  const [pair] = emulator.credentials;
  return {
    COS_EMULATOR_URL: emulator.url,
    COS_EMULATOR_PORT: String(emulator.port),
    COS_EMULATOR_HOST: emulator.options.host,
    COS_EMULATOR_SECRET_ID: pair.secretId,
    COS_EMULATOR_SECRET_KEY: pair.secretKey,
    COS_EMULATOR_APP_ID: emulator.appId,
    COS_EMULATOR_REGIONS: emulator.regions.join(','),
  };
}

/** Puts the variables back as they were before the run (unset ones are deleted again). */
export function restoreEnvironment(original: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(original)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
