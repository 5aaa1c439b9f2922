import { setBucketVersioning } from '../../core/objects/versioning';
import { RequestContext } from '../context';
import { readXmlBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';

/** PUT /?versioning with `<VersioningConfiguration><Status>` (reference 4.15). */
export async function putBucketVersioning(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const configuration = await readXmlBody(ctx, 'VersioningConfiguration');
  setBucketVersioning(bucket, configuration.requireText('Status'));
  sendEmpty(ctx, 200);
}

/** GET /?versioning: `<VersioningConfiguration/>` with no Status when never enabled. */
export async function getBucketVersioning(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const status = bucket.versioning === '' ? undefined : bucket.versioning;
  sendXml(ctx, 'VersioningConfiguration', { Status: status });
}
