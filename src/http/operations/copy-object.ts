import { copyObject as copyVersion, CopyDirective } from '../../core/objects/copy-object';
import { parseCopySource } from '../../core/objects/copy-source';
import { NULL_VERSION_ID } from '../../core/model/object-version';
import { CosError } from '../../errors';
import {
  encryptionResponseHeaders,
  readCustomerKey,
  readEncryptionRequest,
} from '../../sse/request-headers';
import { RequestContext } from '../context';
import { isoSeconds, quoteEtag, sendXml } from '../respond';
import {
  checkKey,
  readConditions,
  readForbidOverwrite,
  readObjectAttributes,
} from './object-attributes';
import { withAmzAliases } from './object-headers';

/** PUT Object - Copy (reference 4.11): `x-cos-copy-source`, or the AWS SDK's `x-amz-` form. */
export async function copyObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const key = checkKey(ctx.key());
  const amz = ctx.header('x-cos-copy-source') === undefined;
  const prefix = amz ? 'x-amz-' : 'x-cos-';
  const source = parseCopySource(ctx.header(`${prefix}copy-source`) ?? '');

  const outcome = await copyVersion(ctx.service, bucket, {
    key,
    source,
    conditions: readConditions(ctx, `${prefix}copy-source-`),
    metadataDirective: readDirective(ctx, 'metadata-directive'),
    taggingDirective: readDirective(ctx, 'tagging-directive'),
    attributes: readObjectAttributes(ctx),
    encryption: readEncryptionRequest(ctx),
    sourceCustomerKey: readCustomerKey(ctx, 'copy-source'),
    forbidOverwrite: readForbidOverwrite(ctx),
  });

  const { version } = outcome;
  const versionId = bucket.versioning === 'Enabled' ? version.versionId : undefined;
  const sourceVersionId =
    outcome.source.versionId === NULL_VERSION_ID ? undefined : outcome.source.versionId;
  const headers = withAmzAliases(ctx, {
    'x-cos-version-id': versionId,
    'x-cos-copy-source-version-id': sourceVersionId,
    'x-cos-hash-crc64ecma': version.body?.crc64,
    ...encryptionResponseHeaders(version.body?.encryption),
  });
  sendXml(
    ctx,
    'CopyObjectResult',
    {
      ETag: quoteEtag(version.etag),
      LastModified: isoSeconds(version.lastModified),
      CRC64: version.body?.crc64,
      VersionId: versionId,
    },
    headers,
  );
}

/** `Copy` (default) or `Replaced`; the AWS SDK's `COPY` / `REPLACE` mean the same. */
function readDirective(ctx: RequestContext, name: string): CopyDirective {
  const value = ctx.header(`x-cos-${name}`) ?? ctx.header(`x-amz-${name}`);
  if (value === undefined) return 'Copy';
  switch (value.toLowerCase()) {
    case 'copy':
      return 'Copy';
    case 'replaced':
    case 'replace':
      return 'Replaced';
    default:
      throw new CosError('InvalidArgument', `x-cos-${name} must be Copy or Replaced.`);
  }
}
