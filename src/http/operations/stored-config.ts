import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

/** A bucket configuration stored and returned faithfully, but not enforced. */
export interface StoredConfig {
  apiName: string;
  subresource: string;
  put: (ctx: RequestContext) => Promise<void>;
  get: (ctx: RequestContext) => Promise<void>;
  delete: (ctx: RequestContext) => Promise<void>;
}

async function unimplemented(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export const STORED_CONFIGS: StoredConfig[] = [
  'Policy', 'Lifecycle', 'Website', 'Referer', 'Domain', 'Logging', 'Accelerate',
].map((apiName) => ({
  apiName,
  subresource: apiName.toLowerCase(),
  put: unimplemented,
  get: unimplemented,
  delete: unimplemented,
}));
