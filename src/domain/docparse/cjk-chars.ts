import iconv from 'iconv-lite';

// Character classes the normaliser's steps share. "Common" Han is measured against the two
// national repertoires a Chinese office document is written in: GB2312 (the 6,763 characters of
// Simplified writing) and Big5's first level (the 5,401 frequent Traditional ones). A character
// outside both, in running prose, is rare enough that a cluster of them points to mis-decoding.

const HAN = /\p{Script=Han}/u;

/** Whether a single character (one code point) is a Han ideograph. */
export function isHan(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x2e80) return false;
  return HAN.test(ch);
}

const commonCache = new Map<string, boolean>();

/** Whether a Han character is in GB2312 or in Big5 level 1 (memoised; a document repeats its characters). */
export function isCommonHan(ch: string): boolean {
  const known = commonCache.get(ch);
  if (known !== undefined) return known;
  const common = isHan(ch) && (isInGb2312(ch) || isInBig5LevelOne(ch));
  commonCache.set(ch, common);
  return common;
}

function isInGb2312(ch: string): boolean {
  const bytes = iconv.encode(ch, 'gbk');
  const lead = bytes[0] ?? 0;
  const trail = bytes[1] ?? 0;
  return bytes.length === 2 && lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe;
}

function isInBig5LevelOne(ch: string): boolean {
  const bytes = iconv.encode(ch, 'big5');
  if (bytes.length !== 2) return false;
  const code = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
  return code >= 0xa440 && code <= 0xc67e;
}

const CHINESE_PUNCTUATION = new Set('、。，．：；！？“”‘’《》〈〉「」『』〔〕【】（）…—·～');

/** Full-width punctuation of Chinese prose (both the CJK block and the full-width forms). */
export function isChinesePunctuation(ch: string): boolean {
  return CHINESE_PUNCTUATION.has(ch);
}

/** Hiragana, katakana (full and half width): in Chinese prose almost always mis-decoded bytes. */
export function isKana(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff) || (code >= 0xff61 && code <= 0xff9f);
}

/** Columns a character takes in a monospaced layout: 2 for CJK and full-width forms, else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || code >= 0x2e80) && !(code >= 0xff61 && code <= 0xffdc) ? 2 : 1;
  }
  return width;
}
