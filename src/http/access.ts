import { CosError } from '../errors';
import { RequestContext } from './context';
import { Operation } from './operations/operation';

/**
 * Whether the caller may run the operation. Signed requests by a known SecretId own everything
 * (one emulated account). Anonymous requests pass only where an ACL makes the resource public.
 */
export function checkAccess(ctx: RequestContext, operation: Operation): void {
  if (ctx.principal.kind === 'signed') return;
  if (ctx.runtime.auth.mode === 'off') return;
  if (operation.method === 'OPTIONS') return;
  if (operation.name === 'PostObject') return; // the form carries its own signature
  if (isPublic(ctx, operation)) return;
  throw new CosError('AccessDenied');
}

function isPublic(ctx: RequestContext, operation: Operation): boolean {
  if (operation.level === 'service' || !ctx.target.bucket) return false;
  const bucket = ctx.service.findBucket(ctx.target.bucket, ctx.target.region);
  // A missing bucket is reported as such rather than hidden behind AccessDenied.
  if (!bucket) throw new CosError('NoSuchBucket');
  const reads = operation.method === 'GET' || operation.method === 'HEAD';
  const canned = objectCannedAcl(ctx) ?? bucket.acl.canned;
  if (reads && operation.subresource === undefined) {
    return canned === 'public-read' || canned === 'public-read-write';
  }
  const writes = ['PutObject', 'DeleteObject', 'AppendObject'].includes(operation.name);
  return writes && bucket.acl.canned === 'public-read-write';
}

function objectCannedAcl(ctx: RequestContext): string | undefined {
  const key = ctx.target.key;
  if (key === undefined || !ctx.target.bucket) return undefined;
  const bucket = ctx.service.findBucket(ctx.target.bucket, ctx.target.region);
  const canned = bucket?.objects.currentObject(key)?.acl?.canned;
  return canned === 'default' ? undefined : canned;
}
