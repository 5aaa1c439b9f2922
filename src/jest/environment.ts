import type { Emulator } from '../emulator';

/** The variables a jest run's tests read to reach the shared emulator. */
export function emulatorEnvironment(emulator: Emulator): Record<string, string> {
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
