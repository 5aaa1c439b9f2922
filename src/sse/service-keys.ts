import { randomBytes } from 'crypto';
import { CosError } from '../errors';
import { unwrapKey, wrapKey } from './key-wrap';

/**
 * The SSE-COS service keys: one per region, random per emulator (real COS manages these itself
 * and never shows them). They wrap the data keys of SSE-COS object versions.
 */
export class ServiceKeyring {
  private readonly keys = new Map<string, Buffer>();

  wrap(region: string, dataKey: Buffer, aad: Buffer): Buffer {
    return wrapKey(this.keyOf(region), dataKey, aad);
  }

  unwrap(region: string, wrapped: Buffer, aad: Buffer): Buffer {
    const dataKey = unwrapKey(this.keyOf(region), wrapped, aad);
    if (!dataKey) {
      throw new CosError('InternalError', 'The stored data key of this object is damaged.');
    }
    return dataKey;
  }

  private keyOf(region: string): Buffer {
    let key = this.keys.get(region);
    if (!key) {
      key = randomBytes(32);
      this.keys.set(region, key);
    }
    return key;
  }
}
