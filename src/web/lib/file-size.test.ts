import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size.js';

describe(formatFileSize.name, () => {
  it('should pick the largest unit that keeps the number at least 1', () => {
    expect(formatFileSize(820, 'en')).toBe('820 B');
    expect(formatFileSize(12_800, 'en')).toBe('12.5 KB');
    expect(formatFileSize(50 * 1024 * 1024, 'en')).toBe('50 MB');
    expect(formatFileSize(150 * 1024 * 1024, 'zh-CN')).toBe('150 MB');
  });
});
