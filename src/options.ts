import type { FixtureInput } from './fixtures/fixture-model';
import { LogLevel } from './logger';

/** The COS regions served when none are configured (reference 1.2). */
export const DEFAULT_REGIONS = [
  'ap-beijing',
  'ap-shanghai',
  'ap-guangzhou',
  'ap-chengdu',
  'ap-chongqing',
  'ap-nanjing',
  'ap-hongkong',
  'ap-singapore',
  'ap-tokyo',
  'ap-seoul',
  'ap-bangkok',
  'ap-mumbai',
  'na-siliconvalley',
  'na-ashburn',
  'na-toronto',
  'eu-frankfurt',
  'eu-moscow',
];

export const DEFAULT_APP_ID = '1250000000';
export const DEFAULT_PORT = 8790;

export interface CredentialOption {
  secretId: string;
  secretKey: string;
}

/** Everything an emulator can be started with; the CLI maps flags and env vars onto this. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8790. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Regions served. Default: the real COS region names. */
  regions?: string[];
  /** The emulated account's AppId. Default 1250000000. */
  appId?: string;
  /**
   * Key pairs accepted. Default: the well-known pair DEFAULT_SECRET_ID / DEFAULT_SECRET_KEY,
   * which is replaced (not joined) when pairs are given here.
   */
  credentials?: CredentialOption[];
  /** `verify` checks signatures (default); `off` accepts any request. */
  auth?: 'verify' | 'off';
  /** Default `info` (`warn` when quiet). */
  logLevel?: LogLevel;
  /** Where log lines go. Default standard error. */
  logWriter?: (line: string) => void;
  /** Domains served like myqcloud.com (`<bucket>.cos.<region>.<domain>`); default localhost. */
  localDomains?: string[];
  /** Keep object bytes in this directory instead of memory. */
  dataDir?: string;
  /**
   * Seeded before the emulator listens, and again on every reset: YAML/JSON file paths or
   * fixture documents. Their `appId` and `regions` apply when the options above leave them unset.
   */
  fixtures?: FixtureInput | FixtureInput[];
}

export interface ResolvedOptions {
  port: number;
  host: string;
  regions: string[];
  appId: string;
  credentials: CredentialOption[];
  auth: 'verify' | 'off';
  logLevel: LogLevel;
  logWriter?: (line: string) => void;
  localDomains: string[];
  dataDir?: string;
}
