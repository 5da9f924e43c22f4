import { fromDayNumber, toDayNumber } from '../../domain/working-days.js';

// Dates of the demo's plans and reports. The reporting tasks count as assigned on the first day
// of the month three months back, so that on any day three monthly periods have ended; plan dates
// are days after such a base date, never after the task's deadline (which the plan service checks).

/** A plan date: `n` days after the base date, or the task's deadline. */
export type DemoOffset = number | 'deadline';

/** The first day of the month three months before `today`'s month (`2026-11-27` → `2026-08-01`). */
export function demoAssignmentDate(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return new Date(Date.UTC(year, month - 3, 1)).toISOString().slice(0, 10);
}

/** A plan date for an offset from `base`, moved back to the deadline when it would fall after it. */
export function planDate(base: string, offset: DemoOffset, deadline: string | null): string {
  const date = offset === 'deadline' ? (deadline ?? fromDayNumber(toDayNumber(base) + 150)) : dayAfter(base, offset);
  return deadline && date > deadline ? deadline : date;
}

function dayAfter(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The quarter of a date as plans key it: `2026-Q3`. */
function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * 形象进度: the expected percent at the end of each quarter from the base date's to the deadline's,
 * rising evenly to 100 (one quarter at 100 when the deadline is in the base date's quarter or before).
 */
export function expectedProgress(base: string, deadline: string | null): Array<{ quarter: string; percent: number }> {
  const end = deadline && deadline > base ? deadline : base;
  const quarters: string[] = [];
  let year = Number(base.slice(0, 4));
  let quarter = Number(quarterOf(base).slice(-1));
  while (`${year}-Q${quarter}` <= quarterOf(end)) {
    quarters.push(`${year}-Q${quarter}`);
    quarter = quarter === 4 ? 1 : quarter + 1;
    if (quarter === 1) year++;
  }
  return quarters.map((q, i) => ({ quarter: q, percent: Math.round((100 * (i + 1)) / quarters.length) }));
}
