import { CosError } from '../errors';
import { EmulatedKms } from '../kms/emulated-kms';
import { ServiceKeyring } from '../sse/service-keys';
import { BlobStore } from '../storage/blob-store';
import { Bucket } from './bucket';
import { Clock } from './clock';
import { CoreEventBus } from './events';

export interface ServiceOptions {
  /** The AppId of the emulated account (numeric). */
  appId: string;
  /** The account's UIN, shown as owner (`qcs::cam::uin/<uin>:uin/<uin>`). */
  ownerUin: string;
  /** Regions served; a bucket can only be created in one of these. */
  regions: string[];
  blobStore: BlobStore;
  clock?: Clock;
}

const BUCKET_NAME = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-(\d+)$/;
const MAX_BUCKET_DOMAIN = 60;

/**
 * The emulated COS account: its regions and buckets, and the shared parts every operation uses
 * (blob store, clock, events). Holds no HTTP concepts.
 */
export class CosService {
  readonly appId: string;
  readonly ownerUin: string;
  readonly regions: ReadonlyArray<string>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly events = new CoreEventBus();
  /** The emulated KMS (SSE-KMS) and the per-region SSE-COS service keys. */
  readonly kms: EmulatedKms;
  readonly sse = new ServiceKeyring();
  // Bucket names are unique per AppId across regions (reference appendix A.1).
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: ServiceOptions) {
    this.appId = options.appId;
    this.ownerUin = options.ownerUin;
    this.regions = options.regions;
    this.blobs = options.blobStore;
    this.clock = options.clock ?? new Clock();
    this.kms = new EmulatedKms(this.clock, (region) => this.hasRegion(region));
  }

  get ownerId(): string {
    return `qcs::cam::uin/${this.ownerUin}:uin/${this.ownerUin}`;
  }

  hasRegion(region: string): boolean {
    return this.regions.includes(region);
  }

  createBucket(name: string, region: string): Bucket {
    validateBucketName(name, region);
    if (!this.hasRegion(region)) {
      throw new CosError('InvalidRegionName', `The region ${region} is not served here.`);
    }
    const existing = this.buckets.get(name);
    if (existing) {
      throw new CosError(
        existing.appId === this.appId ? 'BucketAlreadyOwnedByYou' : 'BucketAlreadyExists',
      );
    }
    const bucket = new Bucket(name, region, this.clock.now());
    this.buckets.set(name, bucket);
    return bucket;
  }

  /** The bucket, if it exists and lives in `region` (when a region is named). */
  findBucket(name: string, region?: string): Bucket | undefined {
    const bucket = this.buckets.get(name);
    if (!bucket || (region !== undefined && bucket.region !== region)) return undefined;
    return bucket;
  }

  /** Like findBucket, but a missing bucket (or one in another region) is NoSuchBucket. */
  getBucket(name: string, region?: string): Bucket {
    const bucket = this.findBucket(name, region);
    if (!bucket) throw new CosError('NoSuchBucket');
    return bucket;
  }

  deleteBucket(bucket: Bucket): void {
    if (!bucket.isEmpty) throw new CosError('BucketNotEmpty');
    // Unfinished multipart uploads do not block deletion (reference 4.4, suggested default).
    for (const upload of bucket.uploads.values()) {
      for (const part of upload.parts.values()) this.blobs.release(part.body.blob);
    }
    this.buckets.delete(bucket.name);
  }

  /** Buckets in name order, optionally of one region. */
  listBuckets(region?: string): Bucket[] {
    const all = [...this.buckets.values()].filter((b) => !region || b.region === region);
    return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Forgets every bucket and every byte. */
  clear(): void {
    this.buckets.clear();
    this.blobs.clear();
    this.kms.clear();
  }
}

function validateBucketName(name: string, region: string): void {
  if (!BUCKET_NAME.test(name)) {
    throw new CosError(
      'InvalidBucketName',
      'Bucket names look like <name>-<appid>: lower-case letters, digits and "-".',
    );
  }
  // The docs bound the whole virtual-host domain to 60 characters (reference 1.3).
  const domain = `${name}.cos.${region}.myqcloud.com`;
  if (domain.length > MAX_BUCKET_DOMAIN) throw new CosError('BucketNameTooLong');
}
