/**
 * COS lists keys in UTF-8 byte order. JavaScript compares UTF-16 code units, which agrees with
 * byte order except where surrogate pairs (code points above U+FFFF) meet U+E000..U+FFFF: there
 * the surrogates must sort last. This comparator fixes up only that case.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return byteRank(x) - byteRank(y);
  }
  return a.length - b.length;
}

function byteRank(codeUnit: number): number {
  if (codeUnit < 0xd800) return codeUnit;
  if (codeUnit <= 0xdfff) return codeUnit + 0x2000;
  return codeUnit - 0x800;
}

/**
 * The smallest key greater than every key that starts with `prefix`, or undefined when no such
 * key exists. Listing uses it to jump over a whole common prefix in one index seek.
 */
export function keyAfterPrefix(prefix: string): string | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code !== 0xffff && !(code >= 0xd800 && code <= 0xdfff)) {
      return prefix.slice(0, i) + String.fromCharCode(code + 1);
    }
  }
  return undefined;
}
