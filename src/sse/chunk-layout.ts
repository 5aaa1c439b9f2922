/**
 * How an encrypted body is laid out at rest: the plaintext is cut into chunks of 64 KiB (the
 * last may be shorter), and each is stored as its AES-256-GCM ciphertext followed by its 16-byte
 * tag. A plaintext offset therefore maps to a stored offset by arithmetic alone, which is what
 * lets a range read touch only the chunks it needs.
 */
export const CHUNK_SIZE = 64 * 1024;
export const TAG_SIZE = 16;
export const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;
export const NONCE_PREFIX_SIZE = 8;

/** Bytes at rest for a plaintext of `plainSize` bytes. */
export function sealedSize(plainSize: number): number {
  return plainSize + chunkCount(plainSize) * TAG_SIZE;
}

export function chunkCount(plainSize: number): number {
  return Math.ceil(plainSize / CHUNK_SIZE);
}

/** Plaintext length of chunk `index` of a body of `plainSize` bytes. */
export function chunkPlainLength(index: number, plainSize: number): number {
  return Math.min(CHUNK_SIZE, plainSize - index * CHUNK_SIZE);
}

/** Where chunk `index` starts at rest. */
export function sealedChunkOffset(index: number): number {
  return index * SEALED_CHUNK_SIZE;
}

/**
 * A chunk's 96-bit GCM nonce: the version's random prefix, then the chunk index. The data key is
 * fresh per version, so (key, nonce) never repeats; the index in the nonce also means a chunk
 * moved to another position fails its tag check.
 */
export function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.allocUnsafe(NONCE_PREFIX_SIZE + 4);
  prefix.copy(nonce, 0, 0, NONCE_PREFIX_SIZE);
  nonce.writeUInt32BE(index, NONCE_PREFIX_SIZE);
  return nonce;
}
