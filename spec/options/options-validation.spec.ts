import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { EmulatorOptions, InvalidOptionsError, startEmulator } from '../../src';
import { jestEmulatorOptions } from '../../src/jest/jest-config';

/** The problems an options object is refused with (it must be refused before listening). */
async function problems(options: EmulatorOptions): Promise<string[]> {
  const started = startEmulator({ port: 0, logLevel: 'silent', ...options });
  const error = await started.then(
    async (emulator) => {
      await emulator.stop();
      throw new Error('the options were accepted');
    },
    (refused: unknown) => refused,
  );
  expect(error).toBeInstanceOf(InvalidOptionsError);
  return (error as InvalidOptionsError).problems;
}

describe('startEmulator options', () => {
  it('refuses a bad log level, auth mode, region list and AppId, all at once', async () => {
    const bad = { logLevel: 'verbose', auth: 'Off', regions: [], appId: 'abc' };
    expect(await problems(bad as unknown as EmulatorOptions)).toEqual([
      'regions: expected region names like ap-guangzhou,ap-beijing.',
      'appId: expected a numeric AppId.',
      'auth: expected verify or off.',
      'logLevel: expected one of silent, error, warn, info, debug.',
    ]);
  });

  it('refuses a port outside 0 to 65535 and a malformed region, as the CLI does', async () => {
    expect(await problems({ port: 70000, regions: ['Guangzhou'] })).toEqual([
      'port: expected a port number from 0 to 65535.',
      'regions: expected region names like ap-guangzhou,ap-beijing; "Guangzhou" is not one.',
    ]);
  });

  it('does not quote a key pair it refuses', async () => {
    const credentials = [{ secretId: 'AKIDX', secretKey: '' }];
    const [problem] = await problems({ credentials });
    expect(problem).toBe(
      'credentials: expected a list of { secretId, secretKey } with non-empty strings.',
    );
  });
});

describe('jest emulator options', () => {
  let rootDir: string;
  beforeEach(() => {
    rootDir = mkdtempSync(path.join(tmpdir(), 'cos-emulator-options-'));
  });
  afterEach(() => rmSync(rootDir, { recursive: true, force: true }));

  it('refuses a COS_EMULATOR_AUTH or COS_EMULATOR_LOG_LEVEL it does not know, naming it', () => {
    expect(() => jestEmulatorOptions(rootDir, { COS_EMULATOR_AUTH: 'Off' })).toThrow(
      'COS_EMULATOR_AUTH=Off: expected verify or off.',
    );
    expect(() => jestEmulatorOptions(rootDir, { COS_EMULATOR_LOG_LEVEL: 'verbose' })).toThrow(
      'COS_EMULATOR_LOG_LEVEL=verbose: expected one of silent, error, warn, info, debug.',
    );
  });

  it('refuses an unknown key in the config file, naming the file', () => {
    const file = path.join(rootDir, 'cos-emulator.config.json');
    writeFileSync(file, JSON.stringify({ region: ['ap-guangzhou'] }));
    expect(() => jestEmulatorOptions(rootDir, {})).toThrow(
      `${file}: unknown option region; expected port, host, regions,`,
    );
  });

  it('reads a numeric AppId from the config file as its digits', () => {
    const file = path.join(rootDir, 'cos-emulator.config.yaml');
    writeFileSync(file, 'appId: 1250000001\nauth: off\n');
    expect(jestEmulatorOptions(rootDir, {})).toMatchObject({ appId: '1250000001', auth: 'off' });
  });
});
