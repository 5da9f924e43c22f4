import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise.js';
import { convertScript } from './script-convert.js';
import type { NormalisationChange } from './types.js';

const SHARED = new URL('../../../test/fixtures/', import.meta.url);
const DOCPARSE = new URL('docparse/', SHARED);
const SEED = readFileSync(new URL('seed/000_f959d81e79c4ee90.txt', SHARED), 'utf8');
const FIXTURES = readdirSync(DOCPARSE)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -4));

/** A Han character followed by bracketed Latin syllables, tone marks or digits allowed. */
const PINYIN_AFTER_HAN = /\p{Script=Han}[(（](?:[a-z\u00c0-\u024f]|\p{M})+[0-5]?[)）]/giu;
const hanOf = (text: string) => text.replace(/[^\p{Script=Han}]/gu, '');

/** Applies changes to the original by their offsets (right to left), as a reader of the list would. */
function replay(original: string, changes: readonly NormalisationChange[]): string {
  let text = original;
  for (const change of [...changes].sort((a, b) => b.offset - a.offset)) {
    expect(text.slice(change.offset, change.offset + change.before.length)).toBe(change.before);
    text = text.slice(0, change.offset) + change.after + text.slice(change.offset + change.before.length);
  }
  return text;
}

interface ExpectedItem {
  marker: string | null;
  title: string;
  lead: string[];
  cooperating: string[];
  deadline: string | null;
  children: ExpectedItem[];
}

function annotatedStrings(name: string): string[] {
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DOCPARSE), 'utf8')) as {
    items: ExpectedItem[];
  };
  const strings: string[] = [];
  const walk = (items: ExpectedItem[]) => {
    for (const item of items) {
      strings.push(item.title, ...item.lead, ...item.cooperating);
      if (item.marker) strings.push(item.marker);
      if (item.deadline) strings.push(item.deadline);
      walk(item.children);
    }
  };
  walk(expected.items);
  return strings;
}

describe(normaliseText.name, () => {
  describe('on the seed essay', () => {
    const result = normaliseText(SEED);

    it('should keep the original as it came', () => {
      expect(result.original).toBe(SEED);
    });

    it('should remove every pinyin artefact, one change each', () => {
      const artefacts = SEED.match(PINYIN_AFTER_HAN) ?? [];
      expect(artefacts.length).toBeGreaterThan(90);
      expect(result.text.match(PINYIN_AFTER_HAN)).toBeNull();
      expect(result.changes.filter((c) => c.kind === 'pinyin')).toHaveLength(artefacts.length);
    });

    it('should repair the mojibake span in its sentence', () => {
      expect(result.text).toContain('第三,抓落實應當成為一種意志。“抓落實”說來簡單,但真正要以實際行動加以實踐');
      expect(result.text).not.toContain('白ヂ鋵崱');
    });

    it('should report the second span, whose first character is lost, and repair what it can', () => {
      expect(
        result.changes.filter((c) => c.kind.startsWith('mojibake')).map((c) => [c.kind, c.before, c.after]),
      ).toEqual([
        ['mojibake_suspect', '?nèi)', '?nèi)'],
        ['mojibake', '鄙俾鋵嵉挠^', '少落實的觀'],
        ['mojibake', '?!白ヂ鋵崱闭f', '。“抓落實”說'],
      ]);
      expect(result.text).toContain('如果我們?nèi)少落實的觀念,任何縝密的計劃');
    });

    it('should give offsets in the original, so replaying the list rebuilds the text', () => {
      expect(replay(SEED, result.changes)).toBe(result.text);
    });

    it('should lose no Han character other than inside the repaired spans', () => {
      const repairs = result.changes.filter((c) => c.kind === 'mojibake');
      expect(hanOf(replay(SEED, repairs))).toBe(hanOf(result.text));
      expect(hanOf(result.text).length).toBe(hanOf(SEED).length);
    });

    it('should keep the structure lines as they were', () => {
      const lines = result.text.split('\n');
      expect(lines).toContain('一、抓落實需要強大的精神動力');
      expect(lines).toContain('二、抓落實要成為自覺行為');
      expect(lines).toContain('三、抓落實要有科學的方法');
      expect(lines.length).toBe(SEED.split('\n').length);
    });
  });

  it.each(FIXTURES)('should keep every annotated title, marker, unit and deadline of %s', (name) => {
    const raw = readFileSync(new URL(`${name}.txt`, DOCPARSE), 'utf8');
    const { text } = normaliseText(raw);
    for (const value of annotatedStrings(name)) expect(text).toContain(value);
  });

  it.each(FIXTURES.filter((name) => !name.startsWith('t00')))('should change nothing in %s, already clean', (name) => {
    const raw = readFileSync(new URL(`${name}.txt`, DOCPARSE), 'utf8');
    expect(normaliseText(raw)).toEqual({ original: raw, text: raw, changes: [] });
  });

  it.each(FIXTURES.filter((name) => !name.startsWith('t00')))(
    'should bring a full-width copy of %s back to its stored form',
    (name) => {
      const raw = readFileSync(new URL(`${name}.txt`, DOCPARSE), 'utf8');
      const wide = raw.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      const result = normaliseText(wide);
      expect(result.text).toBe(raw);
      expect(result.changes.every((c) => c.kind === 'width')).toBe(true);
    },
  );

  it('should convert the Traditional fixture to Simplified on request and keep its annotations', () => {
    const name = 't05-hubei-2014-daqi-shishi-yijian-trad';
    const raw = readFileSync(new URL(`${name}.txt`, DOCPARSE), 'utf8');
    const result = normaliseText(raw, { convert: 't2s' });
    expect(result.text).toContain('各市、州、县人民政府,省政府各部门:');
    expect(result.text).toContain('(一)强化规划指导,制定年度工作方案。');
    expect(result.changes).toEqual([
      expect.objectContaining({ kind: 'convert', offset: raw.indexOf('縣'), before: '縣', after: '县', note: 't2s' }),
    ]);
    for (const value of annotatedStrings(name)) expect(result.text).toContain(convertScript(value, 't2s').text);
  });

  it('should normalise a pasted document: line endings, widths, spacing and wrapping', () => {
    const raw = [
      '关于印发重点工作分工方案的通知',
      '',
      '一、加快项目建设',
      '（一）推进重大项目。由市 发 改 委牵头，',
      '市财政局配合；完成时限：２０２６年６月底前。',
      '(二)优化营商环境。',
    ].join('\r\n');
    const result = normaliseText(raw);
    expect(result.text.split('\n')).toEqual([
      '关于印发重点工作分工方案的通知',
      '',
      '一、加快项目建设',
      '(一)推进重大项目。由市发改委牵头,市财政局配合;完成时限:2026年6月底前。',
      '(二)优化营商环境。',
    ]);
    expect(result.changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['linebreak', '\r\n', '\n'],
      ['width', '（', '('],
      ['width', '）', ')'],
      ['width', '，', ','],
      ['width', '；', ';'],
      ['width', '：２０２６', ':2026'],
      ['width', '６', '6'],
      ['space', '市 发 改 委', '市发改委'],
      ['linebreak', '\n', ''],
    ]);
    const space = result.changes.find((c) => c.kind === 'space');
    expect(space).toMatchObject({ before: '市 发 改 委', offset: raw.indexOf('市 发') });
    expect(result.changes[0]).toMatchObject({ before: '\r\n', after: '\n', count: 5 });
  });
});
