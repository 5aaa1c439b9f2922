import { once } from 'events';
import http from 'http';
import { AddressInfo } from 'net';
import { CosService } from './core/service';
import { controlRouter } from './control/router';
import { createCosApp } from './http/app';
import { HttpRuntime } from './http/context';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, StaticCredentialStore } from './http/auth';
import { Logger } from './logger';
import {
  DEFAULT_APP_ID,
  DEFAULT_PORT,
  DEFAULT_REGIONS,
  EmulatorOptions,
  ResolvedOptions,
} from './options';
import { createBlobStore } from './storage/create-blob-store';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const VERSION: string = require('../package.json').version;

/** A running (or stopped) emulator: one account, several regions, one port. */
export class Emulator {
  readonly version = VERSION;
  readonly options: ResolvedOptions;
  readonly service: CosService;
  readonly log: Logger;
  private server?: http.Server;
  private startedAt = Date.now();

  constructor(options: EmulatorOptions = {}) {
    this.options = resolveOptions(options);
    this.log = new Logger(this.options.logLevel, this.options.logWriter);
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

  get credentials() {
    return this.options.credentials;
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
    return `http://${this.options.host}:${this.port}`;
  }

  async start(): Promise<this> {
    const runtime: HttpRuntime = {
      service: this.service,
      log: this.log,
      localDomains: this.options.localDomains,
      auth: {
        mode: this.options.auth,
        credentials: new StaticCredentialStore(this.options.credentials),
        now: () => this.service.clock.now(),
      },
    };
    const app = createCosApp(runtime, controlRouter(this));
    this.server = http.createServer(app);
    this.server.keepAliveTimeout = 65_000;
    this.server.listen(this.options.port, this.options.host);
    await once(this.server, 'listening');
    this.startedAt = Date.now();
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
      Ip: `${this.options.host}:${this.port}`,
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

  /** Wipes every bucket, object and byte. */
  async reset(): Promise<void> {
    this.service.clear();
    this.service.clock.reset();
  }
}

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const defaultPair = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
  return {
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? '127.0.0.1',
    regions: options.regions ?? DEFAULT_REGIONS,
    appId: options.appId ?? DEFAULT_APP_ID,
    credentials: [defaultPair, ...(options.credentials ?? [])],
    auth: options.auth ?? 'verify',
    logLevel: options.logLevel ?? 'info',
    logWriter: options.logWriter,
    localDomains: options.localDomains ?? ['localhost'],
    dataDir: options.dataDir,
  };
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).start();
}
