import { compareKeys } from './key-order';

const MAX_BLOCK = 512;

interface Block<V> {
  keys: string[];
  values: V[];
}

/** Counts index entries touched, so tests can show that listing costs O(page), not O(bucket). */
export interface VisitCounter {
  visited: number;
}

/**
 * A map from key to value kept in UTF-8 byte order of the keys: a list of sorted blocks of at
 * most 512 entries. Lookups and inserts cost O(log n + block), ordered walks from any key cost
 * O(log n) to start and O(1) per entry; nothing ever scans or sorts the whole map.
 */
export class SortedKeyMap<V> {
  private blocks: Block<V>[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const block = this.blocks[this.blockFor(key)];
    if (!block) return undefined;
    const i = lowerBound(block.keys, key);
    return i < block.keys.length && block.keys[i] === key ? block.values[i] : undefined;
  }

  set(key: string, value: V): void {
    if (this.blocks.length === 0) {
      this.blocks.push({ keys: [key], values: [value] });
      this.count = 1;
      return;
    }
    const b = this.blockFor(key);
    const block = this.blocks[b];
    const i = lowerBound(block.keys, key);
    if (i < block.keys.length && block.keys[i] === key) {
      block.values[i] = value;
      return;
    }
    block.keys.splice(i, 0, key);
    block.values.splice(i, 0, value);
    this.count++;
    if (block.keys.length > MAX_BLOCK) this.split(b);
  }

  delete(key: string): boolean {
    const b = this.blockFor(key);
    const block = this.blocks[b];
    if (!block) return false;
    const i = lowerBound(block.keys, key);
    if (i >= block.keys.length || block.keys[i] !== key) return false;
    block.keys.splice(i, 1);
    block.values.splice(i, 1);
    this.count--;
    if (block.keys.length === 0) this.blocks.splice(b, 1);
    return true;
  }

  /** Entries in key order, starting at the first key >= `from` (or > `from` when exclusive). */
  *entriesFrom(from?: string, exclusive = false, counter?: VisitCounter): Generator<[string, V]> {
    let b = from === undefined ? 0 : this.blockFor(from);
    let i = 0;
    if (from !== undefined && this.blocks[b]) {
      const keys = this.blocks[b].keys;
      i = lowerBound(keys, from);
      if (exclusive && i < keys.length && keys[i] === from) i++;
    }
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b];
      for (; i < block.keys.length; i++) {
        if (counter) counter.visited++;
        yield [block.keys[i], block.values[i]];
      }
    }
  }

  /** The block whose key range holds `key`: the last block whose first key is <= key. */
  private blockFor(key: string): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (compareKeys(this.blocks[mid].keys[0], key) <= 0) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * Both halves are copied to their exact length: a block that grew by inserts has spare
   * capacity, which the left half would otherwise keep for good once keys arrive in order (every
   * later insert goes to the last block), about 2.5 times the slots it uses.
   */
  private split(b: number): void {
    const block = this.blocks[b];
    const half = block.keys.length >> 1;
    const left = { keys: block.keys.slice(0, half), values: block.values.slice(0, half) };
    const right = { keys: block.keys.slice(half), values: block.values.slice(half) };
    this.blocks.splice(b, 1, left, right);
  }
}

function lowerBound(keys: string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareKeys(keys[mid], key) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
