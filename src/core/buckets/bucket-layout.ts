/**
 * How a bucket was created (`<CreateBucketConfiguration>`): multi-AZ and metadata-accelerated
 * (OFS) buckets. Stored and shown on HEAD Bucket; storage behaves the same either way.
 */
export interface BucketLayout {
  /** `MAZ` for a multi-AZ bucket. */
  azType?: 'MAZ';
  /** `OFS` for a metadata-accelerated bucket. */
  arch?: 'OFS';
}
