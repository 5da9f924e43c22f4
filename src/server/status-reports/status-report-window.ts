import { localDate } from '../../domain/dates.js';
import {
  STATUS_REPORT_LIMITS,
  STATUS_REPORT_SERIES,
  type StatusReportFrequency,
  type StatusReportWindowKind,
} from '../../shared/status-reports-api.js';
import { AppError } from '../errors.js';
import { startOfLocalDay } from '../notifications/local-time.js';

// The days a report covers and when a schedule is next due, as pure date arithmetic on local
// `YYYY-MM-DD` days: a week runs Monday to Sunday, a month is a calendar month.

export interface ReportWindow {
  kind: StatusReportWindowKind;
  /** Inclusive local days. */
  from: string;
  to: string;
}

function parts(day: string): [number, number, number] {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return [year, month, date];
}

/** `day` moved by `days` (may be negative). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay() || 7;
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1;
}

/** The ISO week's year and number of a day (the week belongs to the year of its Thursday). */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = parts(thursday)[0];
  return { year, week: Math.floor((daysBetween(`${year}-01-01`, thursday) - 1) / 7) + 1 };
}

function monthOf(day: string): { from: string; to: string } {
  const [year, month] = parts(day);
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** The week or month containing `on`. */
export function periodContaining(frequency: StatusReportFrequency, on: string): ReportWindow {
  if (frequency === 'monthly') return { kind: 'monthly', ...monthOf(on) };
  const from = addDays(on, 1 - isoWeekday(on));
  return { kind: 'weekly', from, to: addDays(from, 6) };
}

/**
 * The window a request asks for: weekly or monthly around `on` (default today); custom from–to,
 * both required, in order, at most STATUS_REPORT_LIMITS.windowDaysMax days (422 otherwise).
 */
export function resolveWindow(input: {
  window: StatusReportWindowKind;
  on?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
}): ReportWindow {
  if (input.window !== 'custom') return periodContaining(input.window, input.on ?? input.today);
  if (!input.from || !input.to) {
    throw new AppError('validation_failed', { summary: 'from, to' }, input.from ? 'to' : 'from');
  }
  if (input.from > input.to) throw new AppError('validation_failed', { summary: 'from > to' }, 'to');
  const days = daysBetween(input.from, input.to);
  if (days > STATUS_REPORT_LIMITS.windowDaysMax) {
    throw new AppError('status_report_window_too_long', { days, limit: STATUS_REPORT_LIMITS.windowDaysMax });
  }
  return { kind: 'custom', from: input.from, to: input.to };
}

/** 督落周〔2026〕48号 / 督落月〔2026〕11号; a custom window has no number. */
export function reportNumber(window: ReportWindow): string {
  if (window.kind === 'custom') return '';
  if (window.kind === 'monthly') {
    const [year, month] = parts(window.from);
    return `${STATUS_REPORT_SERIES.monthly}〔${year}〕${month}号`;
  }
  const { year, week } = isoWeek(window.from);
  return `${STATUS_REPORT_SERIES.weekly}〔${year}〕${week}号`;
}

/** When a schedule is due, in the organisation's time zone. */
export interface DueRule {
  frequency: StatusReportFrequency;
  weekday: number;
  dayOfMonth: number;
  hour: number;
}

function dueOn(rule: DueRule, day: string): boolean {
  return rule.frequency === 'weekly' ? isoWeekday(day) === rule.weekday : parts(day)[2] === rule.dayOfMonth;
}

/** The first due time strictly after `after` (at most a month and a bit ahead). */
export function nextDueAt(rule: DueRule, after: Date, timeZone: string): Date {
  let day = localDate(after, timeZone);
  for (let i = 0; i < 40; i++, day = addDays(day, 1)) {
    if (!dueOn(rule, day)) continue;
    const at = new Date(startOfLocalDay(day, timeZone).getTime() + rule.hour * 3_600_000);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error('no due time within 40 days');
}

/**
 * The window a run due at `dueAt` reports on: the week or month containing the local day before it
 * (a Monday run covers last week; a run on the 1st, last month).
 */
export function windowForRun(frequency: StatusReportFrequency, dueAt: Date, timeZone: string): ReportWindow {
  return periodContaining(frequency, addDays(localDate(dueAt, timeZone), -1));
}
