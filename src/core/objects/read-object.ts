import { CosError } from '../../errors';
import { Bucket } from '../bucket';
import { ObjectVersion } from '../model/object-version';

/**
 * The version a GET/HEAD addresses: the latest, or the one named by versionId. A delete marker
 * as latest is 404 NoSuchKey with `x-cos-delete-marker: true` (S3 semantics, reference 4.8).
 */
export function resolveVersion(bucket: Bucket, key: string, versionId?: string): ObjectVersion {
  if (versionId === undefined) {
    const latest = bucket.objects.latest(key);
    if (!latest) throw new CosError('NoSuchKey');
    if (latest.isDeleteMarker) {
      throw new CosError(
        'NoSuchKey',
        undefined,
        {},
        {
          'x-cos-delete-marker': 'true',
          'x-cos-version-id': latest.versionId,
        },
      );
    }
    return latest;
  }
  const version = bucket.objects.version(key, versionId);
  if (!version) {
    throw new CosError(bucket.objects.history(key) ? 'NoSuchVersion' : 'NoSuchKey');
  }
  if (version.isDeleteMarker) {
    // GET of a delete marker by id: 405 as in S3 (reference appendix A.17, suggested default).
    throw new CosError(
      'MethodNotAllowed',
      undefined,
      {},
      {
        'x-cos-delete-marker': 'true',
        'x-cos-version-id': version.versionId,
      },
    );
  }
  return version;
}

const ARCHIVE_CLASSES = new Set(['ARCHIVE', 'DEEP_ARCHIVE', 'MAZ_ARCHIVE']);

/**
 * Archived objects cannot be read until restored (403 InvalidObjectState, reference 4.8). Restore
 * is not emulated, so an archived object stays unreadable.
 */
export function assertNotArchived(version: ObjectVersion): void {
  if (ARCHIVE_CLASSES.has(version.storageClass)) throw new CosError('InvalidObjectState');
}
