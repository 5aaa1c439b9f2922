import { Command } from 'commander';
import { CliError } from './cli-error';
import { checkFixtures } from './check';
import { CliOptions, describeEnvironment, serverOptions, toEmulatorOptions } from './program';
import { serve } from './serve';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const VERSION: string = require('../../package.json').version;

/** The commander program: the server (default command) and `check`. */
export function buildProgram(): Command {
  const program = new Command('cos-emulator')
    .description('A local, in-memory emulator of Tencent Cloud COS for integration tests.')
    .version(VERSION, '-v, --version', 'print the version and exit')
    .enablePositionalOptions()
    .showHelpAfterError('(cos-emulator --help lists the options)')
    .configureOutput({
      outputError: (text, write) => write(text.replace(/^error: /, 'cos-emulator: ')),
    });
  for (const option of serverOptions()) program.addOption(option);
  program.addHelpText('after', `\n${describeEnvironment(program)}`);
  program.action(async (options: CliOptions, command: Command) => {
    // commander sets a flag for any value of its variable; COS_EMULATOR_QUIET=0 means off.
    const fromEnv = command.getOptionValueSource('quiet') === 'env';
    const quiet = fromEnv ? envFlag(process.env.COS_EMULATOR_QUIET) : options.quiet === true;
    await serve(toEmulatorOptions({ ...options, quiet }), quiet);
  });

  const check = program
    .command('check')
    .description('validate fixture files (and try seeding them) without starting a server')
    .argument('<file...>', 'YAML fixture files');
  for (const option of serverOptions()) {
    if (['--regions', '--app-id'].includes(option.long ?? '')) check.addOption(option);
  }
  check.action(async (files: string[], options: CliOptions) => {
    process.stdout.write(`${await checkFixtures(files, toEmulatorOptions(options))}\n`);
  });
  return program;
}

/** Exit status of a failure nobody foresaw (a bug): EX_SOFTWARE, apart from the user's 1. */
export const UNEXPECTED_EXIT = 70;

/**
 * Entry point of bin/cos-emulator.js. Failures print one paragraph, never a stack trace; an
 * unexpected one shows its stack at log level debug, for a bug report.
 */
export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`cos-emulator: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const level = program.opts().logLevel ?? process.env.COS_EMULATOR_LOG_LEVEL;
    const stack = error instanceof Error ? error.stack : undefined;
    if (level === 'debug' && stack) {
      process.stderr.write(`cos-emulator: unexpected failure: ${stack}\n`);
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`cos-emulator: unexpected failure: ${reason}\n`);
    }
    process.exitCode = UNEXPECTED_EXIT;
  }
}

/** A yes/no variable: unset, empty, `0`, `false`, `no` and `off` are no. */
function envFlag(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.toLowerCase());
}
