import { startEmulator } from '../emulator';
import { emulatorEnvironment, PUBLISHED_VARIABLES } from './environment';
import { jestEmulatorOptions } from './jest-config';
import { sharedRun } from './shared-emulator';

interface JestGlobalConfig {
  rootDir: string;
}

/**
 * jest `globalSetup`: starts one emulator for the whole run and publishes how to reach it in
 * COS_EMULATOR_* variables, which the test workers (started afterwards) inherit. Some of those
 * are inputs too (COS_EMULATOR_PORT, ...): options are read from the values as they were before
 * the first setup, so that with jest `projects` a second setup does not reuse the first port.
 */
async function globalSetup(globalConfig?: JestGlobalConfig): Promise<void> {
  const rootDir = globalConfig?.rootDir ?? process.cwd();
  const run = sharedRun(PUBLISHED_VARIABLES);
  const env = { ...process.env, ...run.originalEnv };
  const emulator = await startEmulator(jestEmulatorOptions(rootDir, env));
  run.emulators.push(emulator);
  Object.assign(process.env, emulatorEnvironment(emulator));
}

export = globalSetup;
