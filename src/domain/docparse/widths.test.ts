import { describe, expect, it } from 'vitest';
import { applyEdits, traceOriginal } from './text-edits.js';
import { findWidthChanges, narrowChar } from './widths.js';

describe(narrowChar.name, () => {
  it.each([
    ['０', '0'],
    ['Ｚ', 'Z'],
    ['（', '('],
    ['：', ':'],
    ['；', ';'],
    ['，', ','],
    ['．', '.'],
    ['？', '?'],
    ['\u3000', ' '],
  ])('should narrow %s to %s', (input, expected) => {
    expect(narrowChar(input)).toBe(expected);
  });

  it.each(['、', '。', '“', '”', '《', '》', '〔', '〕', '【', '①', '⑴', '…', '落', 'a'])('should keep %s', (ch) => {
    expect(narrowChar(ch)).toBeNull();
  });
});

describe(findWidthChanges.name, () => {
  it('should give the parser one form of markers, colons and numbers', () => {
    const text = '（一）牵头单位：市发改委；完成时限：２０２６年６月底前。１．落实';
    const { traced } = applyEdits(traceOriginal(text), findWidthChanges(text));
    expect(traced.text).toBe('(一)牵头单位:市发改委;完成时限:2026年6月底前。1.落实');
  });

  it('should make one edit per contiguous run, grouped by what the run was', () => {
    const text = '２０２６年，约２０２６人，第６名';
    const { changes } = applyEdits(traceOriginal(text), findWidthChanges(text));
    expect(changes).toEqual([
      { kind: 'width', offset: 0, before: '２０２６', after: '2026', count: 2 },
      { kind: 'width', offset: 5, before: '，', after: ',', count: 2 },
      { kind: 'width', offset: 14, before: '６', after: '6' },
    ]);
  });

  it('should change nothing in text already in the stored mixed form', () => {
    expect(findWidthChanges('(一)责任单位:市发改委、市财政局。《方案》〔2018〕')).toEqual([]);
  });
});
