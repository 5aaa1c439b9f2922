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

/** A random body: random bytes cannot pass the window check by luck of repetition. */
export function randomBody(size: number): Buffer {
  return randomBytes(size);
}

const WINDOW = 32;
const BASE = 257;
const MOD = 1_000_000_007;

/** Rolling hashes of every WINDOW-byte window of `bytes`. */
function windowHashes(bytes: Buffer, each: (hash: number, at: number) => void): void {
  if (bytes.length < WINDOW) return;
  let top = 1;
  for (let i = 1; i < WINDOW; i++) top = (top * BASE) % MOD;
  let hash = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (i >= WINDOW) hash = (hash - ((bytes[i - WINDOW] * top) % MOD) + MOD) % MOD;
    hash = (hash * BASE + bytes[i]) % MOD;
    if (i >= WINDOW - 1) each(hash, i - WINDOW + 1);
  }
}

/**
 * The offset of the first WINDOW-byte window of `plain` that occurs anywhere in `stored`, or -1.
 * A stored form that leaks any 32 consecutive plaintext bytes is not encrypted, whatever else it
 * holds; rolling hashes keep this linear so multi-MiB bodies can be checked.
 */
export function firstPlaintextWindow(stored: Buffer, plain: Buffer): number {
  if (plain.length < WINDOW) return plain.length > 0 && stored.includes(plain) ? 0 : -1;
  const seen = new Map<number, number[]>();
  windowHashes(stored, (hash, at) => {
    const list = seen.get(hash);
    if (list) list.push(at);
    else seen.set(hash, [at]);
  });
  let found = -1;
  windowHashes(plain, (hash, at) => {
    if (found >= 0) return;
    const window = plain.subarray(at, at + WINDOW);
    const hit = seen.get(hash)?.some((s) => stored.subarray(s, s + WINDOW).equals(window));
    if (hit) found = at;
  });
  return found;
}
