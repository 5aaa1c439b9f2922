import { CosError } from '../../errors';
import { Bucket } from '../bucket';

/**
 * PUT Bucket versioning (reference 4.15). Only `Enabled` and `Suspended` can be set: a bucket
 * never goes back to "never enabled". Suspending a bucket that was never versioned is allowed
 * (as in S3); new writes then get the `null` version id.
 */
export function setBucketVersioning(bucket: Bucket, status: string): void {
  if (status !== 'Enabled' && status !== 'Suspended') {
    throw new CosError('InvalidArgument', `The versioning status "${status}" is not valid.`);
  }
  bucket.versioning = status;
}
