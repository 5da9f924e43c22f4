import { isCalendarDate } from '../../shared/calendar.js';
import type { CellValue } from './spreadsheet-read.js';

// Reading one cell of a 任务分解表 the way people fill them in: full-width digits and punctuation,
// 序号 typed as numbers, deadlines as dates, ISO text or Chinese phrases, and unit lists joined
// by 、. Pure functions: the validator decides what a failure means for the row.

/** Full-width digits, letters and the punctuation that matters here, as ASCII. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A date cell as `YYYY-MM-DD`: exceljs gives UTC midnight, sometimes a rounding error off. */
function isoOfDate(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return rounded.toISOString().slice(0, 10);
}

/** A cell as trimmed text ('' when empty); numbers as written by String(), dates as ISO dates. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoOfDate(value);
  return String(value).trim();
}

/**
 * A 序号 as its canonical key: `1`, `1.2`, `1.2.1` (full-width digits and dots accepted, leading
 * zeros and a trailing dot dropped). A number cell holding 1.1 reads as `1.1`; undefined when the
 * text is not such a number.
 */
export function rowKeyOf(value: CellValue | undefined): string | undefined {
  const text = halfWidth(cellText(value))
    .replace(/[。．、]/g, '.')
    .replace(/\s+/g, '')
    .replace(/\.$/, '');
  if (!/^\d{1,6}(\.\d{1,6})*$/.test(text)) return undefined;
  const parts = text.split('.').map((part) => String(Number(part)));
  if (parts.some((part) => part === '0')) return undefined;
  return parts.join('.');
}

/** The parent key of a key: `1.2.1` → `1.2`; a top-level key has none. */
export function parentKeyOf(key: string): string | null {
  const cut = key.lastIndexOf('.');
  return cut < 0 ? null : key.slice(0, cut);
}

/** Unit or people names in one cell: `市财政局、市商务局` (also `，` `,` `；` `;` `/` and line breaks). */
export function splitNames(value: CellValue | undefined): string[] {
  return cellText(value)
    .split(/[、，,；;／/\n\r]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export type DeadlineReading =
  | { ok: true; date: string | null }
  | { ok: false; code: 'date_unrecognised' | 'date_impossible'; value: string };

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateOf(year: number, month: number, day: number, value: string): DeadlineReading {
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month < 1 || month > 12 || day < 1 || !isCalendarDate(iso)) return { ok: false, code: 'date_impossible', value };
  return { ok: true, date: iso };
}

/**
 * A 完成时限 cell as a date: an Excel date, `2026-06-30` (or with / or .), `20260630`,
 * `2026年6月30日`, `2026年6月底` / `2026年6月` (the month's last day), `2026年底` (31 December);
 * `前`, `以前`, `之前` after any of them. `2026-02-30` is impossible, not unrecognised.
 */
export function parseDeadline(value: CellValue | undefined): DeadlineReading {
  if (value instanceof Date) return { ok: true, date: isoOfDate(value) };
  const original = cellText(value);
  if (original === '') return { ok: true, date: null };
  const text = halfWidth(original)
    .replace(/\s+/g, '')
    .replace(/(以前|之前|前)$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]), original);
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]), original);
  m = /^(\d{4})年(\d{1,2})月(底|末|份)?$/.exec(text);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return { ok: false, code: 'date_impossible', value: original };
    return dateOf(year, month, lastDayOf(year, month), original);
  }
  m = /^(\d{4})年(年底|年末|底|末)$/.exec(text);
  if (m) return dateOf(Number(m[1]), 12, 31, original);
  return { ok: false, code: 'date_unrecognised', value: original };
}
