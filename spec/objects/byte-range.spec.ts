import { resolveRange } from '../../src/core/objects/byte-range';
import { CosError } from '../../src/errors';

describe('resolveRange', () => {
  it.each([
    ['bytes=0-9', 10, 0, 10],
    ['bytes=3-3', 10, 3, 4],
    ['bytes=5-', 10, 5, 10],
    ['bytes=-4', 10, 6, 10],
    ['bytes=2-99999999999999999999', 10, 2, 10],
    [' bytes = 1 - 2 ', 10, 1, 3],
  ])('resolves %s of a %i-byte object to [%i, %i)', (header, size, start, end) => {
    expect(resolveRange(header, size)).toMatchObject({ start, end });
  });

  const ignored = [undefined, 'bytes=1-2,4-5', 'bytes=4-2', 'pages=1-2', 'bytes=x-', 'bytes=-'];
  it.each(ignored.map((header) => [header]))('ignores %s', (header) => {
    expect(resolveRange(header, 10)).toBeUndefined();
  });

  it.each([['bytes=10-'], ['bytes=99999999999999999999-'], ['bytes=-0'], ['bytes=0-0']])(
    'refuses %s of an object too short for it with 416 and bytes */size',
    (header) => {
      const size = header === 'bytes=0-0' ? 0 : 10;
      let error: unknown;
      try {
        resolveRange(header, size);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(CosError);
      expect((error as CosError).code).toBe('InvalidRange');
      expect((error as CosError).headers['Content-Range']).toBe(`bytes */${size}`);
    },
  );
});
