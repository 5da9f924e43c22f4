import { addWorkingDays, toDayNumber, type WorkingCalendar, workingDaysBetween } from './working-days.js';

// The health of an open task (issue 5): a light — green, amber or red — with the flags overdue,
// stalled, report_missing and unacknowledged, and the reasons that produced it, each a code with
// its numbers so every screen can say it in the reader's language ("逾期 3 个工作日", "进度落后
// 序时进度 18 个百分点"). Pure: the same facts, day and calendar always give the same answer.
//
// The rules, in order of the reasons they give (the light is the most severe reason):
// 1. Overdue: the deadline has passed while the task is still being worked on (assigned, in
//    progress, returned) → red, "overdue N working days" (working days after the deadline up to
//    today). The deadline is the one the caller judges by: after an approved extension the new
//    one, otherwise the original.
// 2. A lead report missing: the latest due report not submitted → red beyond
//    `missingReportRedWorkingDays` working days after its due date, amber before that.
// 3. Behind the plan's 形象进度 (the expected progress the accepted plan gives per quarter, read
//    by `planExpectedProgress` as a straight line inside each quarter): behind by more than
//    `planLagRedPoints` → red; by `planLagAmberPoints` or more → amber.
// 4. Near the deadline and behind the trajectory: within `deadlineSoonWorkingDays` working days
//    of the deadline and below 序时进度 — the straight line from the start (the start date, else
//    the day of assignment) at 0 % to the deadline at 100 %, counted in working days → amber.
// 5. Stalled (no change in the accepted percent over N cycles, decided by the reports) → amber.
// 6. Forecast late: from the recent accepted reports, a least-squares line of percent against
//    working days; where it reaches 100 % is the forecast completion date. A forecast after the
//    deadline → amber before the task is late ("预计 D 完成，晚于期限 N 个工作日"). Fewer than two
//    reports, or a line that does not rise, gives no forecast (and no reason).
// 7. Unacknowledged: assigned and not acknowledged within `acknowledgeWorkingDays` → amber.
// Tasks that are not open (draft, suspended, closed, cancelled) have no light; a task whose closure
// is requested keeps only the overdue rule's flag off (it is waiting for a decision, not for work).

export type HealthLight = 'green' | 'amber' | 'red';

export type HealthReason =
  | { code: 'overdue'; severity: 'red'; workingDays: number }
  | { code: 'report_missing'; severity: 'red' | 'amber'; workingDays: number; periodEnd: string }
  | { code: 'behind_plan'; severity: 'red' | 'amber'; points: number; expected: number }
  | { code: 'behind_trajectory'; severity: 'amber'; points: number; expected: number; workingDaysLeft: number }
  | { code: 'stalled'; severity: 'amber'; since: string | null }
  | { code: 'forecast_late'; severity: 'amber'; forecast: string; workingDaysLate: number }
  | { code: 'unacknowledged'; severity: 'amber'; workingDays: number };

export interface HealthSettings {
  missingReportRedWorkingDays: number;
  planLagAmberPoints: number;
  planLagRedPoints: number;
  deadlineSoonWorkingDays: number;
  acknowledgeWorkingDays: number;
  /** How many of the latest accepted reports the forecast looks at. */
  forecastReports: number;
}

export const DEFAULT_HEALTH_SETTINGS: Readonly<HealthSettings> = {
  missingReportRedWorkingDays: 5,
  planLagAmberPoints: 10,
  planLagRedPoints: 30,
  deadlineSoonWorkingDays: 5,
  acknowledgeWorkingDays: 2,
  forecastReports: 4,
};

export interface HealthFacts {
  status: string;
  /** The deadline the task is judged by (see rule 1). */
  deadline: string | null;
  startDate: string | null;
  /** The local date of assignment. */
  assignedOn: string | null;
  progress: number;
  /** Whether the lead unit has acknowledged (签收). */
  acknowledged: boolean;
  /** The oldest lead report that is due and not submitted, if any. */
  missingReport: { periodEnd: string; dueDate: string } | null;
  stalled: boolean;
  stalledSince: string | null;
  /** The accepted plan's expected progress by quarter (`YYYY-Qn` → percent), if there is a plan. */
  plannedQuarters: ReadonlyArray<{ quarter: string; percent: number }>;
  /** Accepted reports' percent by the date they were accepted, any order. */
  reports: ReadonlyArray<{ on: string; percent: number }>;
}

export interface TaskHealth {
  light: HealthLight;
  flags: { overdue: boolean; stalled: boolean; reportMissing: boolean; unacknowledged: boolean };
  reasons: HealthReason[];
  /** 序时进度 today, when there is a deadline to measure against. */
  expectedProgress: number | null;
  /** The forecast completion date, when the recent reports give one. */
  forecast: string | null;
}

const WORKED_ON = new Set(['assigned', 'in_progress', 'returned']);
const LIGHTED = new Set([...WORKED_ON, 'closure_requested']);

/** The health of a task today, or null for a task that is not open. */
export function assessHealth(
  facts: HealthFacts,
  today: string,
  calendar: WorkingCalendar,
  settings: HealthSettings = DEFAULT_HEALTH_SETTINGS,
): TaskHealth | null {
  if (!LIGHTED.has(facts.status)) return null;
  const working = WORKED_ON.has(facts.status);
  const reasons: HealthReason[] = [];
  const { deadline } = facts;

  const overdue = working && deadline !== null && deadline < today;
  if (overdue && deadline) {
    reasons.push({
      code: 'overdue',
      severity: 'red',
      workingDays: Math.max(1, workingDaysBetween(calendar, deadline, today)),
    });
  }

  const missing = working && facts.missingReport !== null && facts.missingReport.dueDate < today;
  if (missing && facts.missingReport) {
    const days = Math.max(1, workingDaysBetween(calendar, facts.missingReport.dueDate, today));
    reasons.push({
      code: 'report_missing',
      severity: days > settings.missingReportRedWorkingDays ? 'red' : 'amber',
      workingDays: days,
      periodEnd: facts.missingReport.periodEnd,
    });
  }

  const planned = planExpectedProgress(facts.plannedQuarters, today);
  if (working && planned !== null) {
    const points = round1(planned - facts.progress);
    if (points > settings.planLagRedPoints)
      reasons.push({ code: 'behind_plan', severity: 'red', points, expected: planned });
    else if (points >= settings.planLagAmberPoints) {
      reasons.push({ code: 'behind_plan', severity: 'amber', points, expected: planned });
    }
  }

  const start = facts.startDate ?? facts.assignedOn;
  const expected = deadline && start ? trajectory(calendar, start, deadline, today) : null;
  if (working && !overdue && deadline && expected !== null) {
    const left = workingDaysBetween(calendar, today, deadline);
    if (left <= settings.deadlineSoonWorkingDays && facts.progress < expected) {
      reasons.push({
        code: 'behind_trajectory',
        severity: 'amber',
        points: round1(expected - facts.progress),
        expected,
        workingDaysLeft: left,
      });
    }
  }

  if (working && facts.stalled) reasons.push({ code: 'stalled', severity: 'amber', since: facts.stalledSince });

  const forecast = forecastCompletion(facts.reports.slice(), facts.progress, today, calendar, settings.forecastReports);
  if (working && !overdue && deadline && forecast && forecast > deadline) {
    reasons.push({
      code: 'forecast_late',
      severity: 'amber',
      forecast,
      workingDaysLate: workingDaysBetween(calendar, deadline, forecast),
    });
  }

  const unacknowledged = facts.status === 'assigned' && !facts.acknowledged && facts.assignedOn !== null;
  let acknowledgementLate = false;
  if (unacknowledged && facts.assignedOn) {
    const days = workingDaysBetween(calendar, facts.assignedOn, today);
    if (days > settings.acknowledgeWorkingDays) {
      acknowledgementLate = true;
      reasons.push({ code: 'unacknowledged', severity: 'amber', workingDays: days });
    }
  }

  const light: HealthLight = reasons.some((r) => r.severity === 'red') ? 'red' : reasons.length > 0 ? 'amber' : 'green';
  return {
    light,
    flags: { overdue, stalled: working && facts.stalled, reportMissing: missing, unacknowledged: acknowledgementLate },
    reasons,
    expectedProgress: expected,
    forecast,
  };
}

/**
 * 序时进度: the share of the working days from `start` to `deadline` that have passed by `today`,
 * as a percent with one decimal (0 before the start, 100 from the deadline on).
 */
export function trajectory(calendar: WorkingCalendar, start: string, deadline: string, today: string): number {
  // From the deadline on, the whole span has passed, even for a task started (or assigned) late.
  if (today >= deadline) return 100;
  if (today <= start) return 0;
  const total = workingDaysBetween(calendar, start, deadline);
  if (total <= 0) return 100;
  return round1((Math.max(0, workingDaysBetween(calendar, start, today)) / total) * 100);
}

/**
 * The plan's expected progress today: each quarter's figure is reached on its last day, and the
 * value moves in a straight line (by calendar days) from the previous quarter's figure (0 before
 * the first planned quarter); after the last quarter, its figure. Null without a plan.
 */
export function planExpectedProgress(
  quarters: ReadonlyArray<{ quarter: string; percent: number }>,
  today: string,
): number | null {
  if (quarters.length === 0) return null;
  const sorted = [...quarters].sort((a, b) => a.quarter.localeCompare(b.quarter));
  let previous = 0;
  for (const { quarter, percent } of sorted) {
    const [start, end] = quarterBounds(quarter);
    if (today < start) return previous;
    if (today <= end) {
      const span = toDayNumber(end) - toDayNumber(start) + 1;
      const done = toDayNumber(today) - toDayNumber(start) + 1;
      return round1(previous + ((percent - previous) * done) / span);
    }
    previous = percent;
  }
  return previous;
}

function quarterBounds(quarter: string): [string, string] {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number];
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${year}-${pad(firstMonth)}-01`, `${year}-${pad(lastMonth)}-${pad(lastDay)}`];
}

/**
 * When the task will reach 100 % at the pace of its latest accepted reports: a least-squares line
 * of percent against working days (counted from the earliest report used), continued from today's
 * progress at that slope. Null with fewer than two reports on different days, or a slope ≤ 0.
 */
export function forecastCompletion(
  reports: Array<{ on: string; percent: number }>,
  progress: number,
  today: string,
  calendar: WorkingCalendar,
  latest: number,
): string | null {
  if (progress >= 100) return null;
  const used = reports.sort((a, b) => a.on.localeCompare(b.on)).slice(-latest);
  if (used.length < 2) return null;
  const origin = used[0]?.on as string;
  const xs = used.map((r) => workingDaysBetween(calendar, origin, r.on));
  const ys = used.map((r) => r.percent);
  const n = used.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += ((xs[i] as number) - meanX) ** 2;
    sxy += ((xs[i] as number) - meanX) * ((ys[i] as number) - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  if (slope <= 0) return null;
  // Capped at about ten years of working days: a pace that slow says "not in any useful time".
  return addWorkingDays(calendar, today, Math.min(MAX_FORECAST_WORKING_DAYS, Math.ceil((100 - progress) / slope)));
}

const MAX_FORECAST_WORKING_DAYS = 2500;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
