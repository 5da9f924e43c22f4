import { describe, expect, it } from 'vitest';
import { displayWidth, isChinesePunctuation, isCommonHan, isHan, isKana } from './cjk-chars.js';

describe(isHan.name, () => {
  it.each([
    ['落', true],
    ['實', true],
    ['㐀', true],
    ['a', false],
    ['、', false],
    ['ヂ', false],
  ])('should tell whether %s is a Han character', (ch, expected) => {
    expect(isHan(ch)).toBe(expected);
  });
});

describe(isCommonHan.name, () => {
  it.each([
    ['a GB2312 level-1 character', '落', true],
    ['a GB2312 level-2 character', '俾', true],
    ['a frequent Traditional character (Big5 level 1)', '實', true],
    ['a character outside both repertoires', '鋵', false],
    ['a character only in Big5 level 2', '崱', false],
    ['a non-Han character', 'ヂ', false],
  ])('should judge %s', (_label, ch, expected) => {
    expect(isCommonHan(ch)).toBe(expected);
  });
});

describe(isChinesePunctuation.name, () => {
  it('should accept Chinese punctuation and reject ASCII', () => {
    expect([...'、。“”《》〔〕：'].every(isChinesePunctuation)).toBe(true);
    expect([...',.:;()'].some(isChinesePunctuation)).toBe(false);
  });
});

describe(isKana.name, () => {
  it('should recognise katakana, hiragana and half-width katakana only', () => {
    expect(['ヂ', 'ぃ', 'ｱ'].every(isKana)).toBe(true);
    expect(['落', 'a', '。'].some(isKana)).toBe(false);
  });
});

describe(displayWidth.name, () => {
  it('should count CJK and full-width forms as two columns and ASCII as one', () => {
    expect(displayWidth('抓落实')).toBe(6);
    expect(displayWidth('（1）a')).toBe(6);
    expect(displayWidth('2026年')).toBe(6);
  });
});
