import { Emulator } from '../emulator';
import { FixtureError } from '../fixtures/fixture-error';
import { DEFAULT_SECRET_ID } from '../http/auth';
import { InvalidOptionsError } from '../option-checks';
import { EmulatorOptions } from '../options';
import { CliError, listenFailure } from './cli-error';

/**
 * Runs the emulator until SIGINT or SIGTERM. Standard output gets the ready line (and, unless
 * quiet, what a client needs to connect); logs go to standard error.
 */
export async function serve(options: EmulatorOptions, quiet: boolean): Promise<void> {
  const emulator = createEmulator(options);
  try {
    await emulator.seedStartup();
  } catch (error) {
    if (error instanceof FixtureError) throw fixtureFailure(error);
    throw error;
  }
  // Only here is an error with a code a socket failure; elsewhere it would be a bug.
  try {
    await emulator.listen();
  } catch (error) {
    const { host, port } = emulator.options;
    throw listenFailure(error as NodeJS.ErrnoException, host, port);
  }

  // Handlers before the ready line: a script may signal as soon as it reads it.
  stopOnSignals(emulator);
  // One write: a script that stops the emulator as soon as it sees the ready line still gets
  // the banner (process.exit drops output still queued for a pipe).
  const ready = `cos-emulator listening on ${emulator.url}\n`;
  process.stdout.write(quiet ? ready : ready + banner(emulator));
}

function createEmulator(options: EmulatorOptions): Emulator {
  try {
    return new Emulator(options);
  } catch (error) {
    if (error instanceof FixtureError) throw fixtureFailure(error);
    if (error instanceof InvalidOptionsError) throw optionsFailure(error);
    throw error;
  }
}

export function optionsFailure(error: InvalidOptionsError): CliError {
  return new CliError(`invalid options: ${error.problems.join(' ')}`);
}

/** Regions, AppId and the key pairs to sign with; a SecretKey is shown only for the public pair. */
function banner(emulator: Emulator): string {
  const lines = [
    `regions: ${emulator.regions.join(', ')}`,
    `AppId: ${emulator.appId}`,
    `auth: ${emulator.options.auth}`,
  ];
  for (const pair of emulator.credentials) {
    const shown = pair.secretId === DEFAULT_SECRET_ID ? pair.secretKey : '(as configured)';
    lines.push(`SecretId: ${pair.secretId}  SecretKey: ${shown}`);
  }
  lines.push(`health: ${emulator.url}/_emulator/health`);
  return lines.map((line) => `  ${line}\n`).join('');
}

export function fixtureFailure(error: FixtureError): CliError {
  const count = error.issues.length;
  const head = count === 1 ? 'the fixture is invalid:' : `the fixtures have ${count} problems:`;
  return new CliError(`${head}\n${error.messages.map((line) => `  ${line}`).join('\n')}`);
}

/** First signal: stop accepting, finish requests in flight, exit 0. A second one exits at once. */
function stopOnSignals(emulator: Emulator): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    emulator.log.info(`${signal} received: finishing requests in flight, then stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`cos-emulator: could not stop cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
