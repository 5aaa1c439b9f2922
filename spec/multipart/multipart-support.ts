import { createHash, randomBytes } from 'crypto';
import { REGION, TestEmulator } from '../support/emulator';

export const MB = 1024 * 1024;

export function md5Hex(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** The multipart ETag the emulator computes: MD5 of the parts' binary MD5s, then `-N`. */
export function multipartEtag(parts: Buffer[]): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(createHash('md5').update(part).digest());
  return `"${hash.digest('hex')}-${parts.length}"`;
}

/** Initiates an upload and uploads the given parts (numbered from 1) through the COS SDK. */
export async function uploadParts(
  t: TestEmulator,
  Bucket: string,
  Key: string,
  parts: Buffer[],
): Promise<{ UploadId: string; etags: string[] }> {
  const init = await t.cos.multipartInit({ Bucket, Region: REGION, Key });
  const etags: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const uploaded = await t.cos.multipartUpload({
      Bucket,
      Region: REGION,
      Key,
      UploadId: init.UploadId,
      PartNumber: i + 1,
      Body: parts[i],
    });
    etags.push(uploaded.ETag);
  }
  return { UploadId: init.UploadId, etags };
}

export function randomParts(...sizes: number[]): Buffer[] {
  return sizes.map((size) => randomBytes(size));
}
