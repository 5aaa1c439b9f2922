import type { RequestContext } from '../http/context';
import type { Headers } from '../http/respond';
import type { EncryptionChoice } from './encryption-choice';
import type { ObjectEncryption } from './object-encryption';

/**
 * The SSE a write request asks for through its headers (`x-cos-server-side-encryption`, SSE-C
 * headers, and their `x-amz-` forms). Undefined when it asks for none: the bucket default then
 * applies. Invalid combinations are CosErrors. (Filled in by the SSE feature.)
 */
export function readEncryptionRequest(_ctx: RequestContext): EncryptionChoice | undefined {
  return undefined;
}

/** The SSE-C key a read presents (`source` for `x-cos-copy-source-...` headers). */
export function readCustomerKey(
  _ctx: RequestContext,
  _source: 'object' | 'copy-source' = 'object',
): Buffer | undefined {
  return undefined;
}

/** The SSE response headers that describe how an object (or upload) is encrypted. */
export function encryptionResponseHeaders(
  _encryption: ObjectEncryption | EncryptionChoice | undefined,
): Headers {
  return {};
}
