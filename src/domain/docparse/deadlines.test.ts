import { describe, expect, it } from 'vitest';
import { deadlineToIso, findDeadline, isOngoing } from './deadlines.js';

describe(findDeadline.name, () => {
  it.each([
    ['a labelled field', '(牵头单位:市发改委;完成时限:2026年6月底前)', '2026年6月底前'],
    ['a labelled 全年', '完成时间:全年', '全年'],
    ['a period alone in a bracket', '(市发改委牵头,三季度)', '三季度'],
    ['an inline month end', '武汉市应在2014年6月底前制定并印发实施', '2014年6月底前'],
    ['an inline day', '必须在9月20日前达到全面开工', '9月20日前'],
    ['an inline 年底前', '确保年底前全面完成', '年底前'],
    ['an inline quarter', '第三季度前完成验收', '第三季度前'],
    ['a goal horizon', '到2020年,全市空气质量优良天数比例达到94%', '到2020年'],
  ])('should find %s', (_label, text, phrase) => {
    expect(findDeadline(text)?.phrase).toBe(phrase);
  });

  it.each([
    ['an issue date', '2019年9月3日印发'],
    ['a progress date', '已于2014年5月30日通车试运营'],
    ['a baseline', '较2012年下降12%'],
    ['a campaign length', '奋战100天,确保完成'],
    ['a document number', '(粤府〔2018〕128号)'],
    ['a reporting rhythm', '各牵头单位要于每月28日前报送进展'],
    ['持续推进 in running prose', '持续推进“一网通办”'],
    ['全年 in running prose', '努力实现全年经济社会发展的目标任务'],
  ])('should not take %s for a deadline', (_label, text) => {
    expect(findDeadline(text)).toBeNull();
  });

  it('should flag a standing duty as ongoing', () => {
    expect(findDeadline('完成时限:长期坚持')).toEqual({ phrase: '长期坚持', ongoing: true });
    expect(findDeadline('(市发改委牵头;持续推进)')).toEqual({ phrase: '持续推进', ongoing: true });
  });
});

describe(deadlineToIso.name, () => {
  it.each([
    ['2026年6月底前', null, '2026-06-30'],
    ['6月底', 2026, '2026-06-30'],
    ['年底前', 2026, '2026-12-31'],
    ['三季度', 2026, '2026-09-30'],
    ['上半年', 2026, '2026-06-30'],
    ['全年', 2026, '2026-12-31'],
    ['第一季度', 2026, '2026-03-31'],
    ['第二季度', 2026, '2026-06-30'],
    ['第四季度', 2026, '2026-12-31'],
    ['12月31日前', 2026, '2026-12-31'],
    ['9月20日前', 2013, '2013-09-20'],
    ['2月底前', 2024, '2024-02-29'],
    ['十月中旬', 2026, '2026-10-20'],
    ['到2020年', 2019, '2020-12-31'],
    ['年内持续推进', 2026, '2026-12-31'],
  ] as const)('should date %s (year %s) as %s', (phrase, year, iso) => {
    expect(deadlineToIso(phrase, year)).toBe(iso);
  });

  it('should give no date for a standing duty, an unknown year or an impossible day', () => {
    expect(deadlineToIso('长期坚持', 2026)).toBeNull();
    expect(deadlineToIso('持续推进', 2026)).toBeNull();
    expect(deadlineToIso('9月20日前', null)).toBeNull();
    expect(deadlineToIso('2月30日前', 2026)).toBeNull();
  });
});

describe(isOngoing.name, () => {
  it('should bound 持续推进 by a year or 年内', () => {
    expect(isOngoing('持续推进')).toBe(true);
    expect(isOngoing('2026年持续推进')).toBe(false);
  });
});
