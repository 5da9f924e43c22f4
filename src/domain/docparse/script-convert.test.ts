import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertScript } from './script-convert.js';

const DOCPARSE = new URL('../../../test/fixtures/docparse/', import.meta.url);
const read = (name: string) => readFileSync(new URL(`${name}.txt`, DOCPARSE), 'utf8');

describe(convertScript.name, () => {
  it('should convert a Traditional document to Simplified and sum it up in one entry', () => {
    const { text, change } = convertScript('各市、州、縣人民政府,省政府各部門:', 't2s');
    expect(text).toBe('各市、州、县人民政府,省政府各部门:');
    expect(change).toEqual({ kind: 'convert', offset: 5, before: '縣', after: '县', note: 't2s', count: 2 });
  });

  it('should convert Simplified to Traditional, choosing among one-to-many characters', () => {
    expect(convertScript('干部头发干净,市发改委牵头', 's2t').text).toBe('幹部頭髮乾淨,市發改委牽頭');
  });

  it('should keep the words of a Simplified document (no vocabulary swaps)', () => {
    const text = read('t01-lishui-2023-zfgzbg-zerenfenjie');
    expect(convertScript(text, 't2s')).toEqual({ text, change: null });
  });

  it('should keep unit names whole when converting to Traditional', () => {
    expect(convertScript('市发展和改革局、工业和信息化局参与', 's2t').text).toBe('市發展和改革局、工業和信息化局參與');
  });

  it('should leave the text alone without a direction', () => {
    expect(convertScript('各部門', 'none')).toEqual({ text: '各部門', change: null });
  });
});
