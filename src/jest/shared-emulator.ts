import type { Emulator } from '../emulator';

/**
 * Where globalSetup leaves the run's emulators for globalTeardown (jest runs both in its main
 * process and shares their globals). A registry symbol, so two copies of this package agree.
 */
const SHARED_RUN = Symbol.for('cos-emulator.jest.shared');

/**
 * One jest run: every emulator a globalSetup started (with `projects` there is one per project),
 * and the COS_EMULATOR_* values from before the first setup published its own.
 */
export interface SharedRun {
  emulators: Emulator[];
  originalEnv: Record<string, string | undefined>;
}

const slot = globalThis as Record<symbol, SharedRun | undefined>;

/** The run in progress, or a new one that remembers `names` as they are in the environment now. */
export function sharedRun(names: ReadonlyArray<string>): SharedRun {
  const existing = slot[SHARED_RUN];
  if (existing) return existing;
  const originalEnv = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  const run: SharedRun = { emulators: [], originalEnv };
  slot[SHARED_RUN] = run;
  return run;
}

/** Ends the run: the caller stops its emulators and restores the environment. */
export function endSharedRun(): SharedRun | undefined {
  const run = slot[SHARED_RUN];
  delete slot[SHARED_RUN];
  return run;
}
