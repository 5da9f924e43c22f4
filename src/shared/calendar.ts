/** What an entry in the holiday calendar does to a date: closes a weekday or opens a weekend (调休). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** Where an entry came from: the shipped State Council schedules, an administrator, or an .ics import. */
export const CALENDAR_SOURCES = ['seed', 'admin', 'import'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** Limits shared by the calendar API and its admin page. */
export const CALENDAR_LIMITS = {
  /** Years the calendar accepts; dates outside are refused rather than silently ignored. */
  yearMin: 2000,
  yearMax: 2100,
  nameMax: 50,
  /** An .ics import: at most this many characters and this many dates. */
  importMaxChars: 500_000,
  importMaxDays: 5000,
  /** One imported event may span at most this many days (holiday blocks last a week or so). */
  importMaxEventDays: 31,
  /** "N working days from …" previews. */
  workingDaysMax: 366,
} as const;

/** The task settings (任务设置) an administrator may change. */
export const TASK_SETTING_LIMITS = {
  acknowledgeWorkingDaysMin: 1,
  acknowledgeWorkingDaysMax: 30,
  acknowledgeWorkingDaysDefault: 2,
} as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
