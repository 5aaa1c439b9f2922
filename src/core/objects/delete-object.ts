import { Bucket } from '../bucket';
import { newVersionId } from '../ids';
import { NULL_VERSION_ID } from '../model/object-version';
import { createObjectVersion } from '../model/version-record';
import { CosService } from '../service';
import { releaseBody } from './store-body';

export interface DeleteOutcome {
  /** The version removed, or the id of the delete marker created. */
  versionId?: string;
  /** True when a delete marker was created, or the version removed was one. */
  deleteMarker: boolean;
}

/**
 * DELETE Object (reference 4.10). Without a version id: unversioned buckets remove the object,
 * versioned ones add a delete marker (id `null` when Suspended). With one: that version goes for
 * good. A missing key is not an error.
 */
export function deleteObject(
  service: CosService,
  bucket: Bucket,
  key: string,
  versionId?: string,
): DeleteOutcome {
  if (versionId !== undefined) {
    const removed = bucket.objects.remove(key, versionId);
    if (!removed) return { versionId, deleteMarker: false };
    releaseBody(service, removed.body);
    service.events.emit('objectRemoved', { bucket, key, versionId });
    return { versionId, deleteMarker: removed.isDeleteMarker };
  }

  if (bucket.versioning === '') {
    const removed = bucket.objects.remove(key, NULL_VERSION_ID);
    if (removed) {
      releaseBody(service, removed.body);
      service.events.emit('objectRemoved', { bucket, key });
    }
    return { deleteMarker: false };
  }

  const marker = createObjectVersion({
    key,
    versionId: bucket.versioning === 'Enabled' ? newVersionId() : NULL_VERSION_ID,
    isDeleteMarker: true,
    lastModified: service.clock.now(),
    etag: '',
    size: 0,
    contentHeaders: {},
    userMetadata: {},
    storageClass: 'STANDARD',
    tags: [],
  });
  const replaced = bucket.objects.add(marker, bucket.versioning);
  releaseBody(service, replaced?.body);
  service.events.emit('objectRemoved', { bucket, key, deleteMarker: marker });
  return { versionId: marker.versionId, deleteMarker: true };
}
