import { type CalendarDayKind, isCalendarDate } from '../shared/calendar.js';

// Working days in mainland China: Monday to Friday, except official holidays, plus the weekend days
// the State Council turns into working days (调休上班). Dates are `YYYY-MM-DD` strings; all date
// math is on UTC day numbers, so no time zone or daylight-saving shift can move a date.

/** One entry of the holiday calendar: the date, whether it is off or on, and what it is called. */
export interface CalendarOverride {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/**
 * A calendar ready for fast questions: holiday and make-up workday dates as day numbers in sets,
 * built once (see `buildWorkingCalendar`) and shared by every calculation that follows.
 */
export interface WorkingCalendar {
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  /** Years whose official schedule is in the calendar; in other years only weekends are days off. */
  readonly publishedYears: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;

/** The UTC day number (days since 1970-01-01) of a `YYYY-MM-DD` date; throws RangeError for anything else. */
export function toDayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The `YYYY-MM-DD` date of a UTC day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** True for Saturdays and Sundays. */
export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(toDayNumber(date));
  return weekday === 0 || weekday === 6;
}

/**
 * Builds a calendar from its entries. When a date appears twice, the later entry wins (so a list
 * of seed entries followed by an administrator's corrections gives the corrected calendar).
 */
export function buildWorkingCalendar(
  overrides: Iterable<CalendarOverride>,
  publishedYears: Iterable<number> = [],
): WorkingCalendar {
  const kinds = new Map<number, CalendarDayKind>();
  for (const override of overrides) kinds.set(toDayNumber(override.date), override.kind);
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  for (const [day, kind] of kinds) (kind === 'holiday' ? holidays : workdays).add(day);
  return { holidays, workdays, publishedYears: new Set(publishedYears) };
}

function isWorkingDayNumber(calendar: WorkingCalendar, day: number): boolean {
  if (calendar.holidays.has(day)) return false;
  if (calendar.workdays.has(day)) return true;
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

/** Day numbers the running-count index covers: 1970-01-01 up to 2169 (outside it, days are counted one by one). */
const INDEXED_DAYS = 73_000;
const runningCounts = new WeakMap<WorkingCalendar, Int32Array>();

/**
 * The calendar's running count of working days (index d = working days on day numbers 0..d), built
 * once per calendar (they are never changed after `buildWorkingCalendar`): spans of working days,
 * which the health sweep computes for a million tasks, become two array reads.
 */
function countsOf(calendar: WorkingCalendar): Int32Array {
  let counts = runningCounts.get(calendar);
  if (!counts) {
    counts = new Int32Array(INDEXED_DAYS);
    let running = 0;
    for (let day = 0; day < INDEXED_DAYS; day++) {
      if (isWorkingDayNumber(calendar, day)) running += 1;
      counts[day] = running;
    }
    runningCounts.set(calendar, counts);
  }
  return counts;
}

/** True when people work on this date: a weekday that is not a holiday, or a make-up workday (调休). */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(date));
}

/**
 * The date `n` working days after `from`: the start date itself never counts, so a task assigned
 * on a Friday with "2 working days" is due the following Tuesday, and one assigned on a holiday is
 * due on the 2nd working day after the holiday. `n = 0` returns `from` unchanged.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = toDayNumber(from);
  if (n === 0) return from;
  const counts = countsOf(calendar);
  if (day >= 0 && day + n * 3 + 30 < counts.length) {
    // The first day whose running count reaches from's count + n (counts rise only on working days).
    const target = (counts[day] as number) + n;
    let [low, high] = [day, counts.length - 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((counts[middle] as number) >= target) high = middle;
      else low = middle + 1;
    }
    return fromDayNumber(low);
  }
  for (let remaining = n; remaining > 0; ) {
    day += 1;
    if (isWorkingDayNumber(calendar, day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/**
 * How many working days lie after `from` up to and including `to` (start exclusive, end
 * inclusive), so `workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n`. Negative when `to` is
 * before `from`: swapping the dates changes only the sign. "Not acknowledged within N working
 * days" is `workingDaysBetween(c, assignedOn, today) > N`.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [low, high] = start <= end ? [start, end] : [end, start];
  const counts = countsOf(calendar);
  let count = 0;
  if (low >= 0 && high < counts.length) count = (counts[high] as number) - (counts[low] as number);
  else for (let day = low + 1; day <= high; day++) if (isWorkingDayNumber(calendar, day)) count += 1;
  if (start <= end || count === 0) return count; // never -0
  return -count;
}

/**
 * The first working day after `date`; with `orSame`, `date` itself when it is a working day
 * (for moving a deadline that falls on a holiday to the next day people are at work).
 */
export function nextWorkingDay(calendar: WorkingCalendar, date: string, options: { orSame?: boolean } = {}): string {
  let day = toDayNumber(date);
  if (options.orSame && isWorkingDayNumber(calendar, day)) return date;
  do day += 1;
  while (!isWorkingDayNumber(calendar, day));
  return fromDayNumber(day);
}

/** True when every year from `from` to `to` has its official schedule in the calendar. */
export function isRangePublished(calendar: WorkingCalendar, from: string, to: string): boolean {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  for (let year = Math.min(a, b); year <= Math.max(a, b); year++) {
    if (!calendar.publishedYears.has(year)) return false;
  }
  return true;
}
