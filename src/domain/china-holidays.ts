import type { CalendarOverride } from './working-days.js';

/**
 * One year's official schedule, as the State Council General Office's notice (国务院办公厅关于
 * 部分节假日安排的通知) sets it: the holiday blocks (放假) and the weekend days worked instead (上班).
 */
export interface HolidaySchedule {
  year: number;
  /** The notice, so anyone can check these lines against it. */
  notice: string;
  /** Blocks of days off, each `[name, first day, last day]` (one-day holidays repeat the date). */
  holidays: ReadonlyArray<readonly [name: string, first: string, last: string]>;
  /** Make-up working days (调休上班), each `[name of the holiday they belong to, date]`. */
  workdays: ReadonlyArray<readonly [name: string, date: string]>;
}

// Transcribed from the notices below and checked line by line against them and against the
// chinese-days package (1.5.7), which agrees on every date (docs/working-days.md says how). A
// holiday that only "joins the weekend" (与周末连休) lists just the official day, as the notice does.
// 2027: the State Council publishes it around November 2026 — it is deliberately absent until
// someone can check it; administrators import or enter it when it is out.

/** The official schedules shipped with Luoshi, 2024–2026. */
export const CHINA_HOLIDAY_SCHEDULES: readonly HolidaySchedule[] = [
  {
    year: 2024,
    notice: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    workdays: [
      ['春节', '2024-02-04'],
      ['春节', '2024-02-18'],
      ['清明节', '2024-04-07'],
      ['劳动节', '2024-04-28'],
      ['劳动节', '2024-05-11'],
      ['中秋节', '2024-09-14'],
      ['国庆节', '2024-09-29'],
      ['国庆节', '2024-10-12'],
    ],
  },
  {
    year: 2025,
    notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    workdays: [
      ['春节', '2025-01-26'],
      ['春节', '2025-02-08'],
      ['劳动节', '2025-04-27'],
      ['国庆节、中秋节', '2025-09-28'],
      ['国庆节、中秋节', '2025-10-11'],
    ],
  },
  {
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月发布）',
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: [
      ['元旦', '2026-01-04'],
      ['春节', '2026-02-14'],
      ['春节', '2026-02-28'],
      ['劳动节', '2026-05-09'],
      ['国庆节', '2026-09-20'],
      ['国庆节', '2026-10-10'],
    ],
  },
];

function* datesFrom(first: string, last: string): Generator<string> {
  const end = new Date(`${last}T00:00:00Z`).getTime();
  for (let at = new Date(`${first}T00:00:00Z`).getTime(); at <= end; at += 86_400_000) {
    yield new Date(at).toISOString().slice(0, 10);
  }
}

/** A schedule as calendar entries, one per date, in date order. */
export function expandSchedule(schedule: HolidaySchedule): CalendarOverride[] {
  const days: CalendarOverride[] = [];
  for (const [name, first, last] of schedule.holidays) {
    for (const date of datesFrom(first, last)) days.push({ date, kind: 'holiday', name });
  }
  for (const [name, date] of schedule.workdays) days.push({ date, kind: 'workday', name });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
