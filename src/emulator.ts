import { once } from 'events';
import http from 'http';
import { AddressInfo } from 'net';
import { CosService } from './core/service';
import { controlListener } from './control/control-listener';
import { EmulatorCredentials } from './emulator-credentials';
import type { Fixture, FixtureInput } from './fixtures/fixture-model';
import { fixtureParser } from './fixtures/fixture-parser';
import { seedFixture, SeedTarget } from './fixtures/seed-fixture';
import { createCosApp } from './http/app';
import { HttpRuntime } from './http/context';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from './http/auth';
import { Logger } from './logger';
import { checkOptions } from './option-checks';
import {
  CredentialOption,
  DEFAULT_APP_ID,
  DEFAULT_PORT,
  DEFAULT_REGIONS,
  EmulatorOptions,
  ResolvedOptions,
} from './options';
import { createBlobStore } from './storage/create-blob-store';
import type { EmulatedKms } from './kms/emulated-kms';
import { RawObject, rawObject } from './sse/raw-object';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const VERSION: string = require('../package.json').version;

/** A running (or stopped) emulator: one account, several regions, one port. */
export class Emulator {
  readonly version = VERSION;
  readonly options: ResolvedOptions;
  readonly service: CosService;
  readonly log: Logger;
  /** The start-up fixtures, validated and merged; seeded on start and on every reset. */
  readonly startupFixture?: Fixture;
  private readonly keyPairs: EmulatorCredentials;
  private server?: http.Server;
  private startedAt = Date.now();

  /**
   * Validates the options (InvalidOptionsError) and the start-up fixtures (FixtureError).
   */
  constructor(options: EmulatorOptions = {}) {
    checkOptions(options);
    const inputs = options.fixtures === undefined ? [] : [options.fixtures].flat();
    this.startupFixture = inputs.length > 0 ? fixtureParser().loadFixtures(inputs) : undefined;
    this.options = resolveOptions(options, this.startupFixture);
    this.log = new Logger(this.options.logLevel, this.options.logWriter);
    this.keyPairs = new EmulatorCredentials(this.options.credentials);
    this.service = new CosService({
      appId: this.options.appId,
      ownerUin: this.options.appId,
      regions: this.options.regions,
      blobStore: createBlobStore(this.options.dataDir),
    });
  }

  get regions(): string[] {
    return this.options.regions;
  }

  get appId(): string {
    return this.options.appId;
  }

  /** The key pairs accepted now (start-up pairs first, then any a fixture added). */
  get credentials(): CredentialOption[] {
    return this.keyPairs.list();
  }

  get uptimeMs(): number {
    return Date.now() - this.startedAt;
  }

  get port(): number {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The emulator is not listening.');
    return address.port;
  }

  get url(): string {
    return `http://${urlHost(this.options.host)}:${this.port}`;
  }

  /** Seeds the start-up fixtures, then listens. Rejects if the port is taken. */
  async start(): Promise<this> {
    await this.seedStartup();
    return this.listen();
  }

  /** The first half of start(): seeds the start-up fixtures (FixtureError if they conflict). */
  async seedStartup(): Promise<void> {
    if (this.startupFixture) await seedFixture(this.seedTarget(), this.startupFixture);
  }

  /** The second half of start(): listens; rejects with the socket error (EADDRINUSE, ...). */
  async listen(): Promise<this> {
    const runtime: HttpRuntime = {
      service: this.service,
      log: this.log,
      localDomains: this.options.localDomains,
      auth: {
        mode: this.options.auth,
        credentials: this.keyPairs,
        now: () => this.service.clock.now(),
      },
    };
    const app = createCosApp(runtime, controlListener(this));
    const server = http.createServer(app);
    server.keepAliveTimeout = 65_000;
    server.listen(this.options.port, this.options.host);
    await once(server, 'listening');
    this.server = server;
    this.startedAt = Date.now();
    this.log.debug(`listening on ${this.url}`);
    return this;
  }

  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = once(server, 'close');
    server.close();
    server.closeIdleConnections();
    await closed;
  }

  /**
   * Options for `new COS(...)` of cos-nodejs-sdk-v5: the SDK keeps the real COS host names in
   * the Host header and connects to this emulator through `Ip` (reference 1.5 a).
   */
  cosOptions(): { SecretId: string; SecretKey: string; Protocol: 'http:'; Ip: string } {
    const [pair] = this.options.credentials;
    return {
      SecretId: pair.secretId,
      SecretKey: pair.secretKey,
      Protocol: 'http:' as const,
      Ip: `${urlHost(this.options.host)}:${this.port}`,
    };
  }

  /** Configuration for `new S3Client(...)` of @aws-sdk/client-s3, path style, SigV4. */
  s3ClientConfig(region = this.options.regions[0]) {
    const [pair] = this.options.credentials;
    return {
      endpoint: this.url,
      region,
      forcePathStyle: true,
      credentials: { accessKeyId: pair.secretId, secretAccessKey: pair.secretKey },
      // COS rejects aws-chunked uploads; send plain bodies (reference 1.7).
      requestChecksumCalculation: 'WHEN_REQUIRED' as const,
      responseChecksumValidation: 'WHEN_REQUIRED' as const,
    };
  }

  /**
   * Wipes every bucket, object, byte and added key pair, puts the clock back, and seeds the
   * start-up fixtures again. Fixtures seeded later with seed() are not re-seeded.
   */
  async reset(): Promise<void> {
    this.service.clear();
    this.service.clock.reset();
    this.keyPairs.reset();
    if (this.startupFixture) await seedFixture(this.seedTarget(), this.startupFixture);
  }

  /**
   * Seeds more fixtures (paths or documents) into the running emulator. Validation and
   * conflicts (an existing bucket, an unserved region) throw FixtureError before any write.
   */
  async seed(fixtures: FixtureInput | FixtureInput[]): Promise<void> {
    await this.seedLoaded(fixtureParser().loadFixtures([fixtures].flat()));
  }

  /** Seeds an already validated fixture (the control endpoint parses request bodies itself). */
  async seedLoaded(fixture: Fixture): Promise<void> {
    await seedFixture(this.seedTarget(), fixture);
  }

  /** Moves the emulator's clock forward (signature expiry, lifecycle dates) without sleeping. */
  advanceClock(seconds: number): Date {
    this.service.clock.advance(seconds * 1000);
    return this.service.clock.now();
  }

  /** The emulated KMS: createKey, listKeys, enableKey, disableKey, scheduleKeyDeletion, ... */
  get kms(): EmulatedKms {
    return this.service.kms;
  }

  /** An object version's bytes as stored at rest, and how they are encrypted. */
  rawObject(bucket: string, key: string, versionId?: string): RawObject {
    return rawObject(this.service, bucket, key, versionId);
  }

  private seedTarget(): SeedTarget {
    return {
      service: this.service,
      addCredentials: (pairs) => this.keyPairs.add(pairs),
    };
  }
}

function resolveOptions(options: EmulatorOptions, fixture: Fixture | undefined): ResolvedOptions {
  const defaultPair = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
  const credentials = options.credentials?.length ? options.credentials : [defaultPair];
  return {
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? '127.0.0.1',
    regions: options.regions ?? fixture?.regions ?? DEFAULT_REGIONS,
    appId: options.appId ?? fixture?.appId ?? DEFAULT_APP_ID,
    credentials,
    auth: options.auth ?? 'verify',
    logLevel: options.logLevel ?? 'info',
    logWriter: options.logWriter,
    localDomains: options.localDomains ?? ['localhost'],
    dataDir: options.dataDir,
  };
}

/** An IPv6 address goes in brackets inside a URL. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).start();
}
