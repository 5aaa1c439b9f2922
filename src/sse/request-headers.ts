import type { RequestContext } from '../http/context';
import type { Headers } from '../http/respond';
import { CosError } from '../errors';
import type { EncryptionChoice } from './encryption-choice';
import type { ObjectEncryption } from './object-encryption';
import { parseCustomerKey, parseEncryptionRequest } from './parse-encryption-request';

/**
 * The SSE a write request asks for through its headers (`x-cos-server-side-encryption`, SSE-C
 * headers, and their `x-amz-` forms). Undefined when it asks for none: the bucket default then
 * applies. Invalid combinations are CosErrors.
 */
export function readEncryptionRequest(ctx: RequestContext): EncryptionChoice | undefined {
  return parseEncryptionRequest((name) => ctx.header(name));
}

/**
 * The SSE-C key a read presents (`copy-source` for the `x-cos-copy-source-...` headers of a
 * copy). GET and HEAD may not carry SSE-COS/KMS headers: 400 SSEHeaderNotAllowed (reference 5.5,
 * UNCONFIRMED code).
 */
export function readCustomerKey(
  ctx: RequestContext,
  source: 'object' | 'copy-source' = 'object',
): Buffer | undefined {
  const isRead = ctx.req.method === 'GET' || ctx.req.method === 'HEAD';
  if (source === 'object' && isRead) {
    const sseHeaders = [
      'x-cos-server-side-encryption',
      'x-cos-server-side-encryption-cos-kms-key-id',
      'x-cos-server-side-encryption-context',
      'x-amz-server-side-encryption',
      'x-amz-server-side-encryption-aws-kms-key-id',
    ];
    if (sseHeaders.some((name) => ctx.header(name) !== undefined)) {
      throw new CosError('SSEHeaderNotAllowed');
    }
  }
  const prefix = source === 'object' ? '' : 'copy-source-';
  return parseCustomerKey((name) => ctx.header(name), prefix)?.customerKey;
}

/**
 * The SSE response headers that describe how an object (or upload) is encrypted, whether the
 * request asked for it or the bucket default chose it (reference 5.4). The `x-amz-` forms are
 * added for SigV4 callers by the objects layer (withAmzAliases).
 */
export function encryptionResponseHeaders(
  encryption: ObjectEncryption | EncryptionChoice | undefined,
): Headers {
  if (!encryption) return {};
  if (encryption.mode === 'SSE-COS') return { 'x-cos-server-side-encryption': 'AES256' };
  if (encryption.mode === 'SSE-KMS') {
    return {
      'x-cos-server-side-encryption': 'cos/kms',
      'x-cos-server-side-encryption-cos-kms-key-id': kmsKeyIdOf(encryption),
    };
  }
  return {
    'x-cos-server-side-encryption-customer-algorithm': 'AES256',
    'x-cos-server-side-encryption-customer-key-MD5': encryption.customerKeyMd5,
  };
}

function kmsKeyIdOf(encryption: ObjectEncryption | EncryptionChoice): string | undefined {
  return 'kmsKeyId' in encryption ? encryption.kmsKeyId : undefined;
}
