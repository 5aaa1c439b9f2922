import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { parseCredentials, splitList } from '../cli/program';
import { LogLevel } from '../logger';
import {
  authProblem,
  InvalidOptionsError,
  logLevelProblem,
  OPTION_NAMES,
  portFromText,
  portProblem,
} from '../option-checks';
import { EmulatorOptions } from '../options';

/** Looked for in jest's rootDir, in this order. */
export const CONFIG_FILES = ['cos-emulator.config.json', 'cos-emulator.config.yaml'];

/**
 * Options for the emulator of a jest run: a config file in the root directory (optional), then
 * COS_EMULATOR_* variables over it. Unlike the CLI the port defaults to 0 (a free one), and logs
 * default to warnings only, so that test output stays readable. A bad variable throws, naming
 * it; the values themselves are checked by startEmulator, as for any options.
 */
export function jestEmulatorOptions(rootDir: string, env = process.env): EmulatorOptions {
  const options: EmulatorOptions = { port: 0, logLevel: 'warn', ...readConfigFile(rootDir) };
  const checked = (name: string, value: string, problem: string | undefined) => {
    if (problem) throw new InvalidOptionsError([`${name}=${value}: ${problem}`]);
  };

  if (env.COS_EMULATOR_PORT) {
    const given = env.COS_EMULATOR_PORT;
    const port = portFromText(given);
    checked('COS_EMULATOR_PORT', given, portProblem(port));
    options.port = port;
  }
  if (env.COS_EMULATOR_HOST) options.host = env.COS_EMULATOR_HOST;
  if (env.COS_EMULATOR_REGIONS) options.regions = splitList(env.COS_EMULATOR_REGIONS);
  if (env.COS_EMULATOR_APP_ID) options.appId = env.COS_EMULATOR_APP_ID;
  if (env.COS_EMULATOR_FIXTURES) options.fixtures = splitList(env.COS_EMULATOR_FIXTURES);
  if (env.COS_EMULATOR_CREDENTIALS) {
    options.credentials = parseCredentials(splitList(env.COS_EMULATOR_CREDENTIALS));
  }
  if (env.COS_EMULATOR_AUTH) {
    checked('COS_EMULATOR_AUTH', env.COS_EMULATOR_AUTH, authProblem(env.COS_EMULATOR_AUTH));
    options.auth = env.COS_EMULATOR_AUTH as 'verify' | 'off';
  }
  if (env.COS_EMULATOR_LOG_LEVEL) {
    const level = env.COS_EMULATOR_LOG_LEVEL;
    checked('COS_EMULATOR_LOG_LEVEL', level, logLevelProblem(level));
    options.logLevel = level as LogLevel;
  }
  return options;
}

/** The config file's options; its fixture paths are relative to the file. */
function readConfigFile(rootDir: string): EmulatorOptions {
  const file = CONFIG_FILES.map((name) => path.join(rootDir, name)).find(existsSync);
  if (!file) return {};
  const options = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${file}: expected an object of emulator options (see the README).`);
  }
  // A file cannot hold a function: there logWriter is as unknown as a misspelt name.
  const known = OPTION_NAMES.filter((name) => name !== 'logWriter');
  const unknown = Object.keys(options).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    const expected = known.join(', ');
    throw new InvalidOptionsError([
      `${file}: unknown option ${unknown.join(', ')}; expected ${expected}.`,
    ]);
  }
  // JSON and YAML readers write an AppId as a number; the option is its digits.
  if (typeof options.appId === 'number') options.appId = String(options.appId);
  const fixtures = options.fixtures === undefined ? [] : [options.fixtures].flat();
  options.fixtures = fixtures.map((fixture) =>
    typeof fixture === 'string' ? path.resolve(path.dirname(file), fixture) : fixture,
  );
  return options as EmulatorOptions;
}
