import { describe, expect, it } from 'vitest';
import { findStraySpaces } from './stray-spaces.js';
import { applyEdits, traceOriginal } from './text-edits.js';

function cleaned(text: string): string {
  return applyEdits(traceOriginal(text), findStraySpaces(text)).traced.text;
}

describe(findStraySpaces.name, () => {
  it.each([
    ['a letter-spaced name', '责任单位:市 发 改 委', '责任单位:市发改委'],
    ['a word split in two', '抓 落 实', '抓落实'],
    ['a spaced pair', '落 实', '落实'],
    ['a spaced label', '索 引 号: 000014349', '索引号: 000014349'],
    ['a single character cut off a word', '责任单位:市发改 委', '责任单位:市发改委'],
    ['zero-width characters', '\ufeff落\u200b实', '落实'],
  ])('should remove %s', (_label, input, expected) => {
    expect(cleaned(input)).toBe(expected);
  });

  it.each([
    ['fields separated by spaces', '牵头领导:林静国 责任单位:市交通委 项目责任人:劳可军'],
    ['table cells', '鄞州 海曙、江东、江北 镇海 北仑 合计'],
    ['spaces beside digits and Latin', '完成 2026 年 目标 GDP 增长'],
    ['a space after Chinese punctuation', '已完成。 2.新增'],
  ])('should keep %s', (_label, input) => {
    expect(cleaned(input)).toBe(input);
  });

  it('should list a spaced-out stretch as one change', () => {
    expect(findStraySpaces('由市 发 改 委牵头')).toEqual([{ kind: 'space', start: 1, end: 8, after: '市发改委' }]);
  });
});
