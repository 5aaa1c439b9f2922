import { ObjectTable, VersioningStatus } from './objects/object-table';
import { Grant, Tag } from './model/object-version';
import { UploadTable } from './multipart/upload-table';
import type { BucketEncryption } from '../sse/bucket-encryption';
import type { BucketLayout } from './buckets/bucket-layout';
import type { CorsConfiguration } from './buckets/cors-rules';

export interface BucketAcl {
  /** `private`, `public-read` or `public-read-write`. */
  canned: string;
  grants: Grant[];
}

/**
 * One bucket: where it lives, its settings and its objects. Settings that COS enforces are typed
 * fields; configurations the emulator stores but does not enforce live in `storedConfigs`, keyed
 * by sub-resource name (`policy`, `lifecycle`, `website`, ...).
 */
export class Bucket {
  readonly objects = new ObjectTable();
  readonly uploads = new UploadTable();
  versioning: VersioningStatus = '';
  acl: BucketAcl = { canned: 'private', grants: [] };
  tags: Tag[] = [];
  encryption?: BucketEncryption;
  layout: BucketLayout = {};
  cors?: CorsConfiguration;
  readonly storedConfigs = new Map<string, unknown>();

  constructor(
    /** Full name, `<name>-<appid>`. */
    readonly name: string,
    readonly region: string,
    readonly createdAt: Date,
  ) {}

  /** The AppId that owns the bucket: the numeric suffix of its name. */
  get appId(): string {
    return this.name.slice(this.name.lastIndexOf('-') + 1);
  }

  /** Whether DELETE Bucket must refuse (objects, versions or delete markers remain). */
  get isEmpty(): boolean {
    return this.objects.totalVersions === 0;
  }
}
