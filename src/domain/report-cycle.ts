import type { ReportCycleKind } from '../shared/reports-api.js';
import {
  addWorkingDays,
  fromDayNumber,
  toDayNumber,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-days.js';

// Reporting cycles (周而复始): which periods a task reports on, and by when. Dates are `YYYY-MM-DD`
// strings and the arithmetic is on UTC day numbers (as in working-days.ts), so no time zone can
// move a period boundary.

/** How often a task reports. `anchorDate` starts the two-week blocks of `biweekly` and the first `custom` period. */
export interface ReportCycle {
  kind: ReportCycleKind;
  /** For `custom`: the dates periods end on (any order, duplicates ignored). */
  customDates: readonly string[];
  anchorDate: string | null;
}

/** One reporting period, both ends included. */
export interface ReportPeriod {
  start: string;
  end: string;
}

/** A bound on how many periods one call returns (a weekly cycle over twenty years is ~1,000). */
const MAX_PERIODS = 5000;

/** Biweekly blocks without an anchor count from this Monday, so every call agrees on them. */
const BIWEEKLY_EPOCH = '2024-01-01';

/** Day of the week of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  const day = toDayNumber(date);
  return fromDayNumber(day - isoWeekday(day));
}

function monthStart(year: number, month: number): number {
  return Date.UTC(year, month, 1) / 86_400_000;
}

/** The period of a calendar-based cycle that contains `day`. */
function periodContaining(cycle: ReportCycle, day: number): { start: number; end: number } {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (cycle.kind) {
    case 'weekly': {
      const start = day - isoWeekday(day);
      return { start, end: start + 6 };
    }
    case 'biweekly': {
      const anchor = toDayNumber(cycle.anchorDate ?? BIWEEKLY_EPOCH);
      const start = anchor + Math.floor((day - anchor) / 14) * 14;
      return { start, end: start + 13 };
    }
    case 'monthly':
      return { start: monthStart(year, month), end: monthStart(year, month + 1) - 1 };
    case 'quarterly': {
      const first = month - (month % 3);
      return { start: monthStart(year, first), end: monthStart(year, first + 3) - 1 };
    }
    default:
      throw new RangeError(`not a calendar-based cycle: ${cycle.kind}`);
  }
}

/** Custom periods: each given date ends one; the first starts at the anchor (or on its own end date). */
function customPeriods(cycle: ReportCycle): Array<{ start: number; end: number }> {
  const ends = [...new Set(cycle.customDates.map(toDayNumber))].sort((a, b) => a - b);
  const anchor = cycle.anchorDate ? toDayNumber(cycle.anchorDate) : null;
  return ends.map((end, i) => {
    const previous = ends[i - 1];
    const start = previous !== undefined ? previous + 1 : anchor !== null && anchor <= end ? anchor : end;
    return { start, end };
  });
}

/**
 * The periods of a cycle whose **end** falls between `from` and `to` (both included), oldest first.
 * Weeks run Monday to Sunday; biweekly periods are 14-day blocks counted from the anchor (from
 * Monday 2024-01-01 when there is none);
 * months and quarters are calendar ones; custom periods end on the given dates. `none` has none.
 */
export function periodsEndingBetween(cycle: ReportCycle, from: string, to: string): ReportPeriod[] {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  if (cycle.kind === 'none' || last < first) return [];
  if (cycle.kind === 'custom') {
    return customPeriods(cycle)
      .filter((p) => p.end >= first && p.end <= last)
      .slice(0, MAX_PERIODS)
      .map((p) => ({ start: fromDayNumber(p.start), end: fromDayNumber(p.end) }));
  }
  const periods: ReportPeriod[] = [];
  let period = periodContaining(cycle, first);
  while (period.end <= last && periods.length < MAX_PERIODS) {
    periods.push({ start: fromDayNumber(period.start), end: fromDayNumber(period.end) });
    period = periodContaining(cycle, period.end + 1);
  }
  return periods;
}

/**
 * The first period whose end is on or after `date` — the one "in progress" on that date, or the
 * next one when the cycle has a gap there; null for `none` and after the last custom date.
 */
export function periodEndingOnOrAfter(cycle: ReportCycle, date: string): ReportPeriod | null {
  const day = toDayNumber(date);
  if (cycle.kind === 'none') return null;
  if (cycle.kind === 'custom') {
    const period = customPeriods(cycle).find((p) => p.end >= day);
    return period ? { start: fromDayNumber(period.start), end: fromDayNumber(period.end) } : null;
  }
  const period = periodContaining(cycle, day);
  return { start: fromDayNumber(period.start), end: fromDayNumber(period.end) };
}

/**
 * When a period's report is due: the `workingDays`-th working day after the period ends (the end
 * date itself never counts, so a month ending on a Friday with 3 days is due the next Wednesday,
 * holidays skipped and make-up working days (调休) counted).
 */
export function reportDueDate(calendar: WorkingCalendar, periodEnd: string, workingDays: number): string {
  return addWorkingDays(calendar, periodEnd, workingDays);
}

/**
 * How late a report submitted on `submittedOn` is, in working days after its due date: 0 when on
 * time; at least 1 when late, even if it came in on the weekend straight after (a report due on
 * Friday and sent on Saturday is late, though no working day has passed).
 */
export function lateWorkingDays(calendar: WorkingCalendar, dueDate: string, submittedOn: string): number {
  if (submittedOn <= dueDate) return 0;
  return Math.max(1, workingDaysBetween(calendar, dueDate, submittedOn));
}

/** The day after a date. */
export function dayAfter(date: string): string {
  return fromDayNumber(toDayNumber(date) + 1);
}

/** The day before a date. */
export function dayBefore(date: string): string {
  return fromDayNumber(toDayNumber(date) - 1);
}
