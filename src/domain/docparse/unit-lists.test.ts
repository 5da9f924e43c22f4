import { describe, expect, it } from 'vitest';
import { cleanUnitName, expandSharedAffixes, splitUnitList } from './unit-lists.js';

describe(splitUnitList.name, () => {
  it.each([
    [
      '、 , ; and 及',
      '市发改委、市财政局,市商务局;市税务局及各县市区政府',
      ['市发改委', '市财政局', '市商务局', '市税务局', '各县市区政府'],
    ],
    [
      'full-width separators and newlines',
      '市发改委，市财政局；市商务局\n市税务局',
      ['市发改委', '市财政局', '市商务局', '市税务局'],
    ],
    [
      'nothing inside parentheses',
      '市经信局,各县(市、区)政府、丽水开发区管委会',
      ['市经信局', '各县(市、区)政府', '丽水开发区管委会'],
    ],
    [
      'a remark in parentheses cut off',
      '市文广旅体局、市卫生健康委(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)',
      ['市文广旅体局', '市卫生健康委'],
    ],
    [
      'a trailing role word cut off',
      '省市场监管局、商务厅、省大数据中心按职责分工负责',
      ['省市场监管局', '商务厅', '省大数据中心'],
    ],
    ['a one-character fragment dropped', '市', []],
  ])('should split on %s', (_label, text, names) => {
    expect(splitUnitList(text)).toEqual(names);
  });

  it('should keep a shared-suffix list literal', () => {
    expect(splitUnitList('各县、区人民政府(管委会)')).toEqual(['各县', '区人民政府(管委会)']);
  });
});

describe(cleanUnitName.name, () => {
  it('should drop lead-in words and spacing but keep short bracketed parts of names', () => {
    expect(cleanUnitName(' 由市发改委 ')).toBe('市发改委');
    expect(cleanUnitName('区人民政府(管委会)')).toBe('区人民政府(管委会)');
  });
});

describe(expandSharedAffixes.name, () => {
  it.each([
    ['a shared suffix', ['黄埔区', '南沙区政府'], ['黄埔区政府', '南沙区政府']],
    ['a shared 各 and suffix', ['各县', '区人民政府(管委会)'], ['各县人民政府(管委会)', '各区人民政府(管委会)']],
    [
      'a dropped 市',
      ['市发展和改革局', '工业和信息化局', '自然资源局'],
      ['市发展和改革局', '市工业和信息化局', '市自然资源局'],
    ],
  ])('should write out %s', (_label, names, expanded) => {
    expect(expandSharedAffixes(names)).toEqual(expanded);
  });

  it('should leave a bare name alone when the list keeps its prefixes', () => {
    const names = ['市发改委', '市工商局', '宁波电业局'];
    expect(expandSharedAffixes(names)).toEqual(names);
  });
});
