import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'crypto';

const SALT_SIZE = 16;

/**
 * What is kept of an SSE-C key: a random salt and a check value derived from the key and the
 * salt. The key itself is never stored; without it the object is unreadable.
 */
export interface CustomerKeyCheck {
  salt: Buffer;
  check: Buffer;
}

export function protectCustomerKey(customerKey: Buffer): CustomerKeyCheck {
  const salt = randomBytes(SALT_SIZE);
  return { salt, check: checkValue(customerKey, salt) };
}

export function matchesCustomerKey(customerKey: Buffer, stored: CustomerKeyCheck): boolean {
  return timingSafeEqual(checkValue(customerKey, stored.salt), stored.check);
}

/** The key that wraps an SSE-C version's data key: derived from the customer key, never kept. */
export function customerWrappingKey(customerKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', customerKey, salt, 'cos-emulator sse-c wrap', 32));
}

function checkValue(customerKey: Buffer, salt: Buffer): Buffer {
  return createHmac('sha256', customerKey).update('cos-emulator sse-c check').update(salt).digest();
}
