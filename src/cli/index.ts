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
  program.action(async (options: CliOptions) => {
    await serve(toEmulatorOptions(options), options.quiet === true);
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

/** Entry point of bin/cos-emulator.js. Failures print one paragraph, never a stack trace. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`cos-emulator: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cos-emulator: unexpected failure: ${reason}\n`);
    if (process.env.COS_EMULATOR_LOG_LEVEL === 'debug') process.stderr.write(`${error}\n`);
    process.exitCode = 70;
  }
}
