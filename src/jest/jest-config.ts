import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { parseCredentials } from '../cli/program';
import { LOG_LEVELS, LogLevel } from '../logger';
import { EmulatorOptions } from '../options';

/** Looked for in jest's rootDir, in this order. */
export const CONFIG_FILES = ['cos-emulator.config.json', 'cos-emulator.config.yaml'];

/**
 * Options for the emulator of a jest run: a config file in the root directory (optional), then
 * COS_EMULATOR_* variables over it. Unlike the CLI the port defaults to 0 (a free one), and logs
 * default to warnings only, so that test output stays readable.
 */
export function jestEmulatorOptions(rootDir: string, env = process.env): EmulatorOptions {
  const options: EmulatorOptions = { port: 0, logLevel: 'warn', ...readConfigFile(rootDir) };
  const list = (value: string) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);

  if (env.COS_EMULATOR_PORT) {
    const port = Number(env.COS_EMULATOR_PORT);
    if (!/^\d+$/.test(env.COS_EMULATOR_PORT) || port > 65535) {
      const given = env.COS_EMULATOR_PORT;
      throw new Error(`COS_EMULATOR_PORT=${given}: expected a port number from 0 to 65535.`);
    }
    options.port = port;
  }
  if (env.COS_EMULATOR_HOST) options.host = env.COS_EMULATOR_HOST;
  if (env.COS_EMULATOR_REGIONS) options.regions = list(env.COS_EMULATOR_REGIONS);
  if (env.COS_EMULATOR_APP_ID) options.appId = env.COS_EMULATOR_APP_ID;
  if (env.COS_EMULATOR_FIXTURES) options.fixtures = list(env.COS_EMULATOR_FIXTURES);
  if (env.COS_EMULATOR_CREDENTIALS) {
    options.credentials = parseCredentials(list(env.COS_EMULATOR_CREDENTIALS));
  }
  if (env.COS_EMULATOR_AUTH === 'off' || env.COS_EMULATOR_AUTH === 'verify') {
    options.auth = env.COS_EMULATOR_AUTH;
  }
  if (LOG_LEVELS.includes(env.COS_EMULATOR_LOG_LEVEL as LogLevel)) {
    options.logLevel = env.COS_EMULATOR_LOG_LEVEL as LogLevel;
  }
  return options;
}

/** The config file's options; its fixture paths are relative to the file. */
function readConfigFile(rootDir: string): EmulatorOptions {
  const file = CONFIG_FILES.map((name) => path.join(rootDir, name)).find(existsSync);
  if (!file) return {};
  const options = parse(readFileSync(file, 'utf8')) as EmulatorOptions | null;
  if (options === null || typeof options !== 'object') {
    throw new Error(`${file}: expected an object of emulator options (see the README).`);
  }
  const fixtures = options.fixtures === undefined ? [] : [options.fixtures].flat();
  options.fixtures = fixtures.map((fixture) =>
    typeof fixture === 'string' ? path.resolve(path.dirname(file), fixture) : fixture,
  );
  return options;
}
