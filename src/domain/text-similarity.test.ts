import { describe, expect, it } from 'vitest';
import {
  bigramProfile,
  comparableLengths,
  diceOfProfiles,
  normalizeForSimilarity,
  textSimilarity,
} from './text-similarity.js';

const REPORT =
  '本月完成了城区三条道路的改造工程，累计投入资金1200万元。存在问题：拆迁进度较慢。下步措施：加快协调拆迁工作，确保按期完工。';

describe(normalizeForSimilarity.name, () => {
  it.each([
    ['full-width digits and letters become half-width', '完成８０％，ＡＢＣ', '完成80abc'],
    ['whitespace of every kind is removed', '完成 \t本月\n工作\u3000任务', '完成本月工作任务'],
    ['Chinese and Western punctuation is removed', '一、道路；二、桥梁。“三”！(四)', '一道路二桥梁三四'],
    ['symbols are removed', '增长+5%，约¥30万', '增长5约30万'],
    ['an empty text stays empty', ' 。 ', ''],
  ])('should %s', (_label, input, expected) => {
    expect(normalizeForSimilarity(input)).toBe(expected);
  });
});

describe(textSimilarity.name, () => {
  it.each([
    ['identical texts', REPORT, REPORT, 1, 1],
    ['the same text re-punctuated and re-spaced', REPORT, REPORT.replace(/，/g, ' ').replace(/。/g, '；'), 1, 1],
    ['the same text in full-width digits', '完成投资1200万元', '完成投资１２００万元', 1, 1],
    [
      'last month copied with the numbers changed',
      REPORT,
      REPORT.replace('三条', '五条').replace('1200', '1800'),
      0.9,
      0.99,
    ],
    ['a copy with one sentence appended', REPORT, `${REPORT}另外，组织召开了一次推进会。`, 0.85, 0.95],
    [
      'a different report on the same task',
      REPORT,
      '本月重点推进老旧小区改造，完成外立面整治两处，群众满意度调查反映良好；下月将启动雨污分流。',
      0,
      0.3,
    ],
    ['texts without a shared character pair', '道路改造', '桥梁维修', 0, 0],
    ['two empty texts', '', '。', 1, 1],
    ['an empty and a non-empty text', '', '完成', 0, 0],
    ['one-character texts that are equal', '无', '无。', 1, 1],
    ['one-character texts that differ', '无', '有', 0, 0],
  ])('should rate %s between %d and %d', (_label, a, b, low, high) => {
    const similarity = textSimilarity(a, b);
    expect(similarity).toBeGreaterThanOrEqual(low);
    expect(similarity).toBeLessThanOrEqual(high);
  });

  it('should be symmetric', () => {
    const other = `${REPORT.slice(10)}补充说明。`;
    expect(textSimilarity(REPORT, other)).toBeCloseTo(textSimilarity(other, REPORT), 12);
  });

  it('should count repeated bigrams as a multiset, not a set', () => {
    // "好好好好" has bigrams {好好 ×3}; "好好" has {好好 ×1}: 2·1/(3+1) = 0.5 (a set would say 1).
    expect(textSimilarity('好好好好', '好好')).toBe(0.5);
  });

  it('should treat a character outside the basic plane as one character', () => {
    expect(bigramProfile('𠀋𠀋').size).toBe(1);
    expect(textSimilarity('𠀋中', '𠀋中')).toBe(1);
  });
});

describe(comparableLengths.name, () => {
  it('should admit every length that could still reach the threshold and exclude those that cannot', () => {
    const base = '甲乙丙丁戊己庚辛壬癸'.repeat(10); // 100 characters
    const { min, max } = comparableLengths(100, 0.9);
    const profile = bigramProfile(base);
    // A prefix of the text is the most similar text of its length: check both sides of the bounds.
    expect(diceOfProfiles(profile, bigramProfile(base.slice(0, min - 2)))).toBeLessThan(0.9);
    expect(min).toBeLessThanOrEqual(83);
    expect(max).toBeGreaterThanOrEqual(121);
    const longer = `${base}${'子丑寅卯辰巳午未申酉'.repeat(3)}`.slice(0, max + 2);
    expect(diceOfProfiles(profile, bigramProfile(longer))).toBeLessThan(0.9);
  });
});
