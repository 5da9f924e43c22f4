import { describe, expect, it } from 'vitest';
import { unitListVariants } from './unit-list-variants.js';
import {
  buildUnitIndex,
  isAbbreviation,
  type MatchableUnit,
  matchUnitLists,
  matchUnitName,
  unitKey,
} from './unit-match.js';

function unit(id: number, name: string, extra: Partial<MatchableUnit> = {}): MatchableUnit {
  return { id, name, shortName: null, aliases: [], ...extra };
}

// A city's unit tree, with the traps documents set: a district bureau beside the city one, two
// hospitals a character apart, two offices with the same name.
const UNITS: MatchableUnit[] = [
  unit(1, '市发展和改革委员会'),
  unit(2, '市财政局'),
  unit(3, '市商务局'),
  unit(4, '市工业和信息化局'),
  unit(5, '区工业和信息化局'),
  unit(6, '黄埔区政府'),
  unit(7, '南沙区政府'),
  unit(8, '市市场监督管理局'),
  unit(9, '市住房和城乡建设局', { shortName: '市住建局' }),
  unit(10, '市生态环境局', { aliases: ['市环保局'] }),
  unit(11, '市教育局'),
  unit(12, '区教育局'),
  unit(13, '市人力资源和社会保障局'),
  unit(14, '市卫生健康委员会'),
  unit(15, '市公共资源交易中心东区分中心'),
  unit(16, '市公共资源交易中心西区分中心'),
  unit(17, '办公室'),
  unit(18, '办公室'),
];
const index = buildUnitIndex(UNITS);

describe(matchUnitName.name, () => {
  it.each([
    ['its exact name', '市财政局', 2, 'name'],
    ['its name written with stray spaces', '市 财政局', 2, 'name'],
    ['its short name', '市住建局', 9, 'short_name'],
    ['an alias', '市环保局', 10, 'alias'],
    ['its name without the 市 the document dropped', '商务局', 3, 'normalised'],
    ['its abbreviation (简称)', '市发改委', 1, 'abbreviation'],
    ['its abbreviation without the prefix', '发改委', 1, 'abbreviation'],
    ['an abbreviation that starts like the prefix (市场监管局)', '市场监管局', 8, 'abbreviation'],
    ['a three-character abbreviation of a long name', '人社局', 13, 'abbreviation'],
    ['an abbreviation of a 委员会', '市卫健委', 14, 'abbreviation'],
    ['a name with one wrong character (fuzzy)', '市人力资源和社会保章局', 13, 'fuzzy'],
  ])('should match a unit by %s', (_label, written, unitId, via) => {
    const match = matchUnitName(index, written);
    expect(match.status).toBe('matched');
    expect(match.unitId).toBe(unitId);
    expect(match.candidates[0]).toMatchObject({ unitId, via });
  });

  it('should call a dropped prefix ambiguous when both a city and a district unit fit', () => {
    const match = matchUnitName(index, '教育局');
    expect(match).toMatchObject({ status: 'ambiguous', candidates: [{ unitId: 12 }, { unitId: 11 }] });
    expect(match.unitId).toBeUndefined();
  });

  it('should not match a unit of another level by dropping both prefixes', () => {
    const match = matchUnitName(index, '县教育局');
    expect(match.status).toBe('unknown');
    expect(match.candidates.map((c) => c.unitId).sort()).toEqual([11, 12]);
    expect(match.candidates.every((c) => c.via === 'fuzzy' && c.score < 0.8)).toBe(true);
  });

  it('should not guess between two close fuzzy candidates', () => {
    const match = matchUnitName(index, '市公共资源交易中心南区分中心');
    expect(match.status).toBe('ambiguous');
    expect(match.unitId).toBeUndefined();
    expect(match.candidates.map((c) => c.unitId).sort()).toEqual([15, 16]);
    expect(match.candidates[0]?.score).toBeGreaterThanOrEqual(0.8);
  });

  it('should call two units of the same name ambiguous', () => {
    expect(matchUnitName(index, '办公室')).toMatchObject({ status: 'ambiguous', candidates: [{}, {}] });
  });

  it('should report an unknown name with no candidates when nothing is alike', () => {
    expect(matchUnitName(index, '江川港务集团')).toEqual({ status: 'unknown', candidates: [] });
  });

  it('should prefer an exact name over an alias another unit holds', () => {
    const withAlias = buildUnitIndex([...UNITS, unit(19, '市财政局国库支付中心', { aliases: ['市财政局'] })]);
    expect(matchUnitName(withAlias, '市财政局')).toMatchObject({ status: 'matched', unitId: 2 });
  });

  it('should use a variant from the list when the name alone is ambiguous', () => {
    expect(matchUnitName(index, '工业和信息化局').status).toBe('ambiguous');
    expect(matchUnitName(index, '工业和信息化局', ['市工业和信息化局'])).toMatchObject({
      status: 'matched',
      unitId: 4,
      candidates: [{ via: 'context' }],
    });
  });
});

describe(matchUnitLists.name, () => {
  it('should expand a shared suffix: 黄埔区、南沙区政府 names two district governments', () => {
    const matches = matchUnitLists(UNITS, [['黄埔区', '南沙区政府']]);
    expect(matches.get('黄埔区')).toMatchObject({ status: 'matched', unitId: 6 });
    expect(matches.get('南沙区政府')).toMatchObject({ status: 'matched', unitId: 7 });
  });

  it('should restore the 市 a list drops after its first name', () => {
    const matches = matchUnitLists(UNITS, [['市发展和改革委员会', '工业和信息化局', '财政局']]);
    expect(matches.get('工业和信息化局')).toMatchObject({ status: 'matched', unitId: 4 });
    expect(matches.get('财政局')).toMatchObject({ status: 'matched', unitId: 2 });
  });

  it("should use the parser's expansion of a list as a variant of each name", () => {
    const matches = matchUnitLists(UNITS, [{ names: ['黄埔', '南沙区政府'], expanded: ['黄埔区政府', '南沙区政府'] }]);
    expect(matches.get('黄埔')).toMatchObject({ status: 'matched', unitId: 6, candidates: [{ via: 'context' }] });
  });

  it('should key each name once, as first written, and skip blanks', () => {
    const matches = matchUnitLists(UNITS, [['市财政局', ' '], ['市财政局', '市商务局'], []]);
    expect([...matches.keys()]).toEqual(['市财政局', '市商务局']);
  });
});

describe(unitListVariants.name, () => {
  it.each([
    ['a shared suffix', ['黄埔区', '南沙区政府'], [['黄埔区政府'], []]],
    [
      'a suffix shared over several places',
      ['黄埔区', '番禺区', '南沙区人民政府'],
      [['黄埔区人民政府'], ['番禺区人民政府'], []],
    ],
    ['各县、区人民政府', ['各县', '区人民政府(管委会)'], [['各县人民政府(管委会)'], []]],
    ['a dropped 市', ['市生态环境局', '发展和改革局', '市场监管局'], [[], ['市发展和改革局'], []]],
    ['nothing to share', ['市财政局', '市商务局'], [[], []]],
    ['a bare level without 各 (not a shared suffix)', ['黄埔区', '区人民政府'], [[], []]],
  ])('should find %s', (_label, names, expected) => {
    expect(unitListVariants(names)).toEqual(expected);
  });
});

describe(isAbbreviation.name, () => {
  it.each([
    ['发改委', '发展和改革委', true],
    ['住建局', '住房和城乡建设局', true],
    ['发改局', '发展和改革委', false],
    ['改发委', '发展和改革委', false],
    ['委', '发展和改革委', false],
    ['发展和改革委', '发展和改革委', false],
  ])('should tell whether %s abbreviates %s', (short, full, expected) => {
    expect(isAbbreviation(short, full)).toBe(expected);
  });
});

describe(unitKey.name, () => {
  it('should fold the forms a name takes: full-width brackets, 人民政府, 委员会, 办公室, a leading 各', () => {
    expect(unitKey('各区人民政府（管委会）')).toBe('区政府(管委会)');
    expect(unitKey('市卫生健康委员会')).toBe('市卫生健康委');
    expect(unitKey('市政府办公室')).toBe('市政府办');
  });
});
