import { Command, InvalidArgumentError, Option } from 'commander';
import { LOG_LEVELS, LogLevel } from '../logger';
import { appIdProblem, portFromText, portProblem, regionsProblem } from '../option-checks';
import { CliError } from './cli-error';
import { CredentialOption, DEFAULT_APP_ID, DEFAULT_PORT, EmulatorOptions } from '../options';

/** What the command line asked for, before it becomes EmulatorOptions. */
export interface CliOptions {
  port: number;
  host: string;
  fixtures?: string[];
  regions?: string[];
  appId?: string;
  credentials?: string[];
  auth: 'verify' | 'off';
  logLevel?: LogLevel;
  quiet?: boolean;
}

const ENV = 'COS_EMULATOR_';

/** Every option of the server command, each also read from a COS_EMULATOR_* variable. */
export function serverOptions(): Option[] {
  return [
    new Option('-p, --port <n>', 'TCP port; 0 picks a free one')
      .env(`${ENV}PORT`)
      .default(DEFAULT_PORT)
      .argParser(parsePort),
    new Option('--host <addr>', 'address to listen on').env(`${ENV}HOST`).default('127.0.0.1'),
    new Option('-f, --fixtures <file...>', 'YAML fixture files to seed (repeatable)')
      .env(`${ENV}FIXTURES`)
      .argParser(collectList),
    new Option('--regions <list>', 'comma-separated regions to serve (default: all COS regions)')
      .env(`${ENV}REGIONS`)
      .argParser(parseRegions),
    new Option('--app-id <id>', `AppId of the emulated account (default ${DEFAULT_APP_ID})`)
      .env(`${ENV}APP_ID`)
      .argParser(parseAppId),
    new Option('--credentials <SecretId:SecretKey...>', 'key pairs to accept (repeatable)')
      .env(`${ENV}CREDENTIALS`)
      .argParser(collectList),
    new Option('--auth <mode>', 'verify checks signatures; off accepts any request')
      .env(`${ENV}AUTH`)
      .choices(['verify', 'off'])
      .default('verify'),
    new Option('--log-level <level>', 'how much to log to standard error (default info)')
      .env(`${ENV}LOG_LEVEL`)
      .choices(LOG_LEVELS),
    new Option('-q, --quiet', 'print only the ready line; log warnings and errors only').env(
      `${ENV}QUIET`,
    ),
  ];
}

/** Maps parsed command-line options onto the programmatic options. */
export function toEmulatorOptions(cli: CliOptions): EmulatorOptions {
  return {
    port: cli.port,
    host: cli.host,
    fixtures: cli.fixtures,
    regions: cli.regions,
    appId: cli.appId,
    credentials: parseCredentials(cli.credentials),
    auth: cli.auth,
    logLevel: cli.logLevel ?? (cli.quiet ? 'warn' : 'info'),
  };
}

export function describeEnvironment(program: Command): string {
  const names = program.options.map((option) => option.envVar).filter(Boolean);
  return (
    `Every option can also be set with an environment variable: ${names.join(', ')}. ` +
    'Lists in variables are comma-separated.'
  );
}

/** A port number as text (flag or variable); the same check as startEmulator's. */
function parsePort(value: string): number {
  const port = portFromText(value);
  const problem = portProblem(port);
  if (problem) throw new InvalidArgumentError(problem);
  return port;
}

function parseAppId(value: string): string {
  const problem = appIdProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  return value;
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function collectList(value: string, previous?: string[]): string[] {
  return [...(previous ?? []), ...splitList(value)];
}

function parseRegions(value: string): string[] {
  const regions = splitList(value);
  const problem = regionsProblem(regions);
  if (problem) throw new InvalidArgumentError(problem);
  return regions;
}

/**
 * Key pairs are checked here rather than in an argument parser, because commander would repeat
 * the rejected value (possibly a SecretKey) in its message.
 */
export function parseCredentials(values: string[] | undefined): CredentialOption[] | undefined {
  return values?.map((item, index) => {
    const colon = item.indexOf(':');
    if (colon <= 0 || colon === item.length - 1) {
      throw new CliError(
        `--credentials (or COS_EMULATOR_CREDENTIALS) item ${index + 1} ` +
          'is not SecretId:SecretKey; ' +
          'give the pair with a colon between the two, for example AKIDEXAMPLE:secretkey.',
      );
    }
    return { secretId: item.slice(0, colon), secretKey: item.slice(colon + 1) };
  });
}
