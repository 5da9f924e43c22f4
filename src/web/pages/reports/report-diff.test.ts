import { describe, expect, it } from 'vitest';
import { diffColumns, markedShare } from './report-diff.js';

describe('diffColumns', () => {
  it('should show removed text on the left and added text on the right, shared text on both', () => {
    const diff = [
      { value: '本月完成', added: false, removed: false },
      { value: '选址', added: false, removed: true },
      { value: '立项', added: true, removed: false },
      { value: '工作。', added: false, removed: false },
    ];
    const { left, right } = diffColumns(diff);
    expect(left).toEqual([
      { text: '本月完成', marked: false },
      { text: '选址', marked: true },
      { text: '工作。', marked: false },
    ]);
    expect(right.map((run) => run.text).join('')).toBe('本月完成立项工作。');
    expect(right[1]).toEqual({ text: '立项', marked: true });
  });
});

describe('markedShare', () => {
  it('should answer the marked share of the characters, 0 for an empty column', () => {
    expect(
      markedShare([
        { text: '一二三', marked: false },
        { text: '四', marked: true },
      ]),
    ).toBe(0.25);
    expect(markedShare([])).toBe(0);
  });
});
