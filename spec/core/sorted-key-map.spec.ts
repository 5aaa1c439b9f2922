import { compareKeys, keyAfterPrefix } from '../../src/core/index/key-order';
import { SortedKeyMap } from '../../src/core/index/sorted-key-map';

function utf8Order(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

describe('key order', () => {
  it('orders keys as UTF-8 bytes, including astral characters against U+E000..U+FFFF', () => {
    const keys = ['b', 'a/b', 'a', '\uFFFD', '😀', '\uE000', 'é', 'a b', 'A', ''];
    const ours = [...keys].sort(compareKeys);
    expect(ours).toEqual([...keys].sort(utf8Order));
  });

  it('finds the first key after every key that starts with a prefix', () => {
    expect(keyAfterPrefix('photos/')).toBe('photos0');
    expect(compareKeys('photos/zzz', keyAfterPrefix('photos/')!)).toBeLessThan(0);
    expect(keyAfterPrefix('')).toBeUndefined();
  });
});

describe('SortedKeyMap', () => {
  it('keeps 20,000 keys inserted at random in order through splits and deletes', () => {
    const map = new SortedKeyMap<number>();
    const keys = Array.from({ length: 20000 }, (_, i) => `k/${(i * 7919) % 20000}`);
    keys.forEach((key, i) => map.set(key, i));
    for (let i = 0; i < 20000; i += 3) map.delete(`k/${i}`);

    const walked = [...map.entriesFrom()].map(([key]) => key);
    const expected = keys.filter((k) => Number(k.slice(2)) % 3 !== 0).sort(compareKeys);
    expect(walked).toEqual(expected);
    expect(map.size).toBe(expected.length);
    expect(map.get('k/1')).toBeDefined();
    expect(map.get('k/3')).toBeUndefined();
  });

  it('starts a walk at a key, inclusive or exclusive, counting the entries it visits', () => {
    const map = new SortedKeyMap<string>();
    for (let i = 0; i < 5000; i++) map.set(`key-${String(i).padStart(5, '0')}`, 'v');
    const counter = { visited: 0 };
    const walk = map.entriesFrom('key-02500', true, counter);
    const firstTen = Array.from({ length: 10 }, () => walk.next().value![0]);
    expect(firstTen[0]).toBe('key-02501');
    expect(counter.visited).toBe(10);
    expect(map.entriesFrom('key-02500').next().value![0]).toBe('key-02500');
  });
});
