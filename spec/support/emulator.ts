import { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'crypto';
// eslint-disable-next-line @typescript-eslint/no-var-requires
import COS = require('cos-nodejs-sdk-v5');
import { Emulator, EmulatorOptions, startEmulator } from '../../src';

export const REGION = 'ap-guangzhou';
export const APP_ID = '1250000000';

/** An emulator of this test file's own, with clients for both SDKs. */
export interface TestEmulator {
  emulator: Emulator;
  cos: COS;
  s3: S3Client;
  /** A fresh bucket name (`<prefix>-<random>-1250000000`), not yet created. */
  bucketName(prefix?: string): string;
  /** Creates a fresh bucket through the SDK and returns its name. */
  createBucket(prefix?: string, region?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, logLevel: 'silent', ...options });
  const cos = new COS(emulator.cosOptions());
  const s3 = new S3Client(emulator.s3ClientConfig(REGION));
  const bucketName = (prefix = 'test') => `${prefix}-${randomBytes(4).toString('hex')}-${APP_ID}`;
  return {
    emulator,
    cos,
    s3,
    bucketName,
    async createBucket(prefix, region = REGION) {
      const name = bucketName(prefix);
      await cos.putBucket({ Bucket: name, Region: region });
      return name;
    },
    async stop() {
      s3.destroy();
      await emulator.stop();
    },
  };
}
