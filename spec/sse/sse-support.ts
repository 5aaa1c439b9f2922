import { createHash, randomBytes } from 'crypto';
import type { TestEmulator } from '../support/emulator';

/** The SSE-C example key of the COS docs (reference 5.3) and its MD5. */
export const DOC_KEY = 'MDEyMzQ1Njc4OUFCQ0RFRjAxMjM0NTY3ODlBQkNERUY=';
export const DOC_KEY_MD5 = 'U5L61r7jcwdNvT7frmUG8g==';

/** SDK parameters for an SSE-C request with a key (the doc key unless another is given). */
export function sseC(key = DOC_KEY) {
  const md5 = createHash('md5').update(Buffer.from(key, 'base64')).digest('base64');
  return { SSECustomerAlgorithm: 'AES256', SSECustomerKey: key, SSECustomerKeyMD5: md5 };
}

export function randomCustomerKey(): string {
  return randomBytes(32).toString('base64');
}

/** The same key as copy-source headers (PUT Object - Copy of an SSE-C source). */
export function copySourceSseC(key = DOC_KEY): Record<string, string> {
  const { SSECustomerKey, SSECustomerKeyMD5 } = sseC(key);
  return {
    'x-cos-copy-source-server-side-encryption-customer-algorithm': 'AES256',
    'x-cos-copy-source-server-side-encryption-customer-key': SSECustomerKey,
    'x-cos-copy-source-server-side-encryption-customer-key-MD5': SSECustomerKeyMD5,
  };
}

export interface RawAtRest {
  status: number;
  bytes: Buffer;
  sse: string | null;
  kmsKeyId: string | null;
}

/** The inspection endpoint: an object's bytes as stored at rest. */
export async function rawAtRest(
  t: TestEmulator,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<RawAtRest> {
  const query = new URLSearchParams({ bucket, key, ...(versionId ? { versionId } : {}) });
  const res = await fetch(`${t.emulator.url}/_emulator/raw?${query}`);
  return {
    status: res.status,
    bytes: Buffer.from(await res.arrayBuffer()),
    sse: res.headers.get('x-emulator-sse'),
    kmsKeyId: res.headers.get('x-emulator-kms-key-id'),
  };
}

/** Calls a KMS control endpoint and returns its status and JSON. */
export async function kmsControl(
  t: TestEmulator,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${t.emulator.url}/_emulator/kms${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

/** Sets a bucket default encryption through the SDK. */
export async function setBucketDefault(
  t: TestEmulator,
  Bucket: string,
  Region: string,
  SSEAlgorithm: 'AES256' | 'KMS',
  KMSMasterKeyID?: string,
): Promise<void> {
  const byDefault = KMSMasterKeyID ? { SSEAlgorithm, KMSMasterKeyID } : { SSEAlgorithm };
  await t.cos.putBucketEncryption({
    Bucket,
    Region,
    ServerSideEncryptionConfiguration: {
      Rule: [{ ApplyServerSideEncryptionByDefault: byDefault }],
    },
  } as never);
}
