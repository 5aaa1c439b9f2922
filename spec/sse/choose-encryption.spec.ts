import type { Bucket } from '../../src/core/bucket';
import type { BucketEncryption } from '../../src/sse/bucket-encryption';
import { chooseForReplica, keepProtection } from '../../src/sse/choose-encryption';
import type { ObjectEncryption } from '../../src/sse/object-encryption';

/** Reference 5.2: how a replica (or any rewrite of existing bytes) keeps or takes protection. */
describe('replica and keep-protection decisions', () => {
  /** The two fields of a bucket the decisions read. */
  const bucket = (region: string, encryption?: BucketEncryption) =>
    ({ region, encryption }) as unknown as Bucket;
  const stored = (fields: Partial<ObjectEncryption>): ObjectEncryption => ({
    mode: 'SSE-COS',
    region: 'ap-guangzhou',
    wrappedKey: Buffer.alloc(40),
    noncePrefix: Buffer.alloc(8),
    ...fields,
  });
  const kmsSource = stored({ mode: 'SSE-KMS', kmsKeyId: 'cmk-1', kmsContext: 'eyJhIjoiYiJ9' });

  describe('chooseForReplica', () => {
    it('gives an unencrypted source the destination default', () => {
      const destination = bucket('ap-guangzhou', { algorithm: 'KMS', kmsMasterKeyId: 'cmk-d' });
      expect(chooseForReplica(undefined, destination)).toEqual({
        kind: 'encrypt',
        choice: { mode: 'SSE-KMS', kmsKeyId: 'cmk-d' },
      });
    });

    it('leaves an unencrypted source unencrypted when the destination has no default', () => {
      expect(chooseForReplica(undefined, bucket('ap-guangzhou'))).toEqual({
        kind: 'encrypt',
        choice: undefined,
      });
    });

    it('keeps the mode of an encrypted source, ignoring the destination default', () => {
      const destination = bucket('ap-guangzhou', { algorithm: 'KMS' });
      expect(chooseForReplica(stored({ mode: 'SSE-COS' }), destination)).toEqual({
        kind: 'encrypt',
        choice: { mode: 'SSE-COS' },
      });
      const aes = bucket('ap-guangzhou', { algorithm: 'AES256' });
      expect(chooseForReplica(kmsSource, aes)).toEqual({
        kind: 'encrypt',
        choice: { mode: 'SSE-KMS', kmsKeyId: 'cmk-1', context: 'eyJhIjoiYiJ9' },
      });
    });

    it('copies an SSE-C source unopened (the emulator never holds the customer key)', () => {
      const source = stored({ mode: 'SSE-C', customerKeyMd5: 'md5==' });
      const destination = bucket('ap-guangzhou', { algorithm: 'AES256' });
      expect(chooseForReplica(source, destination)).toEqual({ kind: 'verbatim' });
    });

    it('drops the CMK id across regions, so the destination region default CMK is used', () => {
      const replica = chooseForReplica(kmsSource, bucket('ap-beijing'));
      expect(replica).toEqual({
        kind: 'encrypt',
        choice: { mode: 'SSE-KMS', context: 'eyJhIjoiYiJ9' },
      });
      expect(kmsSource.kmsKeyId).toBe('cmk-1');
    });
  });

  describe('keepProtection', () => {
    it('keeps SSE-COS, and SSE-KMS with its CMK and context', () => {
      expect(keepProtection(stored({ mode: 'SSE-COS' }))).toEqual({ mode: 'SSE-COS' });
      expect(keepProtection(kmsSource)).toEqual({
        mode: 'SSE-KMS',
        kmsKeyId: 'cmk-1',
        context: 'eyJhIjoiYiJ9',
      });
    });

    it('keeps SSE-C with the presented key, and refuses without one: InvalidRequest', () => {
      const source = stored({ mode: 'SSE-C', customerKeyMd5: 'md5==' });
      const key = Buffer.alloc(32, 7);
      expect(keepProtection(source, key)).toEqual({
        mode: 'SSE-C',
        customerKey: key,
        customerKeyMd5: 'md5==',
      });
      expect(() => keepProtection(source)).toThrow(
        expect.objectContaining({ code: 'InvalidRequest' }),
      );
    });
  });
});
