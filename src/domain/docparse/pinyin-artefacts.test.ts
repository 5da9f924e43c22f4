import { describe, expect, it } from 'vitest';
import { bareSyllables, findPinyinArtefacts } from './pinyin-artefacts.js';
import { applyEdits, traceOriginal } from './text-edits.js';

function cleaned(text: string): string {
  return applyEdits(traceOriginal(text), findPinyinArtefacts(text)).traced.text;
}

describe(bareSyllables.name, () => {
  it.each([
    ['wǎng', 'wang'],
    ['wang3', 'wang'],
    ['Zé rèn', 'zeren'],
    ['lǜ', 'lv'],
    ["xi'an", 'xian'],
  ])('should reduce %s to %s', (input, expected) => {
    expect(bareSyllables(input)).toBe(expected);
  });
});

describe(findPinyinArtefacts.name, () => {
  it.each([
    ['a tone-marked reading', '來源于網(wǎng)友上傳', '來源于網友上傳'],
    ['a reading in full-width brackets', '網（wǎng）友', '網友'],
    ['a numbered reading', '網(wang3)友', '網友'],
    ['a plain reading', '網(wang)友', '網友'],
    ['a reading of only the last of several characters', '責任(rèn)制', '責任制'],
    ['a reading of two characters', '責任(zérèn)制', '責任制'],
    ['a reading of two characters spaced', '責任(zé rèn)制', '責任制'],
    ['a reading before an enumeration comma', '一(yī)、抓落實', '一、抓落實'],
    ['one of the readings of a polyphone', '應(yìng)對', '應對'],
    ['a Traditional character', '領(lǐng)導', '領導'],
  ])('should remove %s', (_label, input, expected) => {
    expect(cleaned(input)).toBe(expected);
  });

  it.each([
    ['an enumeration marker', '(一)全力以赴拼經濟'],
    ['a document status', '实施方案(试行)'],
    ['a year', '责任分解(2026年)'],
    ['a list of units', '各县(市、区)政府'],
    ['an abbreviation with digits', '细颗粒物(PM2.5)'],
    ['an acronym in capitals', '优良天数比例(AQI)'],
    ['a Latin word that is no reading of the character before it', '中国(China)'],
    ['pinyin that is no reading of the character before it', '網(shi)友'],
    ['pinyin after no Han character', '“(wǎng)”'],
  ])('should keep %s', (_label, input) => {
    expect(cleaned(input)).toBe(input);
  });

  it('should list each removal with the glossed characters and the reading', () => {
    expect(findPinyinArtefacts('于網(wǎng)友')).toEqual([
      { kind: 'pinyin', start: 1, end: 8, after: '網', note: '網: wǎng' },
    ]);
  });
});
