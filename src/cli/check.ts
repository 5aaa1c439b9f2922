import { Emulator } from '../emulator';
import { FixtureError } from '../fixtures/fixture-error';
import { EmulatorOptions } from '../options';
import { InvalidOptionsError } from '../option-checks';
import { fixtureFailure, optionsFailure } from './serve';

/**
 * `cos-emulator check <file...>`: validates the fixtures and seeds them into a throwaway
 * emulator that never listens, so every error a start would hit is found without a server.
 */
export async function checkFixtures(files: string[], options: EmulatorOptions): Promise<string> {
  try {
    const emulator = new Emulator({ ...options, fixtures: files, logLevel: 'silent' });
    await emulator.reset();
    const buckets = emulator.service.listBuckets();
    const objects = buckets.reduce((sum, bucket) => sum + bucket.objects.totalVersions, 0);
    const what = `${buckets.length} bucket(s), ${objects} object version(s)`;
    return `ok: ${files.length} fixture file(s) valid; they seed ${what}`;
  } catch (error) {
    if (error instanceof FixtureError) throw fixtureFailure(error);
    if (error instanceof InvalidOptionsError) throw optionsFailure(error);
    throw error;
  }
}
