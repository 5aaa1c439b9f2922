import { CosError } from '../../errors';
import { ObjectVersion } from '../model/object-version';
import { CosService } from '../service';
import { assertCopyConditions, ObjectConditions } from './conditions';
import { assertNotArchived } from './read-object';
import { assertReadable } from './store-body';

/** The object a copy reads from, as named by `x-cos-copy-source`. */
export interface CopySource {
  /** Full bucket name `<name>-<appid>`. */
  bucket: string;
  /** Region from the COS domain form; absent for the `/bucket/key` form (any region). */
  region?: string;
  /** Decoded key. */
  key: string;
  versionId?: string;
}

const DOMAIN_FORM = /^([a-z0-9-]+-\d+)\.cos(?:-internal|-cdc|v6)?\.([a-z0-9-]+)\.[^/]+\/(.+)$/;
const PATH_FORM = /^\/?([a-z0-9-]+-\d+)\/(.+)$/;

/**
 * Parses a copy source (reference 4.11): `<bucket>.cos.<region>.<domain>/<key>[?versionId=..]`
 * as the COS SDKs send it, or `/bucket/key` and `bucket/key` as the AWS SDK sends
 * `x-amz-copy-source`. The key is URL-decoded. Anything else is 400 InvalidCopySource.
 */
export function parseCopySource(header: string): CopySource {
  let text = header.trim().replace(/^https?:\/\//i, '');
  let versionId: string | undefined;
  const versionAt = text.lastIndexOf('?versionId=');
  if (versionAt >= 0) {
    versionId = decodeLeniently(text.slice(versionAt + '?versionId='.length));
    text = text.slice(0, versionAt);
    if (versionId === '') throw invalid(header);
  }

  const domain = DOMAIN_FORM.exec(text);
  const path = domain ? undefined : PATH_FORM.exec(text);
  if (!domain && !path) throw invalid(header);
  const key = decodeLeniently(domain ? domain[3] : path![2]);
  if (key === '') throw invalid(header);
  return domain
    ? { bucket: domain[1], region: domain[2], key, versionId }
    : { bucket: path![1], key, versionId };
}

/**
 * The source version a copy (PUT Object - Copy or Upload Part - Copy) reads: it must exist, be
 * an object rather than a delete marker, pass the copy-source preconditions (412) and be
 * readable with the presented SSE-C key. Missing bucket: NoSuchBucket; missing key or version:
 * NoSuchCopySource (the code the reference's table names for a missing copy source).
 */
export function resolveCopySource(
  service: CosService,
  source: CopySource,
  conditions: ObjectConditions = {},
  customerKey?: Buffer,
): ObjectVersion {
  const bucket = service.findBucket(source.bucket, source.region);
  if (!bucket) throw new CosError('NoSuchBucket', 'The copy source bucket does not exist.');

  const version =
    source.versionId === undefined
      ? bucket.objects.latest(source.key)
      : bucket.objects.version(source.key, source.versionId);
  if (!version) throw new CosError('NoSuchCopySource');
  if (version.isDeleteMarker) {
    if (source.versionId === undefined) throw new CosError('NoSuchCopySource');
    throw new CosError('InvalidRequest', 'The copy source must not name a delete marker.');
  }
  assertNotArchived(version);

  assertCopyConditions(version, conditions);
  if (version.body) assertReadable(service, version.body, customerKey);
  return version;
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A raw `%` the caller did not encode: take the text as the key itself.
    return text;
  }
}

function invalid(header: string): CosError {
  return new CosError('InvalidCopySource', `The copy source "${header}" is not valid.`);
}
