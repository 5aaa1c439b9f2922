import { CosError } from '../../errors';
import { Grant } from '../model/object-version';

export const ALL_USERS_URI = 'http://cam.qcloud.com/groups/global/AllUsers';
export const BUCKET_CANNED_ACLS = ['private', 'public-read', 'public-read-write'];
/** Objects also take `default`: no ACL of their own, the bucket's applies. */
export const OBJECT_CANNED_ACLS = [...BUCKET_CANNED_ACLS, 'default'];

const GRANT_HEADERS: ReadonlyArray<readonly [string, Grant['permission']]> = [
  ['x-cos-grant-read', 'READ'],
  ['x-cos-grant-write', 'WRITE'],
  ['x-cos-grant-read-acp', 'READ_ACP'],
  ['x-cos-grant-write-acp', 'WRITE_ACP'],
  ['x-cos-grant-full-control', 'FULL_CONTROL'],
];

/** A grantee as COS writes it: `qcs::cam::uin/<owner>:uin/<sub>`; a bare UIN is expanded. */
export function canonicalGrantee(id: string): string {
  return /^\d+$/.test(id) ? `qcs::cam::uin/${id}:uin/${id}` : id;
}

/**
 * Grants from `x-cos-grant-*` headers, whose values list grantees as
 * `id="100000000001",uri="http://cam.qcloud.com/groups/global/AllUsers"`.
 */
export function grantsFromHeaders(header: (name: string) => string | undefined): Grant[] {
  const grants: Grant[] = [];
  for (const [name, permission] of GRANT_HEADERS) {
    const value = header(name);
    if (value === undefined) continue;
    for (const item of value.split(',')) {
      const match = /^\s*(id|uri)\s*=\s*"([^"]*)"\s*$/i.exec(item);
      if (!match || match[2] === '') {
        throw new CosError('InvalidArgument', `${name} must list id="..." or uri="..." items.`);
      }
      const isGroup = match[1].toLowerCase() === 'uri';
      const grantee = isGroup ? match[2] : canonicalGrantee(match[2]);
      if (!grants.some((g) => g.grantee === grantee && g.permission === permission)) {
        grants.push({ grantee, granteeType: isGroup ? 'Group' : 'CanonicalUser', permission });
      }
    }
  }
  return grants;
}

/** The public grants a canned ACL stands for (the owner's FULL_CONTROL is always implied). */
export function cannedGrants(canned: string | undefined): Grant[] {
  const group = (permission: Grant['permission']): Grant => ({
    grantee: ALL_USERS_URI,
    granteeType: 'Group',
    permission,
  });
  if (canned === 'public-read') return [group('READ')];
  if (canned === 'public-read-write') return [group('READ'), group('WRITE')];
  return [];
}

/**
 * Splits grants into the canned ACL their public part amounts to and the other grants, so that
 * an `<AccessControlPolicy>` body and the `x-cos-acl` header end up in the same shape.
 */
export function cannedFromGrants(grants: Grant[]): { canned: string; grants: Grant[] } {
  const publicPermissions = new Set(grants.filter(isPublic).map((g) => g.permission));
  const writes = publicPermissions.has('WRITE') || publicPermissions.has('FULL_CONTROL');
  const reads = publicPermissions.has('READ') || publicPermissions.has('FULL_CONTROL');
  const canned = reads && writes ? 'public-read-write' : reads ? 'public-read' : 'private';
  return { canned, grants: grants.filter((g) => !isPublic(g)) };
}

/**
 * A canned ACL plus grant headers, with the AllUsers grants folded into the canned ACL: access
 * checks read the canned ACL, so `x-cos-grant-read: uri="...AllUsers"` makes the resource public
 * just as `x-cos-acl: public-read` does.
 */
export function withPublicGrantsFolded(
  canned: string | undefined,
  grants: Grant[],
): { canned?: string; grants: Grant[] } {
  if (!grants.some(isPublic)) return { canned, grants };
  return cannedFromGrants([...cannedGrants(canned), ...grants]);
}

function isPublic(grant: Grant): boolean {
  return grant.granteeType === 'Group' && grant.grantee === ALL_USERS_URI;
}
