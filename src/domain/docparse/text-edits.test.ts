import { describe, expect, it } from 'vitest';
import { applyEdits, traceOriginal } from './text-edits.js';

describe(traceOriginal.name, () => {
  it('should map every character to its own offset, one past the end included', () => {
    expect(traceOriginal('抓落实').origins).toEqual([0, 1, 2, 3]);
  });
});

describe(applyEdits.name, () => {
  it('should replace spans and quote offsets in the original after an earlier step moved the text', () => {
    const first = applyEdits(traceOriginal('網(wǎng)友：好'), [{ kind: 'pinyin', start: 0, end: 7, after: '網' }]);
    expect(first.traced.text).toBe('網友：好');
    const second = applyEdits(first.traced, [{ kind: 'width', start: 2, end: 3, after: ':' }]);
    expect(second.traced.text).toBe('網友:好');
    expect(second.changes).toEqual([{ kind: 'width', offset: 8, before: '：', after: ':' }]);
    expect(second.traced.origins).toEqual([0, 7, 8, 9, 10]);
  });

  it('should list edits sharing a group once, at the first, with a count', () => {
    const { changes } = applyEdits(traceOriginal('一，二，三'), [
      { kind: 'width', start: 1, end: 2, after: ',', group: 'width:，' },
      { kind: 'width', start: 3, end: 4, after: ',', group: 'width:，' },
    ]);
    expect(changes).toEqual([{ kind: 'width', offset: 1, before: '，', after: ',', count: 2 }]);
  });

  it('should keep a report-only edit in the list without changing the text', () => {
    const result = applyEdits(traceOriginal('意志?!白'), [
      { kind: 'mojibake_suspect', start: 2, end: 5, after: '?!白' },
    ]);
    expect(result.traced.text).toBe('意志?!白');
    expect(result.changes).toEqual([{ kind: 'mojibake_suspect', offset: 2, before: '?!白', after: '?!白' }]);
  });

  it('should skip an edit that overlaps the one before it', () => {
    const { traced, changes } = applyEdits(traceOriginal('abcdef'), [
      { kind: 'space', start: 1, end: 3, after: 'X' },
      { kind: 'space', start: 2, end: 4, after: 'Y' },
    ]);
    expect(traced.text).toBe('aXdef');
    expect(changes).toHaveLength(1);
  });
});
