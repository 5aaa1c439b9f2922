import type { Emulator } from '../emulator';
import { SHARED_EMULATOR } from './shared-emulator';

/** jest `globalTeardown`: stops the emulator that globalSetup started. */
async function globalTeardown(): Promise<void> {
  const slot = globalThis as Record<symbol, unknown>;
  const emulator = slot[SHARED_EMULATOR] as Emulator | undefined;
  delete slot[SHARED_EMULATOR];
  await emulator?.stop();
}

export = globalTeardown;
