import {
  BUCKET_CANNED_ACLS,
  cannedFromGrants,
  cannedGrants,
  canonicalGrantee,
  grantsFromHeaders,
  OBJECT_CANNED_ACLS,
  withPublicGrantsFolded,
} from '../../core/acl/acl-grants';
import { Grant } from '../../core/model/object-version';
import { resolveVersion } from '../../core/objects/read-object';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { readSmallBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';
import { parseXml, XmlElement, XmlObject } from '../xml';

const PERMISSIONS: ReadonlyArray<Grant['permission']> = [
  'READ',
  'WRITE',
  'READ_ACP',
  'WRITE_ACP',
  'FULL_CONTROL',
];
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** PUT Bucket acl: a canned ACL and grant headers, or an `<AccessControlPolicy>` body. */
export async function putBucketAcl(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const acl = await readAclRequest(ctx, BUCKET_CANNED_ACLS);
  bucket.acl = { canned: acl.canned ?? 'private', grants: acl.grants };
  sendEmpty(ctx, 200);
}

export async function getBucketAcl(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const grants = [...cannedGrants(bucket.acl.canned), ...bucket.acl.grants];
  sendAcl(ctx, grants, bucket.acl.canned);
}

/** PUT Object acl, of the latest version or the one `versionId` names. */
export async function putObjectAcl(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const versionId = ctx.query.get('versionId');
  const version = resolveVersion(bucket, ctx.key(), versionId);
  const acl = await readAclRequest(ctx, OBJECT_CANNED_ACLS);
  version.acl = { canned: acl.canned ?? 'private', grants: acl.grants };
  sendEmpty(ctx, 200, { 'x-cos-version-id': versionId });
}

/** GET Object acl. An object without an ACL of its own shows `default` (the bucket's applies). */
export async function getObjectAcl(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const versionId = ctx.query.get('versionId');
  const version = resolveVersion(bucket, ctx.key(), versionId);
  const canned = version.acl?.canned ?? 'default';
  const grants = [...cannedGrants(canned), ...(version.acl?.grants ?? [])];
  sendAcl(ctx, grants, canned, { 'x-cos-version-id': versionId });
}

interface AclRequest {
  canned?: string;
  grants: Grant[];
}

async function readAclRequest(ctx: RequestContext, cannedAcls: string[]): Promise<AclRequest> {
  const canned = ctx.header('x-cos-acl') ?? ctx.header('x-amz-acl');
  if (canned !== undefined && !cannedAcls.includes(canned)) {
    throw new CosError('InvalidArgument', `Invalid x-cos-acl: ${canned}`);
  }
  const headerGrants = grantsFromHeaders((name) => ctx.header(name));
  const body = await readSmallBody(ctx);
  if (body.length === 0) {
    if (canned === undefined && headerGrants.length === 0) {
      throw new CosError('MissingRequestBodyError', 'Send x-cos-acl, x-cos-grant-* or a body.');
    }
    return withPublicGrantsFolded(canned, headerGrants);
  }
  if (canned !== undefined || headerGrants.length > 0) {
    throw new CosError('InvalidRequest', 'Send either ACL headers or an ACL body, not both.');
  }
  const policy = parseXml(body.toString('utf8'), 'AccessControlPolicy');
  const list = policy.child('AccessControlList');
  const grants = (list?.all('Grant') ?? []).map(parseGrant);
  return cannedFromGrants(grants);
}

function parseGrant(grant: XmlElement): Grant {
  const grantee = grant.child('Grantee');
  const permission = grant.requireText('Permission') as Grant['permission'];
  if (!grantee || !PERMISSIONS.includes(permission)) throw new CosError('MalformedXML');
  const uri = grantee.textOf('URI');
  if (uri !== undefined) return { grantee: uri, granteeType: 'Group', permission };
  const id = grantee.requireText('ID');
  return { grantee: canonicalGrantee(id), granteeType: 'CanonicalUser', permission };
}

/** The `<AccessControlPolicy>` COS answers: the owner, who always has FULL_CONTROL, first. */
function sendAcl(
  ctx: RequestContext,
  grants: Grant[],
  canned: string,
  headers: Record<string, string | undefined> = {},
): void {
  const owner = { ID: ctx.service.ownerId, DisplayName: ctx.service.ownerId };
  const all: Grant[] = [
    { grantee: owner.ID, granteeType: 'CanonicalUser', permission: 'FULL_CONTROL' },
    ...grants.filter((g) => !(g.grantee === owner.ID && g.permission === 'FULL_CONTROL')),
  ];
  sendXml(
    ctx,
    'AccessControlPolicy',
    {
      Owner: owner,
      AccessControlList: { Grant: all.map(grantXml) },
    },
    { 'x-cos-acl': canned, ...headers },
  );
}

function grantXml(grant: Grant): XmlObject {
  const who: XmlObject =
    grant.granteeType === 'Group'
      ? { URI: grant.grantee }
      : { ID: grant.grantee, DisplayName: grant.grantee };
  return {
    Grantee: { '@xmlns:xsi': XSI, '@xsi:type': grant.granteeType, ...who },
    Permission: grant.permission,
  };
}
