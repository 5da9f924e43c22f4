import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findMojibake } from './mojibake.js';
import { redecode } from './mojibake-redecode.js';
import { applyEdits, traceOriginal } from './text-edits.js';

const SHARED = new URL('../../../test/fixtures/', import.meta.url);
const SEED = readFileSync(new URL('seed/000_f959d81e79c4ee90.txt', SHARED), 'utf8');
const SENTENCE = '第三,抓落實應當成為一種意志?!白ヂ鋵崱闭f來簡單,但真正要以實際行動加以實踐。';

function repaired(text: string): string {
  return applyEdits(traceOriginal(text), findMojibake(text)).traced.text;
}

describe(redecode.name, () => {
  it('should restore the GBK bytes read one byte off, the lost lead byte shown as ?', () => {
    expect(redecode('?!白ヂ鋵崱闭f')).toEqual({ text: '。“抓落實”說', how: 'GBK, one byte off; lost byte A1' });
  });

  it('should find no clean re-decoding for sound text', () => {
    expect(redecode('抓落實應當')).toBeNull();
  });
});

describe(findMojibake.name, () => {
  it('should repair the seed span to the sentence it was', () => {
    expect(repaired(SENTENCE)).toBe('第三,抓落實應當成為一種意志。“抓落實”說來簡單,但真正要以實際行動加以實踐。');
    expect(findMojibake(SENTENCE)).toEqual([
      {
        kind: 'mojibake',
        start: SENTENCE.indexOf('?'),
        end: SENTENCE.indexOf('來'),
        after: '。“抓落實”說',
        note: 'GBK, one byte off; lost byte A1',
      },
    ]);
  });

  it('should repair the seed essay span in place and report the second, partly lost one', () => {
    const edits = findMojibake(SEED);
    expect(edits.map((e) => [e.kind, SEED.slice(e.start, e.end), e.after])).toEqual([
      ['mojibake_suspect', '?nèi)', '?nèi)'],
      ['mojibake', '鄙俾鋵嵉挠^', '少落實的觀'],
      ['mojibake', '?!白ヂ鋵崱闭f', '。“抓落實”說'],
    ]);
    expect(repaired(SEED)).toContain('成為一種意志。“抓落實”說來簡單,但真正要');
  });

  it('should repair UTF-8 bytes that were read as GBK', () => {
    const garbled = iconv.decode(iconv.encode('市发改委牵头落实各项任务', 'utf8'), 'gbk');
    expect(repaired(`通知如下:${garbled}。`)).toBe('通知如下:市发改委牵头落实各项任务。');
  });

  it('should report without changing what no re-decoding explains', () => {
    const text = '项目位于㵘㵙村。';
    expect(findMojibake(text)).toEqual([{ kind: 'mojibake_suspect', start: 4, end: 6, after: '㵘㵙' }]);
    expect(repaired(text)).toBe(text);
  });

  it.each([
    ['a question mark ending a sentence', '這種精神動力從何而來?第一,來自于對人民群眾的深厚感情。'],
    ['a single rare character in a set phrase', '才能一絲不茍地做好我們所承擔的每一項工作。'],
    ['Latin abbreviations and pinyin', '细颗粒物(PM2.5)年均浓度下降,網(wǎng)友上传。'],
    ['bullets and symbols', '■ 重点任务 ★ 市发改委牵头 ① 6月底前完成 ~ 年底'],
  ])('should leave clean text alone: %s', (_label, text) => {
    expect(findMojibake(text)).toEqual([]);
  });

  it('should find nothing in the shared fixtures other than the essay', () => {
    for (const name of [
      't01-lishui-2023-zfgzbg-zerenfenjie',
      't03-chaozhou-2019-lantian-shishi-fangan',
      't05-hubei-2014-daqi-shishi-yijian-trad',
    ]) {
      expect(findMojibake(readFileSync(new URL(`docparse/${name}.txt`, SHARED), 'utf8'))).toEqual([]);
    }
  });
});
