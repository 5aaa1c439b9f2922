import { createHash } from 'crypto';
import { CosError, notImplemented } from '../errors';
import type { EncryptionChoice } from './encryption-choice';

/** Looks up one request field (a header or a form field) by lower-case name; '' counts absent. */
export type FieldLookup = (name: string) => string | undefined;

const COS = 'x-cos-server-side-encryption';
const AMZ = 'x-amz-server-side-encryption';

/**
 * The SSE a write asks for, from COS names or their `x-amz-` forms (for @aws-sdk/client-s3):
 * `AES256` is SSE-COS; `cos/kms` is SSE-KMS, and so is the AWS SDK's `aws:kms` when sent under
 * the `x-amz-` name. Bad values and combinations are 400 InvalidArgument (reference 5.5, whose
 * exact codes are UNCONFIRMED).
 */
export function parseEncryptionRequest(get: FieldLookup): EncryptionChoice | undefined {
  const customer = parseCustomerKey(get, '');
  const cosValue = get(COS);
  const amzValue = get(AMZ);
  const keyId = get(`${COS}-cos-kms-key-id`) ?? get(`${AMZ}-aws-kms-key-id`);
  const context = get(`${COS}-context`) ?? get(`${AMZ}-context`);
  const mode = sseMode(cosValue, amzValue);

  if (customer && mode) {
    throw new CosError('InvalidArgument', 'SSE-C cannot be combined with SSE-COS or SSE-KMS.');
  }
  if (mode !== 'SSE-KMS' && (keyId !== undefined || context !== undefined)) {
    throw new CosError(
      'InvalidArgument',
      'A KMS key id or encryption context needs x-cos-server-side-encryption: cos/kms.',
    );
  }
  if (customer) return { mode: 'SSE-C', ...customer };
  if (mode === 'SSE-COS') return { mode };
  if (mode === 'SSE-KMS') return { mode, kmsKeyId: keyId, context: checkContext(context) };
  return undefined;
}

function sseMode(cosValue?: string, amzValue?: string): 'SSE-COS' | 'SSE-KMS' | undefined {
  // SM4 is a real COS algorithm (newer docs), recognised but not emulated, as on buckets.
  if (cosValue === 'SM4' || amzValue === 'SM4') throw notImplemented('SM4 encryption');
  if (cosValue !== undefined) {
    if (cosValue === 'AES256') return 'SSE-COS';
    if (cosValue === 'cos/kms') return 'SSE-KMS';
    throw new CosError('InvalidArgument', `Unsupported ${COS}: ${cosValue}.`);
  }
  if (amzValue !== undefined) {
    if (amzValue === 'AES256') return 'SSE-COS';
    if (amzValue === 'aws:kms' || amzValue === 'cos/kms') return 'SSE-KMS';
    throw new CosError('InvalidArgument', `Unsupported ${AMZ}: ${amzValue}.`);
  }
  return undefined;
}

/**
 * The SSE-C key of a request: `''` for the object's own headers, `copy-source-` for the source
 * of a copy. All three headers are needed together; the key must be base64 of 32 bytes and its
 * MD5 must match (400 InvalidArgument otherwise, reference 5.3 suggested default).
 */
export function parseCustomerKey(
  get: FieldLookup,
  prefix: '' | 'copy-source-',
): { customerKey: Buffer; customerKeyMd5: string } | undefined {
  const field = (suffix: string) =>
    get(`x-cos-${prefix}server-side-encryption-customer-${suffix}`) ??
    get(`x-amz-${prefix}server-side-encryption-customer-${suffix}`);
  const algorithm = field('algorithm');
  const key = field('key');
  const keyMd5 = field('key-md5');
  if (algorithm === undefined && key === undefined && keyMd5 === undefined) return undefined;

  if (algorithm === undefined || key === undefined || keyMd5 === undefined) {
    throw new CosError(
      'InvalidArgument',
      'SSE-C needs the customer algorithm, key and key MD5 together.',
    );
  }
  if (algorithm !== 'AES256') {
    throw new CosError('InvalidArgument', 'The SSE-C algorithm must be AES256.');
  }
  const customerKey = strictBase64(key);
  if (!customerKey || customerKey.length !== 32) {
    throw new CosError('InvalidArgument', 'The SSE-C key must be the base64 of 32 bytes.');
  }
  const md5 = createHash('md5').update(customerKey).digest('base64');
  if (md5 !== keyMd5) {
    throw new CosError('InvalidArgument', 'The SSE-C key MD5 does not match the key.');
  }
  return { customerKey, customerKeyMd5: md5 };
}

/** The context must be base64 of a JSON object of strings (what KMS takes as EncryptionContext). */
function checkContext(context: string | undefined): string | undefined {
  if (context === undefined) return undefined;
  const bytes = strictBase64(context);
  let parsed: unknown;
  try {
    parsed = bytes ? JSON.parse(bytes.toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  const valid = isObject && Object.values(parsed as object).every((v) => typeof v === 'string');
  if (!valid) {
    throw new CosError(
      'InvalidArgument',
      'x-cos-server-side-encryption-context must be base64 of a JSON object of strings.',
    );
  }
  return context;
}

function strictBase64(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) return undefined;
  return Buffer.from(trimmed, 'base64');
}
