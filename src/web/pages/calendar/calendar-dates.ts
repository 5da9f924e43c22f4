import type { CalendarDay } from '../../api/calendar.api.js';

// Date helpers for the calendar page. Dates are `YYYY-MM-DD`; they are turned into UTC instants
// and formatted in UTC, so the browser's time zone can never move a day.

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in the browser's own time zone (the person's working day). */
export function todayLocal(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** True for Saturdays and Sundays. */
export function isWeekendDate(date: string): boolean {
  const weekday = utc(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * A month for a Monday-first grid (as Chinese calendars print it): its dates, and how many empty
 * cells come before the 1st.
 */
export function monthLayout(year: number, month: number): { lead: number; dates: string[] } {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  return { lead, dates: Array.from({ length: daysInMonth }, (_, i) => isoDate(year, month, i + 1)) };
}

/** The weekday initials Monday to Sunday in the UI language ("一 … 日", "M … S"). */
export function weekdayInitials(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** "二月", "February". */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, month - 1, 1)),
  );
}

/** "2026年2月14日星期六", "Sat, Feb 14, 2026". */
export function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(utc(date));
}

/** A run of consecutive dates with the same kind and name, inside one month. */
export interface DayRun {
  kind: CalendarDay['kind'];
  name: string;
  firstDay: number;
  lastDay: number;
}

/** A month's entries as runs ("15–23 春节"), for the caption under each month. */
export function monthRuns(days: readonly CalendarDay[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const dayOfMonth = Number(day.date.slice(8, 10));
    const last = runs.at(-1);
    if (last && last.kind === day.kind && last.name === day.name && last.lastDay === dayOfMonth - 1) {
      last.lastDay = dayOfMonth;
    } else runs.push({ kind: day.kind, name: day.name, firstDay: dayOfMonth, lastDay: dayOfMonth });
  }
  return runs;
}
