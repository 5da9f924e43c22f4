import { describe, expect, it } from 'vitest';
import type { NormalisationChange } from '../domain/docparse/types.js';
import { LOCALES } from './locales.js';
import { normalisationChangeText, normalisationKindName } from './normalisation-terms.js';

const KINDS: NormalisationChange['kind'][] = [
  'pinyin',
  'width',
  'space',
  'linebreak',
  'mojibake',
  'mojibake_suspect',
  'convert',
];

describe(normalisationKindName.name, () => {
  it('should have a distinct name for every kind in every language', () => {
    for (const locale of LOCALES) {
      const names = KINDS.map((kind) => normalisationKindName(kind, locale));
      expect(new Set(names).size).toBe(KINDS.length);
      expect(names.every((name) => name.length > 0)).toBe(true);
    }
  });
});

describe(normalisationChangeText.name, () => {
  it('should say a removed pinyin bracket in the three languages', () => {
    const change: NormalisationChange = { kind: 'pinyin', offset: 58, before: '網(wǎng)', after: '網' };
    expect(normalisationChangeText(change, 'zh-CN')).toBe('拼音残留：網(wǎng) → 網');
    expect(normalisationChangeText(change, 'zh-TW')).toBe('拼音殘留：網(wǎng) → 網');
    expect(normalisationChangeText(change, 'en')).toBe('Pinyin artefact: 網(wǎng) → 網');
  });

  it('should give the count of a grouped change', () => {
    const change: NormalisationChange = { kind: 'width', offset: 3, before: '，', after: ',', count: 12 };
    expect(normalisationChangeText(change, 'zh-CN')).toBe('全半角统一：， → ,（共 12 处）');
    expect(normalisationChangeText(change, 'en')).toBe('Width unified: ， → , (12 places)');
  });

  it('should make line breaks and removals visible', () => {
    const ending: NormalisationChange = { kind: 'linebreak', offset: 5, before: '\r\n', after: '\n', count: 3 };
    expect(normalisationChangeText(ending, 'zh-TW')).toBe('斷行接續：⏎ → ⏎（共 3 處）');
    const join: NormalisationChange = {
      kind: 'linebreak',
      offset: 5,
      before: '\n',
      after: '',
      note: '…牵头,⏎市财政局…',
    };
    expect(normalisationChangeText(join, 'zh-CN')).toBe('断行接续：…牵头,⏎市财政局…');
  });

  it('should name the conversion direction and a suspect span', () => {
    const convert: NormalisationChange = {
      kind: 'convert',
      offset: 5,
      before: '縣',
      after: '县',
      note: 't2s',
      count: 143,
    };
    expect(normalisationChangeText(convert, 'zh-CN')).toBe('繁体→简体：縣 → 县（共 143 处）');
    const suspect: NormalisationChange = { kind: 'mojibake_suspect', offset: 9, before: '?nèi)', after: '?nèi)' };
    expect(normalisationChangeText(suspect, 'en')).toBe('Possible mojibake: ?nèi)');
  });
});
