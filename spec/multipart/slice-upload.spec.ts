import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
// eslint-disable-next-line @typescript-eslint/no-var-requires
import COS = require('cos-nodejs-sdk-v5');
import { crc64 } from '../../src/core/checksums/crc64';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { MB, md5Hex } from './multipart-support';

describe('sliceUploadFile against the emulator', () => {
  let t: TestEmulator;
  let cos: COS;
  let dir: string;
  const accessLines: string[] = [];
  const file = randomBytes(3 * MB + 12345);
  let filePath: string;

  beforeAll(async () => {
    t = await startTestEmulator({ logLevel: 'info', logWriter: (line) => accessLines.push(line) });
    dir = mkdtempSync(join(tmpdir(), 'cos-emulator-slice-'));
    filePath = join(dir, 'upload.bin');
    writeFileSync(filePath, file);
    // Resume state goes under ConfCwd, so nothing leaks between runs (reference 10.3).
    cos = new COS({ ...t.emulator.cosOptions(), ConfCwd: dir } as any);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const uploadPartCalls = (Bucket: string, key: string) =>
    accessLines.filter(
      (line) => line.includes(` UploadPart 200`) && line.includes(Bucket) && line.includes(key),
    ).length;

  it('uploads a 3 MB file in 1 MB parts and completes it', async () => {
    const Bucket = await t.createBucket('slice');
    const result = (await cos.sliceUploadFile({
      Bucket,
      Region: REGION,
      Key: 'fresh.bin',
      FilePath: filePath,
      ChunkSize: MB,
    } as any)) as any;
    expect(result.ETag).toMatch(/-4"$/);
    expect(uploadPartCalls(Bucket, 'fresh.bin')).toBe(4);
    const got = await cos.getObject({ Bucket, Region: REGION, Key: 'fresh.bin' });
    expect(md5Hex(got.Body)).toBe(md5Hex(file));
    expect(got.headers!['x-cos-hash-crc64ecma']).toBe(crc64(file));
  });

  it('resumes an upload started by hand and skips the parts already uploaded', async () => {
    const Bucket = await t.createBucket('resume');
    const Key = 'resumed.bin';
    const init = await cos.multipartInit({ Bucket, Region: REGION, Key });
    for (const PartNumber of [1, 2]) {
      await cos.multipartUpload({
        Bucket,
        Region: REGION,
        Key,
        UploadId: init.UploadId,
        PartNumber,
        Body: file.subarray((PartNumber - 1) * MB, PartNumber * MB),
      });
    }
    expect(uploadPartCalls(Bucket, Key)).toBe(2);

    const result = (await cos.sliceUploadFile({
      Bucket,
      Region: REGION,
      Key,
      FilePath: filePath,
      ChunkSize: MB,
    } as any)) as any;
    expect(result.UploadId).toBe(init.UploadId);
    // Two parts by hand, then only parts 3 and 4 by sliceUploadFile.
    expect(uploadPartCalls(Bucket, Key)).toBe(4);
    const got = await cos.getObject({ Bucket, Region: REGION, Key });
    expect(md5Hex(got.Body)).toBe(md5Hex(file));
    const uploads = (await cos.multipartList({
      Bucket,
      Region: REGION,
      Prefix: Key,
    } as any)) as any;
    expect(uploads.Upload).toEqual([]);
  });
});
