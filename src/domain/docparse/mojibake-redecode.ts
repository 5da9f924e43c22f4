import iconv from 'iconv-lite';
import { isChinesePunctuation, isCommonHan, isHan } from './cjk-chars.js';

// Proof for a mojibake repair: turn the suspicious characters back into the bytes they were
// decoded from, undo the likely accident (a byte lost or gained at the start, or the wrong code
// page), decode again, and keep the result only if it is clean Chinese text. Random bytes almost
// never decode to a run of common characters, so a clean result is the proof.

/** A successful re-decoding of a span. */
export interface Redecoding {
  text: string;
  /** How it was obtained, for the change note (`GBK, one byte off; lost byte A1`). */
  how: string;
}

/** Characters a decoder writes for a byte it could not place: the lost byte of a shifted read. */
const LOST = new Set(['?', '\uFFFD']);

/**
 * ASCII punctuation that the stored texts narrowed from full width after decoding: each may stand
 * for its own byte or for the full-width form's two bytes (`!` for `！` = A3 A1).
 */
const NARROWED = new Set('!,.:;?()');

const MAX_BYTE_VARIANTS = 8;

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let b = from; b <= to; b += 1) out.push(b);
  return out;
}

/** Lead bytes to try for a lost byte, most frequent first: punctuation rows, then level-1 Han. */
const LEAD_ORDER: Record<'gbk' | 'big5', number[]> = {
  gbk: [...new Set([0xa1, 0xa3, ...range(0xb0, 0xf7), ...range(0x81, 0xfe)])],
  big5: [...new Set([0xa1, ...range(0xa4, 0xc6), ...range(0xc9, 0xf9), ...range(0x81, 0xfe)])],
};

/**
 * The bytes the span could have been decoded from, several when narrowed punctuation is in it;
 * null when a character cannot have come from this code page (or stands for an unknown byte).
 */
function byteVariants(chars: readonly string[], codec: string): Buffer[] | null {
  let variants: number[][] = [[]];
  for (const ch of chars) {
    if (ch === '\uFFFD') return null;
    const own = iconv.encode(ch, codec);
    if (own.length === 1 && own[0] === 0x3f && ch !== '?') return null;
    const options = [Array.from(own)];
    if (NARROWED.has(ch)) {
      const wide = iconv.encode(String.fromCharCode(ch.charCodeAt(0) + 0xfee0), codec);
      if (wide.length === 2) options.push(Array.from(wide));
    }
    const next: number[][] = [];
    for (const prefix of variants) {
      for (const option of options) if (next.length < MAX_BYTE_VARIANTS) next.push([...prefix, ...option]);
    }
    variants = next;
  }
  return variants.map((bytes) => Buffer.from(bytes));
}

/** Whether a decoded span reads as clean Chinese: common Han, punctuation (either width), digits. */
export function isCleanChinese(text: string): boolean {
  let han = 0;
  for (const ch of text) {
    if (isHan(ch)) {
      if (!isCommonHan(ch)) return false;
      han += 1;
      continue;
    }
    if (!isChinesePunctuation(ch) && !/[0-9%,.;:()]/.test(ch)) return false;
  }
  return han >= 2;
}

function accept(decoded: string, span: string): boolean {
  return decoded !== span && isCleanChinese(decoded);
}

/** A read that started one byte late: the lost lead byte shows as `?`; try the likely ones. */
function refillLostByte(chars: readonly string[], codec: 'gbk' | 'big5', span: string): Redecoding | null {
  const rests = byteVariants(chars.slice(1), codec);
  if (!rests) return null;
  for (const lead of LEAD_ORDER[codec]) {
    for (const rest of rests) {
      const decoded = iconv.decode(Buffer.concat([Buffer.from([lead]), rest]), codec);
      if (accept(decoded, span)) {
        const hex = lead.toString(16).toUpperCase();
        return { text: decoded, how: `${codec.toUpperCase()}, one byte off; lost byte ${hex}` };
      }
    }
  }
  return null;
}

/** A read that started one byte early: the first byte belongs to a character before the span. */
function dropFirstByte(chars: readonly string[], codec: 'gbk' | 'big5', span: string): Redecoding | null {
  for (const bytes of byteVariants(chars, codec) ?? []) {
    const decoded = iconv.decode(bytes.subarray(1), codec);
    if (accept(decoded, span))
      return { text: decoded, how: `${codec.toUpperCase()}, one byte off; first byte dropped` };
  }
  return null;
}

/** Bytes in one encoding decoded as another (UTF-8 read as GBK, Big5 read as GBK, UTF-8 as Latin-1). */
const SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['gbk', 'utf8'],
  ['big5', 'utf8'],
  ['gbk', 'big5'],
  ['big5', 'gbk'],
  ['windows-1252', 'utf8'],
];

function swapCodec(chars: readonly string[], span: string): Redecoding | null {
  for (const [read, written] of SWAPS) {
    for (const bytes of byteVariants(chars, read) ?? []) {
      const decoded = iconv.decode(bytes, written);
      if (accept(decoded, span))
        return { text: decoded, how: `${written.toUpperCase()} bytes read as ${read.toUpperCase()}` };
    }
  }
  return null;
}

/**
 * Tries to prove a repair of one span; null when no re-decoding yields clean text. The first
 * character `?` (or U+FFFD) is taken as a lost byte; otherwise a dropped byte or a code-page swap.
 */
export function redecode(span: string): Redecoding | null {
  const chars = Array.from(span);
  if (chars.length < 2) return null;
  if (LOST.has(chars[0] ?? '')) return refillLostByte(chars, 'gbk', span) ?? refillLostByte(chars, 'big5', span);
  return dropFirstByte(chars, 'gbk', span) ?? dropFirstByte(chars, 'big5', span) ?? swapCodec(chars, span);
}
