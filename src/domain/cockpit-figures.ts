// The cockpit's arithmetic (issue 8): from counted rows — summary rows (task_stats) or the same
// shape counted straight from tasks — to the headline figures, the lights per unit, the overdue
// heat map, the key tasks' trajectory and the completions per month. Pure, so the summary path and
// the direct path (a period's tasks) cannot drift apart in how they add up.

/** Statuses in which a task is being worked on. */
export const COCKPIT_OPEN_STATUSES = ['assigned', 'in_progress', 'closure_requested', 'returned'] as const;
/** Statuses in which a passed deadline makes a task overdue (status group `open`). */
export const COCKPIT_OVERDUE_STATUSES = ['assigned', 'in_progress', 'returned'] as const;

/**
 * The statuses as the figures group them: `open` (being worked on; can be overdue), `closing`
 * (closure requested: still open, not overdue), `closed`, and `other` (draft, suspended, cancelled).
 */
export type StatusGroup = 'open' | 'closing' | 'closed' | 'other';

/** The group of a status. */
export function statusGroupOf(status: string): StatusGroup {
  if ((COCKPIT_OVERDUE_STATUSES as readonly string[]).includes(status)) return 'open';
  if (status === 'closure_requested') return 'closing';
  return status === 'closed' ? 'closed' : 'other';
}
export const COCKPIT_BUCKETS = ['on_track', 'slightly_behind', 'behind', 'far_behind'] as const;

/** One counted group of tasks. `overdue` is known exactly on the direct path; the summary path leaves it undefined. */
export interface CountedRow {
  /** Which bar (unit one level down) the tasks fall under; null for none (e.g. no lead unit). */
  bar: number | null;
  group: StatusGroup | string;
  light: string;
  stalled: number;
  isKey: number;
  trajectory: string;
  /** `YYYY-MM` of the deadline for a task that can be overdue, '' otherwise. */
  dueMonth: string;
  closedMonth: string;
  onTime: number;
  overdue?: number;
  n: number;
}

export interface Figures {
  open: number;
  closed: number;
  overdue: number;
  red: number;
  amber: number;
  green: number;
  stalledKey: number;
  /** Open key tasks showing red. */
  redKey: number;
  closedOnTime: number;
  onTimeRate: number | null;
}

export interface BarLights {
  red: number;
  amber: number;
  green: number;
  unlit: number;
  overdue: number;
}

export interface CockpitTotals {
  figures: Figures;
  /** Per bar index. */
  bars: Map<number, BarLights>;
  /** Overdue tasks per bar and deadline month. */
  overdueByMonth: Map<number, Map<string, number>>;
  trajectory: Map<string, number>;
  completions: Map<string, { onTime: number; late: number }>;
}

/**
 * Adds the rows up. `currentMonth` overdue counts are not in the rows on the summary path (a month
 * that is not over cannot say which of its deadlines have passed): they come in `currentOverdue`,
 * counted directly per bar (undefined key: outside every bar).
 */
export function addUp(
  rows: readonly CountedRow[],
  input: { currentMonth: string; currentOverdue?: ReadonlyMap<number | null, number> },
): CockpitTotals {
  const figures: Figures = {
    open: 0,
    closed: 0,
    overdue: 0,
    red: 0,
    amber: 0,
    green: 0,
    stalledKey: 0,
    redKey: 0,
    closedOnTime: 0,
    onTimeRate: null,
  };
  const bars = new Map<number, BarLights>();
  const overdueByMonth = new Map<number, Map<string, number>>();
  const trajectory = new Map<string, number>();
  const completions = new Map<string, { onTime: number; late: number }>();
  const barOf = (bar: number) => {
    let lights = bars.get(bar);
    if (!lights) {
      lights = { red: 0, amber: 0, green: 0, unlit: 0, overdue: 0 };
      bars.set(bar, lights);
    }
    return lights;
  };
  const addOverdue = (bar: number | null, month: string, n: number) => {
    figures.overdue += n;
    if (bar === null) return;
    barOf(bar).overdue += n;
    const months = overdueByMonth.get(bar) ?? new Map<string, number>();
    months.set(month, (months.get(month) ?? 0) + n);
    overdueByMonth.set(bar, months);
  };

  for (const row of rows) {
    const n = Number(row.n);
    if (n === 0) continue;
    if (row.group === 'open' || row.group === 'closing') {
      figures.open += n;
      if (row.light === 'red') figures.red += n;
      else if (row.light === 'amber') figures.amber += n;
      else if (row.light === 'green') figures.green += n;
      if (row.isKey === 1 && row.stalled === 1) figures.stalledKey += n;
      if (row.isKey === 1 && row.light === 'red') figures.redKey += n;
      if (row.trajectory) trajectory.set(row.trajectory, (trajectory.get(row.trajectory) ?? 0) + n);
      if (row.bar !== null) {
        const lights = barOf(row.bar);
        if (row.light === 'red' || row.light === 'amber' || row.light === 'green') lights[row.light] += n;
        else lights.unlit += n;
      }
    }
    if (row.group === 'open' && row.dueMonth) {
      if (row.overdue !== undefined) {
        if (Number(row.overdue) === 1) addOverdue(row.bar, row.dueMonth, n);
      } else if (row.dueMonth < input.currentMonth) {
        addOverdue(row.bar, row.dueMonth, n);
      }
    }
    if (row.group === 'closed') {
      figures.closed += n;
      if (Number(row.onTime) === 1) figures.closedOnTime += n;
      if (row.closedMonth) {
        const month = completions.get(row.closedMonth) ?? { onTime: 0, late: 0 };
        if (Number(row.onTime) === 1) month.onTime += n;
        else month.late += n;
        completions.set(row.closedMonth, month);
      }
    }
  }
  for (const [bar, n] of input.currentOverdue ?? []) addOverdue(bar, input.currentMonth, n);
  figures.onTimeRate = figures.closed === 0 ? null : figures.closedOnTime / figures.closed;
  return { figures, bars, overdueByMonth, trajectory, completions };
}

/** The `count` months up to and including `month` (`YYYY-MM`), oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (mon - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The day `days` before `day` (`YYYY-MM-DD`, calendar days). */
export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
