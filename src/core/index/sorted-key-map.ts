import { compareKeys } from './key-order';

const MAX_BLOCK = 512;

interface Block<V> {
  /** Absent when the map reads each key from its value. */
  keys: string[] | undefined;
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

  /**
   * `keyOf`, for values that carry their own key (object versions), spares the map a slot per
   * entry for it and the spare capacity of a second array: ~16 bytes per object.
   */
  constructor(private readonly keyOf?: (value: V) => string) {}

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const block = this.blocks[this.blockFor(key)];
    if (!block) return undefined;
    const i = this.lowerBound(block, key);
    return i < block.values.length && this.keyAt(block, i) === key ? block.values[i] : undefined;
  }

  set(key: string, value: V): void {
    if (this.blocks.length === 0) {
      this.blocks.push({ keys: this.keyOf ? undefined : [key], values: [value] });
      this.count = 1;
      return;
    }
    const b = this.blockFor(key);
    const block = this.blocks[b];
    const i = this.lowerBound(block, key);
    if (i < block.values.length && this.keyAt(block, i) === key) {
      block.values[i] = value;
      return;
    }
    block.keys?.splice(i, 0, key);
    block.values.splice(i, 0, value);
    this.count++;
    if (block.values.length > MAX_BLOCK) this.split(b);
  }

  delete(key: string): boolean {
    const b = this.blockFor(key);
    const block = this.blocks[b];
    if (!block) return false;
    const i = this.lowerBound(block, key);
    if (i >= block.values.length || this.keyAt(block, i) !== key) return false;
    block.keys?.splice(i, 1);
    block.values.splice(i, 1);
    this.count--;
    if (block.values.length === 0) this.blocks.splice(b, 1);
    return true;
  }

  /** Entries in key order, starting at the first key >= `from` (or > `from` when exclusive). */
  *entriesFrom(from?: string, exclusive = false, counter?: VisitCounter): Generator<[string, V]> {
    let b = from === undefined ? 0 : this.blockFor(from);
    let i = 0;
    if (from !== undefined && this.blocks[b]) {
      const block = this.blocks[b];
      i = this.lowerBound(block, from);
      if (exclusive && i < block.values.length && this.keyAt(block, i) === from) i++;
    }
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b];
      for (; i < block.values.length; i++) {
        if (counter) counter.visited++;
        yield [this.keyAt(block, i), block.values[i]];
      }
    }
  }

  /** The block whose key range holds `key`: the last block whose first key is <= key. */
  private blockFor(key: string): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (compareKeys(this.keyAt(this.blocks[mid], 0), key) <= 0) low = mid;
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
    const half = block.values.length >> 1;
    const left = { keys: block.keys?.slice(0, half), values: block.values.slice(0, half) };
    const right = { keys: block.keys?.slice(half), values: block.values.slice(half) };
    this.blocks.splice(b, 1, left, right);
  }

  private keyAt(block: Block<V>, i: number): string {
    return block.keys ? block.keys[i] : this.keyOf!(block.values[i]);
  }

  private lowerBound(block: Block<V>, key: string): number {
    let low = 0;
    let high = block.values.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareKeys(this.keyAt(block, mid), key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
