/**
 * How one object version is encrypted at rest. Filled in by the SSE layer; the core only stores
 * it with the version and hands it back when the body is read.
 */
export interface ObjectEncryption {
  mode: 'SSE-COS' | 'SSE-KMS' | 'SSE-C';
}
