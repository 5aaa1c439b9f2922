import { restoreEnvironment } from './environment';
import { endSharedRun } from './shared-emulator';

/**
 * jest `globalTeardown`: stops every emulator the run's global setups started and puts the
 * COS_EMULATOR_* variables back. With `projects` it runs once per project; later calls find
 * nothing left to do.
 */
async function globalTeardown(): Promise<void> {
  const run = endSharedRun();
  if (!run) return;
  restoreEnvironment(run.originalEnv);
  await Promise.all(run.emulators.map((emulator) => emulator.stop()));
}

export = globalTeardown;
