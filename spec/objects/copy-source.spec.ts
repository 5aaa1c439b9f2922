import { parseCopySource } from '../../src/core/objects/copy-source';
import { CosError } from '../../src/errors';

describe('parseCopySource', () => {
  it.each([
    [
      'src-1250000000.cos.ap-guangzhou.myqcloud.com/dir/a%20b.txt',
      { bucket: 'src-1250000000', region: 'ap-guangzhou', key: 'dir/a b.txt' },
    ],
    [
      'src-1250000000.cos.ap-beijing.tencentcos.cn/k?versionId=MTg0',
      { bucket: 'src-1250000000', region: 'ap-beijing', key: 'k', versionId: 'MTg0' },
    ],
    [
      'http://src-1250000000.cos-internal.ap-guangzhou.myqcloud.com/k',
      { bucket: 'src-1250000000', region: 'ap-guangzhou', key: 'k' },
    ],
    ['/src-1250000000/a/b%2Bc', { bucket: 'src-1250000000', key: 'a/b+c' }],
    ['src-1250000000/100%', { bucket: 'src-1250000000', key: '100%' }],
  ])('reads %s', (header, expected) => {
    expect(parseCopySource(header)).toEqual({ versionId: undefined, ...expected });
  });

  const invalid = ['', 'key-only', 'bucket/key', 'src-1250000000/', 'src-1250000000/k?versionId='];
  it.each(invalid.map((header) => [header]))('refuses %s with InvalidCopySource', (header) => {
    expect(() => parseCopySource(header)).toThrow(CosError);
    try {
      parseCopySource(header);
    } catch (error) {
      expect((error as CosError).code).toBe('InvalidCopySource');
    }
  });
});
