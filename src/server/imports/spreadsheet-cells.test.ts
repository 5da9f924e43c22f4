import { describe, expect, it } from 'vitest';
import { parseDeadline, rowKeyOf, splitNames } from './spreadsheet-cells.js';
import { csvField } from './spreadsheet-csv.js';
import { columnOfHeader } from './spreadsheet-template.js';

describe(parseDeadline.name, () => {
  it.each([
    ['2026-06-30', '2026-06-30'],
    ['2026/6/3', '2026-06-03'],
    ['２０２６年６月３０日前', '2026-06-30'],
    ['2026年6月底前', '2026-06-30'],
    ['2026年2月底', '2026-02-28'],
    ['2028年2月底前', '2028-02-29'],
    ['2026年底前', '2026-12-31'],
    ['20261015', '2026-10-15'],
  ])('should read %s as %s', (text, iso) => {
    expect(parseDeadline(text)).toEqual({ ok: true, date: iso });
  });

  it('should read an Excel date cell, even a rounding error before midnight', () => {
    expect(parseDeadline(new Date('2026-06-29T23:59:59.998Z'))).toEqual({ ok: true, date: '2026-06-30' });
  });

  it.each(['2026-02-30', '2026年13月底前', '2026年4月31日'])('should call %s impossible', (text) => {
    expect(parseDeadline(text)).toMatchObject({ ok: false, code: 'date_impossible' });
  });

  it.each(['年底前', '下周', '6月底'])('should not guess at %s', (text) => {
    expect(parseDeadline(text)).toMatchObject({ ok: false, code: 'date_unrecognised' });
  });
});

describe(rowKeyOf.name, () => {
  it.each([
    ['1', '1'],
    [1.2, '1.2'],
    ['１．２．３', '1.2.3'],
    ['01.02', '1.2'],
    ['3.', '3'],
  ])('should read %s as %s', (value, key) => {
    expect(rowKeyOf(value)).toBe(key);
  });

  it.each(['一', '1..2', '1.0', 'A1', ''])('should refuse %s', (value) => {
    expect(rowKeyOf(value)).toBeUndefined();
  });
});

describe(splitNames.name, () => {
  it('should split units on 、 and the other usual separators', () => {
    expect(splitNames('市财政局、市商务局，市教育局;\n市民政局')).toEqual([
      '市财政局',
      '市商务局',
      '市教育局',
      '市民政局',
    ]);
  });
});

describe(csvField.name, () => {
  it('should quote commas, quotes and line breaks, and keep formulas from running', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
  });
});

describe(columnOfHeader.name, () => {
  it('should recognise each language and the usual variants', () => {
    expect(
      ['序号', '序號', 'No.', '编号', '牵头 单位', '牽頭單位', 'Lead unit', '责任单位：'].map(columnOfHeader),
    ).toEqual(['number', 'number', 'number', 'number', 'lead', 'lead', 'lead', 'lead']);
  });
});
