import type { NormalisationChange } from '../domain/docparse/types.js';
import type { Locale } from './locales.js';

// The normaliser's change list in the reader's language: the import screen lists what was done
// to a pasted document before it was parsed ("拼音残留：網(wǎng) → 網", "全半角统一：， → ,（共 12 处）").

type ChangeKind = NormalisationChange['kind'];

const KINDS: Record<Locale, Record<ChangeKind, string>> = {
  'zh-CN': {
    pinyin: '拼音残留',
    width: '全半角统一',
    space: '多余空格',
    linebreak: '断行接续',
    mojibake: '乱码修复',
    mojibake_suspect: '疑似乱码',
    convert: '繁简转换',
  },
  'zh-TW': {
    pinyin: '拼音殘留',
    width: '全半形統一',
    space: '多餘空格',
    linebreak: '斷行接續',
    mojibake: '亂碼修復',
    mojibake_suspect: '疑似亂碼',
    convert: '繁簡轉換',
  },
  en: {
    pinyin: 'Pinyin artefact',
    width: 'Width unified',
    space: 'Stray space',
    linebreak: 'Line break',
    mojibake: 'Mojibake repaired',
    mojibake_suspect: 'Possible mojibake',
    convert: 'Script converted',
  },
};

const DIRECTIONS: Record<Locale, Record<string, string>> = {
  'zh-CN': { t2s: '繁体→简体', s2t: '简体→繁体' },
  'zh-TW': { t2s: '繁體→簡體', s2t: '簡體→繁體' },
  en: { t2s: 'Traditional → Simplified', s2t: 'Simplified → Traditional' },
};

/** The name of a kind of change, as a column or filter label. */
export function normalisationKindName(kind: ChangeKind, locale: Locale): string {
  return KINDS[locale][kind];
}

/** Line breaks and empty strings made visible, so `\n` → `` reads as `⏎ → ∅`. */
function visible(text: string): string {
  if (text.length === 0) return '∅';
  return text.replace(/\r\n|\r|\n/g, '⏎');
}

function countText(count: number | undefined, locale: Locale): string {
  if (!count || count < 2) return '';
  if (locale === 'en') return ` (${count} places)`;
  return locale === 'zh-TW' ? `（共 ${count} 處）` : `（共 ${count} 处）`;
}

/** One change as a line of the list: kind, what it was and what it became, how many times. */
export function normalisationChangeText(change: NormalisationChange, locale: Locale): string {
  const colon = locale === 'en' ? ': ' : '：';
  const count = countText(change.count, locale);
  switch (change.kind) {
    case 'mojibake_suspect':
      return `${KINDS[locale][change.kind]}${colon}${change.before}`;
    case 'convert': {
      const direction = DIRECTIONS[locale][change.note ?? ''] ?? KINDS[locale].convert;
      return `${direction}${colon}${change.before} → ${change.after}${count}`;
    }
    case 'linebreak':
      if (change.note) return `${KINDS[locale].linebreak}${colon}${change.note}${count}`;
      return `${KINDS[locale].linebreak}${colon}${visible(change.before)} → ${visible(change.after)}${count}`;
    default:
      return `${KINDS[locale][change.kind]}${colon}${visible(change.before)} → ${visible(change.after)}${count}`;
  }
}
