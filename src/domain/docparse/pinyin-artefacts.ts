import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { isHan } from './cjk-chars.js';
import type { TextEdit } from './text-edits.js';

// Conversion artefacts: some Simplified → Traditional converters write a character they could not
// map as the character followed by its pinyin in brackets — `網(wǎng)`, `領(lǐng)`, `一(yī)、`. The
// bracket goes only when pinyin-pro confirms that the syllables are readings of the characters
// just before it (any reading of a polyphone, tones ignored), so `(一)`, `(试行)`, `(PM2.5)` or
// a Latin word that is no reading of its neighbour stay.

/** A bracket whose content could be pinyin: letters (tone-marked or not), tone digits, separators. */
const BRACKET = /[(（]\s*([A-Za-z\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f'’\s-]|\p{M}){0,38})\s*[)）]/gu;
/** A bracket may gloss up to this many characters before it (`責任(zérèn)`). */
const MAX_GLOSSED = 6;

const readingCache = new Map<string, string[]>();
let toSimplified: ((text: string) => string) | null = null;

/** Lower case, tone marks and tone digits removed, ü written v: how readings are compared. */
export function bareSyllables(text: string): string {
  return text
    .normalize('NFD')
    .replace(/u\u0308|u:/gi, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[0-9'’\s-]/g, '')
    .toLowerCase();
}

/** Every reading of one character without tones; Traditional characters pinyin-pro lacks are looked up simplified. */
function readingsOf(ch: string): string[] {
  const known = readingCache.get(ch);
  if (known) return known;
  let readings = pinyin(ch, { multiple: true, type: 'array', toneType: 'none' });
  if (readings.length === 0 || readings[0] === ch) {
    toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
    const simple = toSimplified?.(ch) ?? ch;
    readings = simple === ch ? [] : pinyin(simple, { multiple: true, type: 'array', toneType: 'none' });
  }
  const bare = [...new Set(readings.map(bareSyllables).filter((r) => /^[a-z]+$/.test(r)))];
  readingCache.set(ch, bare);
  return bare;
}

/** Whether `syllables` splits into one reading of each character in turn. */
function spells(chars: readonly string[], syllables: string): boolean {
  const [first, ...rest] = chars;
  if (first === undefined) return syllables.length === 0;
  return readingsOf(first).some((r) => syllables.startsWith(r) && spells(rest, syllables.slice(r.length)));
}

/** The Han characters (up to MAX_GLOSSED) right before `end`, nearest last. */
function hanBefore(text: string, end: number): string[] {
  const chars: string[] = [];
  for (let i = end - 1; i >= 0 && chars.length < MAX_GLOSSED; i -= 1) {
    const ch = text[i] ?? '';
    if (!isHan(ch)) break;
    chars.unshift(ch);
  }
  return chars;
}

/** An acronym in capitals (`(AN)`, `(GDP)`) is never taken for pinyin. */
function looksLikeAcronym(content: string): boolean {
  return content.length >= 2 && content === content.toUpperCase() && /[A-Z]/.test(content);
}

/**
 * Edits that drop each pinyin bracket glossing the characters before it (issue 6 item 1). The
 * edit spans the glossed characters and the bracket, so the change list reads `網(wǎng)` → `網`.
 */
export function findPinyinArtefacts(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const match of text.matchAll(BRACKET)) {
    const content = match[1] ?? '';
    if (looksLikeAcronym(content.trim())) continue;
    const syllables = bareSyllables(content);
    const han = hanBefore(text, match.index);
    for (let count = 1; count <= han.length; count += 1) {
      const glossed = han.slice(han.length - count);
      if (!spells(glossed, syllables)) continue;
      const start = match.index - count;
      const word = glossed.join('');
      edits.push({
        kind: 'pinyin',
        start,
        end: match.index + match[0].length,
        after: word,
        note: `${word}: ${content.trim()}`,
      });
      break;
    }
  }
  return edits;
}
