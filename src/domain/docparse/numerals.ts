// Chinese numerals as official documents number their items: 一 … 九十九, with 〇/零 and 两 as they
// occur in running text. Pure helpers shared by the marker recogniser and the deadline parser.

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The characters a Chinese item number is written with (for building patterns). */
export const CN_NUMERAL_CHARS = '一二三四五六七八九十〇零两兩';

/**
 * The value of a Chinese numeral below 100 (`十二` → 12, `二十` → 20, `二十三` → 23), or null when the
 * text is not one. Item numbers never go past the nineties, so larger units are not handled.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  if (text.indexOf('十', ten + 1) !== -1) return null;
  const tensText = text.slice(0, ten);
  const unitsText = text.slice(ten + 1);
  const tens = tensText === '' ? 1 : tensText.length === 1 ? DIGITS[tensText] : undefined;
  const units = unitsText === '' ? 0 : unitsText.length === 1 ? DIGITS[unitsText] : undefined;
  if (tens === undefined || units === undefined || tens === 0) return null;
  return tens * 10 + units;
}

/** A number written either way: Arabic digits (half or full width) or a Chinese numeral. */
export function parseItemNumber(text: string): number | null {
  const ascii = text.normalize('NFKC');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  return parseChineseNumeral(text);
}
