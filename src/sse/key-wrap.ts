import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

const IV_SIZE = 12;
const TAG_SIZE = 16;

/**
 * Envelope encryption of a data key under a key-encryption key (AES-256-GCM). `aad` binds the
 * wrapped key to where it belongs (region, object version), so it cannot be moved elsewhere.
 */
export function wrapKey(kek: Buffer, dataKey: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_SIZE);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** The data key, or undefined when the wrapped bytes, the key or the aad do not match. */
export function unwrapKey(kek: Buffer, wrapped: Buffer, aad: Buffer): Buffer | undefined {
  if (wrapped.length <= IV_SIZE + TAG_SIZE) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, wrapped.subarray(0, IV_SIZE));
    decipher.setAAD(aad);
    decipher.setAuthTag(wrapped.subarray(IV_SIZE, IV_SIZE + TAG_SIZE));
    const body = wrapped.subarray(IV_SIZE + TAG_SIZE);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return undefined;
  }
}
