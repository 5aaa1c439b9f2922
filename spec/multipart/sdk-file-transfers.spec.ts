import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import COS = require('cos-nodejs-sdk-v5');
import { crc64 } from '../../src/core/checksums/crc64';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { MB, md5Hex } from './multipart-support';

/**
 * The SDK's high-level transfers, which pick simple or multipart calls by size and run them as
 * queued tasks: what application code calls most, beyond the single APIs.
 */
describe('cos-nodejs-sdk-v5 file transfers', () => {
  let t: TestEmulator;
  let cos: COS;
  let dir: string;
  const operations: string[] = [];
  const small = randomBytes(200 * 1024);
  const large = randomBytes(3 * MB + 777);

  beforeAll(async () => {
    t = await startTestEmulator({
      logLevel: 'info',
      logWriter: (line) => operations.push(line),
    });
    dir = mkdtempSync(join(tmpdir(), 'cos-emulator-transfers-'));
    writeFileSync(join(dir, 'small.bin'), small);
    writeFileSync(join(dir, 'large.bin'), large);
    // Resume state of sliced uploads goes under ConfCwd, so nothing leaks between runs.
    cos = new COS({ ...t.emulator.cosOptions(), ConfCwd: dir } as never);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const calls = (operation: string, key: string) =>
    operations.filter((line) => line.includes(`/${key} ${operation} 200`)).length;

  async function expectStored(Bucket: string, Key: string, body: Buffer): Promise<void> {
    const got = await cos.getObject({ Bucket, Region: REGION, Key });
    expect(md5Hex(got.Body)).toBe(md5Hex(body));
    expect(got.headers!['x-cos-hash-crc64ecma']).toBe(crc64(body));
  }

  it('uploadFile puts a file below SliceSize in one PUT', async () => {
    const Bucket = await t.createBucket('up');
    const result = await cos.uploadFile({
      Bucket,
      Region: REGION,
      Key: 'small.bin',
      FilePath: join(dir, 'small.bin'),
      SliceSize: MB,
    });
    expect(result.ETag).toBe(`"${md5Hex(small)}"`);
    expect(calls('PutObject', 'small.bin')).toBe(1);
    await expectStored(Bucket, 'small.bin', small);
  });

  it('uploadFile slices a file above SliceSize into a multipart upload', async () => {
    const Bucket = await t.createBucket('up');
    const result = (await cos.uploadFile({
      Bucket,
      Region: REGION,
      Key: 'large.bin',
      FilePath: join(dir, 'large.bin'),
      SliceSize: MB,
      ChunkSize: MB,
    } as never)) as { ETag: string };
    expect(result.ETag).toMatch(/-4"$/);
    expect(calls('UploadPart', 'large.bin')).toBe(4);
    expect(calls('CompleteMultipartUpload', 'large.bin')).toBe(1);
    await expectStored(Bucket, 'large.bin', large);
  });

  it('uploadFiles sends several files, each the way its size asks', async () => {
    const Bucket = await t.createBucket('ups');
    const finished: string[] = [];
    const result = await cos.uploadFiles({
      files: [
        { Bucket, Region: REGION, Key: 'many/small.bin', FilePath: join(dir, 'small.bin') },
        { Bucket, Region: REGION, Key: 'many/large.bin', FilePath: join(dir, 'large.bin') },
      ],
      SliceSize: MB,
      onFileFinish: (error, _data, options) => {
        if (!error) finished.push(options.Key);
      },
    });
    expect(result.files.map((file) => file.error ?? null)).toEqual([null, null]);
    expect(finished.sort()).toEqual(['many/large.bin', 'many/small.bin']);
    await expectStored(Bucket, 'many/small.bin', small);
    await expectStored(Bucket, 'many/large.bin', large);
  });

  it('sliceCopyFile copies above CopySliceSize with ranged Upload Part - Copy', async () => {
    const Bucket = await t.createBucket('cp');
    await cos.putObject({ Bucket, Region: REGION, Key: 'source.bin', Body: large });
    await cos.sliceCopyFile({
      Bucket,
      Region: REGION,
      Key: 'copy.bin',
      CopySource: `${Bucket}.cos.${REGION}.myqcloud.com/source.bin`,
      CopySliceSize: MB,
      CopyChunkSize: MB,
    } as never);
    expect(calls('UploadPartCopy', 'copy.bin')).toBe(4);
    await expectStored(Bucket, 'copy.bin', large);
  });
});
