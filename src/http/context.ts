import type { IncomingMessage, ServerResponse } from 'http';
import { Bucket } from '../core/bucket';
import { CosService } from '../core/service';
import { CosError } from '../errors';
import { Logger } from '../logger';
import type { AuthSettings, Principal } from './auth';
import { Target } from './routing';

/** What the HTTP adapter needs from the emulator that owns it. */
export interface HttpRuntime {
  service: CosService;
  auth: AuthSettings;
  log: Logger;
  localDomains: string[];
}

/** Everything one request's handler needs: the request, its target, caller and helpers. */
export class RequestContext {
  principal: Principal = { kind: 'anonymous' };
  operation = 'Unknown';
  private resolvedBucket?: Bucket;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly runtime: HttpRuntime,
    readonly requestId: string,
    readonly target: Target,
    readonly log: Logger,
  ) {}

  get service(): CosService {
    return this.runtime.service;
  }

  get query() {
    return this.target.query;
  }

  /** A request header as one string; empty values count as absent (the SDK sends some empty). */
  header(name: string): string | undefined {
    const value = this.req.headers[name];
    const text = Array.isArray(value) ? value.join(',') : value;
    return text === undefined || text === '' ? undefined : text;
  }

  /** The addressed bucket; NoSuchBucket when missing or addressed through another region. */
  bucket(): Bucket {
    if (this.resolvedBucket) return this.resolvedBucket;
    const name = this.target.bucket;
    if (!name) throw new CosError('NoSuchBucket');
    this.resolvedBucket = this.service.getBucket(name, this.target.region);
    return this.resolvedBucket;
  }

  /** The addressed key; object-level operations only run when there is one. */
  key(): string {
    if (this.target.key === undefined) throw new CosError('InvalidURI');
    return this.target.key;
  }

  /** `host/path` for the Resource element of errors. */
  get resource(): string {
    return this.target.hostHeader + this.target.rawPath;
  }
}
