import type { Bucket } from '../core/bucket';
import type { ObjectVersion } from '../core/model/object-version';
import { CosError } from '../errors';
import { RequestContext } from './context';
import { Operation } from './operations/operation';

const PUBLIC_WRITES = new Set(['PutObject', 'DeleteObject', 'AppendObject']);

/**
 * Whether the caller may run the operation. Signed requests by a known SecretId own everything
 * (one emulated account). Anonymous requests pass only where an ACL makes the resource public:
 * reads of objects (and listing) under public-read, writes of objects under a public-read-write
 * bucket. Sub-resources (ACLs, configurations) are never public, nor are encrypted objects.
 */
export function checkAccess(ctx: RequestContext, operation: Operation): void {
  if (ctx.principal.kind === 'signed') return;
  if (ctx.runtime.auth.mode === 'off') return;
  // Preflights are answered from the CORS rules, and a form carries its own signature.
  if (operation.method === 'OPTIONS') return;
  if (operation.name === 'PostObject') return;
  if (isPublic(ctx, operation)) return;
  throw new CosError('AccessDenied');
}

function isPublic(ctx: RequestContext, operation: Operation): boolean {
  if (operation.level === 'service' || !ctx.target.bucket) return false;
  const bucket = ctx.service.findBucket(ctx.target.bucket, ctx.target.region);
  // A missing bucket is reported as such rather than hidden behind AccessDenied.
  if (!bucket) throw new CosError('NoSuchBucket');
  const reads = operation.method === 'GET' || operation.method === 'HEAD';
  if (reads && operation.subresource === undefined) {
    const version = targetVersion(ctx, bucket);
    // Reference 5.3: encrypted objects cannot be read anonymously, whatever the ACL. COS names
    // no error code for it (UNCONFIRMED): we answer AccessDenied like any refused anonymous call.
    if (version?.body?.encryption) {
      throw new CosError('AccessDenied', 'An encrypted object cannot be read anonymously.');
    }
    const own = version?.acl?.canned;
    const canned = own === undefined || own === 'default' ? bucket.acl.canned : own;
    return canned === 'public-read' || canned === 'public-read-write';
  }
  return PUBLIC_WRITES.has(operation.name) && bucket.acl.canned === 'public-read-write';
}

/** The object version an object-level request names (the current one without versionId). */
function targetVersion(ctx: RequestContext, bucket: Bucket): ObjectVersion | undefined {
  const key = ctx.target.key;
  if (key === undefined) return undefined;
  const versionId = ctx.query.get('versionId');
  return versionId === undefined
    ? bucket.objects.currentObject(key)
    : bucket.objects.version(key, versionId);
}
