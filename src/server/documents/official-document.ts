import type { Locale } from '../../shared/locales.js';

// The model of an official document (公文) that the .docx and PDF writers both render, so a
// supervision notice, and later a bulletin (通报), is written once and comes out the same in both
// formats. The layout follows GB/T 9704-2012 (党政机关公文格式) in spirit: an A4 page with a 156 ×
// 225 mm type area, a red letterhead (版头) over a red rule, the number under it, the body in
// 3号 仿宋, and the record (版记) with copies and issue date between thin rules at the end.

/** One block of the body. */
export type OfficialBlock =
  /** Body text, first line indented two characters. */
  | { kind: 'paragraph'; text: string }
  /** A first-level heading (黑体). */
  | { kind: 'heading'; text: string }
  /** A two-column table of labelled fields (a form such as 督查督办单); values may hold line breaks. */
  | { kind: 'fields'; rows: ReadonlyArray<{ label: string; value: string }> }
  /**
   * A table with a header row (a bulletin's league table, its overdue list): column widths are
   * relative weights of the type area's width; the header repeats on each page.
   */
  | { kind: 'table'; columns: readonly OfficialColumn[]; rows: ReadonlyArray<readonly string[]> };

/** A column of a `table` block. */
export interface OfficialColumn {
  label: string;
  /** Relative width (weights are summed over the columns). */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface OfficialDocument {
  /** The file's title (document properties). */
  title: string;
  /** Chinese or English punctuation and label widths (the layout stays the official one). */
  lang: 'zh' | 'en';
  /** 发文机关标志: the red letterhead, e.g. `市人民政府督查督办单`. */
  letterhead: string;
  /** 发文字号, e.g. `督〔2026〕15号`. */
  number: string;
  /** 签发人, on the number's line at the right. */
  signer: { label: string; name: string } | null;
  /** 标题, centred under the rule. */
  heading: string | null;
  /** 主送机关, the line before the body. */
  addressee: { label: string; names: string } | null;
  blocks: readonly OfficialBlock[];
  /** 落款: who issues it and the date, right-aligned under the body. */
  signature: { issuer: string | null; date: string } | null;
  /** 版记: copies (抄送) and who issued it when (印发). */
  record: {
    cc: { label: string; names: string } | null;
    printed: { by: string; date: string } | null;
  };
}

/** Page geometry in millimetres (GB/T 9704-2012 §5.2: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm). */
export const OFFICIAL_PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  rightMm: 26,
  bottomMm: 35,
} as const;

/** Type sizes in points: 初号 42, 小初 36, 二号 22, 三号 16, 四号 14. */
export const OFFICIAL_SIZES = {
  letterheadMax: 36,
  heading: 22,
  body: 16,
  table: 14,
  record: 14,
} as const;

/** The colon after a label, the full stop ending a line, the width of a form's label column. */
export function punctuationOf(lang: OfficialDocument['lang']) {
  return lang === 'en' ? { colon: ': ', stop: '.', labelMm: 42 } : { colon: '：', stop: '。', labelMm: 30 };
}

/** The red of letterheads and rules. */
export const OFFICIAL_RED = 'D40000';

/**
 * The letterhead's size in points: as large as 小初 while the line fits the type area's 156 mm
 * (≈ 442 pt) with room to spare, smaller for a long organisation name.
 */
export function letterheadSize(text: string): number {
  const length = Math.max(1, [...text].length);
  return Math.max(18, Math.min(OFFICIAL_SIZES.letterheadMax, Math.floor(420 / length)));
}

/** A `YYYY-MM-DD` date as a document writes it: `2026年12月4日`, `4 December 2026`. */
export function formatDocDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map((part) => Number.parseInt(part, 10));
  if (locale === 'en') {
    const name = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return `${day} ${name} ${year}`;
  }
  return `${year}年${month}月${day}日`;
}
