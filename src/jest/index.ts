import { randomBytes } from 'crypto';
import { Emulator, startEmulator } from '../emulator';
import type { FixtureInput } from '../fixtures';
import { DEFAULT_APP_ID, EmulatorOptions } from '../options';

interface JestHooks {
  beforeAll(fn: () => Promise<void>, timeout?: number): void;
  afterAll(fn: () => Promise<void>, timeout?: number): void;
}

/** A test file's own emulator; usable inside tests (after beforeAll), not at module load. */
export interface UsedEmulator {
  readonly emulator: Emulator;
  readonly url: string;
  readonly port: number;
  cosOptions(): ReturnType<Emulator['cosOptions']>;
  s3ClientConfig(region?: string): ReturnType<Emulator['s3ClientConfig']>;
  reset(): Promise<void>;
  seed(fixtures: FixtureInput | FixtureInput[]): Promise<void>;
}

/**
 * Per-file isolation: starts an emulator of this test file's own in `beforeAll` (free port,
 * quiet logs unless options say otherwise) and stops it in `afterAll`.
 */
export function useEmulator(options: EmulatorOptions = {}): UsedEmulator {
  const { beforeAll, afterAll } = globalThis as unknown as JestHooks;
  let current: Emulator | undefined;
  beforeAll(async () => {
    current = await startEmulator({ port: 0, logLevel: 'warn', ...options });
  });
  afterAll(async () => {
    await current?.stop();
    current = undefined;
  });

  const running = (): Emulator => {
    if (!current) throw new Error('useEmulator(): the emulator runs from beforeAll to afterAll.');
    return current;
  };
  return {
    get emulator() {
      return running();
    },
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    cosOptions: () => running().cosOptions(),
    s3ClientConfig: (region?: string) => running().s3ClientConfig(region),
    reset: () => running().reset(),
    seed: (fixtures) => running().seed(fixtures),
  };
}

/**
 * A bucket name no other test uses: `<prefix>-<8 hex>-<AppId>`, with the AppId of the shared
 * emulator (COS_EMULATOR_APP_ID) unless given.
 */
export function uniqueBucketName(
  prefix = 'test',
  appId = process.env.COS_EMULATOR_APP_ID ?? DEFAULT_APP_ID,
): string {
  const stem =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'test';
  return `${stem.slice(0, 30)}-${randomBytes(4).toString('hex')}-${appId}`;
}

/** How to reach the run's shared emulator (started by the global setup), from the environment. */
export function sharedEmulator() {
  const env = process.env;
  if (!env.COS_EMULATOR_URL) {
    throw new Error(
      'COS_EMULATOR_URL is not set: add globalSetup "cos-emulator/jest/global-setup" and ' +
        'globalTeardown "cos-emulator/jest/global-teardown" to the jest config.',
    );
  }
  const url = new URL(env.COS_EMULATOR_URL);
  const secretId = env.COS_EMULATOR_SECRET_ID ?? '';
  const secretKey = env.COS_EMULATOR_SECRET_KEY ?? '';
  const regions = (env.COS_EMULATOR_REGIONS ?? '').split(',').filter(Boolean);
  return {
    url: env.COS_EMULATOR_URL,
    port: Number(url.port),
    appId: env.COS_EMULATOR_APP_ID ?? DEFAULT_APP_ID,
    regions,
    secretId,
    secretKey,
    /** Options for `new COS(...)` of cos-nodejs-sdk-v5. */
    cosOptions: () => ({
      SecretId: secretId,
      SecretKey: secretKey,
      Protocol: 'http:' as const,
      Ip: url.host,
    }),
    /** Configuration for `new S3Client(...)` of @aws-sdk/client-s3. */
    s3ClientConfig: (region = regions[0]) => ({
      endpoint: env.COS_EMULATOR_URL,
      region,
      forcePathStyle: true,
      credentials: { accessKeyId: secretId, secretAccessKey: secretKey },
      requestChecksumCalculation: 'WHEN_REQUIRED' as const,
      responseChecksumValidation: 'WHEN_REQUIRED' as const,
    }),
  };
}
