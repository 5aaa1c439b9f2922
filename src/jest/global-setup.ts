import { startEmulator } from '../emulator';
import { emulatorEnvironment } from './environment';
import { jestEmulatorOptions } from './jest-config';
import { SHARED_EMULATOR } from './shared-emulator';

interface JestGlobalConfig {
  rootDir: string;
}

/**
 * jest `globalSetup`: starts one emulator for the whole run and publishes how to reach it in
 * COS_EMULATOR_* variables, which the test workers (started afterwards) inherit.
 */
async function globalSetup(globalConfig?: JestGlobalConfig): Promise<void> {
  const rootDir = globalConfig?.rootDir ?? process.cwd();
  const emulator = await startEmulator(jestEmulatorOptions(rootDir));
  (globalThis as Record<symbol, unknown>)[SHARED_EMULATOR] = emulator;
  Object.assign(process.env, emulatorEnvironment(emulator));
}

export = globalSetup;
