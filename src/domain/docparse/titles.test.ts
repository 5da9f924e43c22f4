import { describe, expect, it } from 'vitest';
import type { TextPiece } from './structure.js';
import { splitTitle } from './titles.js';

const pieces = (...texts: string[]): TextPiece[] => texts.map((text, line) => ({ line, text, standalone: line > 0 }));

describe(splitTitle.name, () => {
  it.each([
    ['the first 。', ['制定实施准入清单。完成编制工作。'], '制定实施准入清单', '完成编制工作。'],
    ['a colon', ['工作目标:到2025年,达到94%。'], '工作目标', '到2025年,达到94%。'],
    [
      'the end of a heading line',
      ['全市经济社会发展主要预期目标', '1.生产总值增长'],
      '全市经济社会发展主要预期目标',
      '1.生产总值增长',
    ],
    [
      'a responsibility bracket',
      ['加强预案管理(牵头单位:市应急局;完成时限:6月底前)'],
      '加强预案管理',
      '(牵头单位:市应急局;完成时限:6月底前)',
    ],
    ['a sentence-ending ?!', ['抓落实应当成为一种意志?!白ヂ鋵崱'], '抓落实应当成为一种意志', '!白ヂ鋵崱'],
  ])('should end the title at %s', (_label, texts, title, body) => {
    expect(splitTitle(pieces(...texts))).toEqual({ title, body });
  });

  it('should drop the trailing ；/。 of an inline item', () => {
    expect(splitTitle(pieces('抓公路沿线,特别是飞仙到龙门一段;')).title).toBe('抓公路沿线,特别是飞仙到龙门一段');
  });

  it('should keep brackets that are part of the title and times that are not labels', () => {
    expect(splitTitle(pieces('排查整治“散乱污”工业企业(场所)。全面落实。')).title).toBe(
      '排查整治“散乱污”工业企业(场所)',
    );
    expect(splitTitle(pieces('每日9:30召开调度会。')).title).toBe('每日9:30召开调度会');
  });

  it('should take the next line when the marker stands alone on its line', () => {
    expect(splitTitle(pieces('', '总则')).title).toBe('总则');
  });
});
