import {
  addUp,
  COCKPIT_BUCKETS,
  type CockpitTotals,
  type CountedRow,
  daysBefore,
  type Figures,
  monthsUpTo,
} from '../../domain/cockpit-figures.js';
import { localDate } from '../../domain/dates.js';
import type { Cockpit, CockpitFigures } from '../../shared/cockpit-api.js';
import { getReviewReasons } from '../assessment/review-reasons.service.js';
import type { Actor } from '../auth/actor.js';
import { listReviews } from '../closure/review-queue.service.js';
import { nowIso } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { RouteDeps } from '../http/route-deps.js';
import { can } from '../policy.js';
import { listExtensionQueue } from '../supervision/extensions-queue.service.js';
import { listTasks } from '../tasks/task-query.service.js';
import { findUnitRow, findUnitRows } from '../units/units.repository.js';
import {
  countEscalationsWaiting,
  countFailureReasons,
  countOverdueThisMonth,
  countReportSlots,
  countTasksDirectly,
  countUnansweredInstructions,
  deleteEmptySummaryRows,
  deleteSnapshotsBefore,
  findCockpitPeriod,
  findSnapshots,
  hasSnapshot,
  listChildUnits,
  listLeague,
  listRedKeyTaskIds,
  listUnitsWithStats,
  readBarRows,
  readStatsRows,
  type StatsFilter,
  unitsWithChildren,
  upsertSnapshot,
  type ViewUnit,
} from './cockpit.repository.js';

/** Days of report slots behind "reports on time". */
const REPORT_WINDOW_DAYS = 28;
/** Months shown in the heat map and the completions chart. */
const MONTHS_SHOWN = 12;
const LEAGUE_MAX = 50;
/** Waiting decisions are counted up to this many (the cockpit shows "99+" beyond). */
const WAITING_MAX = 100;

interface NamedUnit extends ViewUnit {
  name: string;
}

/** The outermost of these units: a unit inside another one adds nothing to the view. */
function outermost(units: readonly NamedUnit[]): NamedUnit[] {
  return units.filter((unit) => !units.some((other) => other.id !== unit.id && unit.path.startsWith(other.path)));
}

/**
 * What the viewer's cockpit adds up under: everything (unit 0) for those who see all tasks, the
 * units in a leader's charge otherwise — or one unit inside that view when `unitId` names it
 * (404 outside, so unit ids outside the charge do not leak).
 */
async function viewOf(deps: RouteDeps, actor: Actor, unitId: number | undefined) {
  const seesAll = can.seeAllTasks(actor);
  const charge: NamedUnit[] = seesAll
    ? [{ id: 0, path: '', name: '' }]
    : actor.roles.has('leader')
      ? outermost(await findUnitRows(deps.db, actor.unitsInCharge))
      : [];
  if (unitId === undefined) return { seesAll, roots: charge };
  const unit = await findUnitRow(deps.db, unitId);
  if (!unit || !charge.some((own) => own.id === 0 || unit.path.startsWith(own.path))) {
    throw new AppError('not_found', { object: 'unit' });
  }
  return { seesAll, roots: [unit] };
}

/** A bar of the per-unit charts: a unit with its subtree, or (`own`) the tasks a unit leads itself. */
interface Bar extends NamedUnit {
  own?: boolean;
}

/**
 * The bars one level down: a unit's own tasks and each of its children (top-level units under
 * everything), or the roots themselves when there are several (or no children).
 */
async function barsOf(deps: RouteDeps, roots: readonly NamedUnit[]): Promise<Bar[]> {
  if (roots.length !== 1) return [...roots];
  const [root] = roots as [NamedUnit];
  const children = await listChildUnits(deps.db, root.id);
  if (root.id === 0) return children;
  return children.length > 0 ? [{ ...root, own: true }, ...children] : [root];
}

/** Which bar a lead unit path falls under: its own unit's `own` bar, else the bar whose subtree holds it. */
function barIndexOf(bars: readonly Bar[], path: string | null): number | null {
  if (path === null) return null;
  const own = bars.findIndex((bar) => bar.own && bar.path === path);
  if (own >= 0) return own;
  const index = bars.findIndex((bar) => !bar.own && path.startsWith(bar.path));
  return index < 0 ? null : index;
}

/** An `own` bar from the summaries: its unit's totals less its children's (a summary row holds a whole subtree). */
function subtractChildren(totals: CockpitTotals, ownIndex: number): void {
  const own = totals.bars.get(ownIndex);
  const ownMonths = totals.overdueByMonth.get(ownIndex);
  for (const [index, lights] of totals.bars) {
    if (index === ownIndex) continue;
    if (own) {
      own.red -= lights.red;
      own.amber -= lights.amber;
      own.green -= lights.green;
      own.unlit -= lights.unlit;
      own.overdue -= lights.overdue;
    }
    for (const [month, n] of totals.overdueByMonth.get(index) ?? []) {
      if (ownMonths) ownMonths.set(month, (ownMonths.get(month) ?? 0) - n);
    }
  }
  if (ownMonths) for (const [month, n] of ownMonths) if (n === 0) ownMonths.delete(month);
}

function presentFigures(figures: Figures, reports: CockpitFigures['reports']): CockpitFigures {
  return { ...figures, reports };
}

/** The totals of a view from the summary rows, with this month's passed deadlines counted directly. */
async function totalsFromStats(
  deps: Pick<RouteDeps, 'db' | 'dialect'>,
  input: { roots: readonly ViewUnit[]; bars: readonly Bar[]; filter: StatsFilter; today: string },
) {
  const currentMonth = input.today.slice(0, 7);
  const ownIndex = input.bars.findIndex((bar) => bar.own);
  // An own bar reads its unit's whole rows here and loses its children's below.
  const [rootRows, barRows, thisMonth] = await Promise.all([
    readStatsRows(
      deps.db,
      input.roots.map((root) => root.id),
      input.filter,
    ),
    readBarRows(
      deps.db,
      input.bars.map((bar) => bar.id),
      input.filter,
    ),
    countOverdueThisMonth(deps.db, deps.dialect, {
      roots: input.roots,
      filter: input.filter,
      monthStart: `${currentMonth}-01`,
      today: input.today,
    }),
  ]);
  const total = thisMonth.reduce((sum, row) => sum + row.n, 0);
  const perBar = new Map<number | null, number>();
  for (const row of thisMonth) {
    const bar = barIndexOf(input.bars, row.path);
    perBar.set(bar, (perBar.get(bar) ?? 0) + row.n);
  }
  const barIndex = new Map(input.bars.map((bar, index) => [bar.id, index] as const));
  const overall = addUp(
    rootRows.map((row) => ({ ...row, bar: null })),
    { currentMonth, currentOverdue: new Map([[null, total]]) },
  );
  // The own bar starts as the whole root (its rows, and this month's overdue under it) and loses its children's.
  if (ownIndex >= 0) {
    let childrenThisMonth = 0;
    for (const [bar, n] of perBar) if (bar !== null && bar !== ownIndex) childrenThisMonth += n;
    perBar.set(ownIndex, (perBar.get(ownIndex) ?? 0) + childrenThisMonth);
  }
  const byBar = addUp(
    barRows.map((row) => ({ ...row, bar: barIndex.get(row.unitId) ?? null })),
    { currentMonth, currentOverdue: perBar },
  );
  if (ownIndex >= 0) subtractChildren(byBar, ownIndex);
  return { overall, byBar };
}

/** The totals of a period's or a source's tasks in view, counted directly (exact overdue, no summary). */
async function totalsDirectly(
  deps: RouteDeps,
  input: {
    periodId?: number | undefined;
    roots: readonly ViewUnit[];
    bars: readonly Bar[];
    filter: StatsFilter;
    today: string;
  },
) {
  const rows = await countTasksDirectly(deps.db, deps.dialect, input);
  const currentMonth = input.today.slice(0, 7);
  const counted: CountedRow[] = rows.map(({ path, ...row }) => ({ ...row, bar: barIndexOf(input.bars, path) }));
  return {
    overall: addUp(
      counted.map((row) => ({ ...row, bar: null })),
      { currentMonth },
    ),
    byBar: addUp(counted, { currentMonth }),
  };
}

/** Report slots of the view's units due in the 28 days before today. */
async function reportFigures(deps: Pick<RouteDeps, 'db'>, rootIds: readonly number[], today: string) {
  const slots = await countReportSlots(deps.db, {
    rootIds,
    from: daysBefore(today, REPORT_WINDOW_DAYS),
    before: today,
  });
  const onTime = slots.get('on_time') ?? 0;
  const late = slots.get('late') ?? 0;
  const missing = slots.get('open') ?? 0;
  const due = onTime + late + missing;
  return { onTime, late, missing, rate: due === 0 ? null : onTime / due };
}

/** A week ago's figures of the view (summed over its roots), from the daily snapshots. */
async function weekAgoOf(deps: RouteDeps, rootIds: readonly number[], today: string) {
  const found = await findSnapshots(deps.db, {
    unitIds: rootIds,
    from: daysBefore(today, 9),
    to: daysBefore(today, 7),
  });
  if (!found) return null;
  const sum = (found.figures.map((text) => JSON.parse(text)) as CockpitFigures[]).reduce((acc, figures) => {
    for (const key of Object.keys(acc) as Array<keyof CockpitFigures>) {
      if (typeof acc[key] === 'number' && typeof figures[key] === 'number') {
        (acc as unknown as Record<string, number>)[key] = (acc[key] as number) + (figures[key] as number);
      }
    }
    if (acc.reports && figures.reports) {
      acc.reports = {
        onTime: acc.reports.onTime + figures.reports.onTime,
        late: acc.reports.late + figures.reports.late,
        missing: acc.reports.missing + figures.reports.missing,
        rate: null,
      };
    }
    return acc;
  });
  sum.onTimeRate = sum.closed === 0 ? null : sum.closedOnTime / sum.closed;
  if (sum.reports) {
    const due = sum.reports.onTime + sum.reports.late + sum.reports.missing;
    sum.reports.rate = due === 0 ? null : sum.reports.onTime / due;
  }
  return { day: found.day, figures: sum };
}

/** What waits for this viewer's decision, and the red key tasks nearest their deadline. */
async function attentionOf(deps: RouteDeps, actor: Actor, roots: readonly ViewUnit[]) {
  const redIds = roots.length === 0 ? [] : await listRedKeyTaskIds(deps.db, deps.dialect, { roots, limit: 5 });
  const [red, instructions, escalations, extensions, closures] = await Promise.all([
    redIds.length === 0
      ? { items: [] }
      : listTasks(deps, { actor, ids: redIds, unitRole: 'any', sort: 'deadline', limit: 5 }),
    actor.userId !== null && actor.roles.has('leader') ? countUnansweredInstructions(deps.db, actor.userId) : 0,
    actor.userId !== null ? countEscalationsWaiting(deps.db, actor.userId) : 0,
    listExtensionQueue(deps, { status: 'pending', limit: WAITING_MAX, actor }).then((page) => page.rows.length),
    listReviews(deps, { kind: 'closure', limit: WAITING_MAX, actor }).then((page) => page.items.length),
  ]);
  return {
    redKeyTasks: red.items,
    instructionsUnanswered: instructions,
    escalations,
    extensionsWaiting: extensions,
    closuresWaiting: closures,
  };
}

/** The cockpit of the viewer, under the filters (see cockpitQuery). */
export async function getCockpit(
  deps: RouteDeps,
  input: {
    actor: Actor;
    unitId?: number | undefined;
    sourceId?: number | undefined;
    tag?: string | undefined;
    periodId?: number | undefined;
    keyOnly?: boolean | undefined;
  },
): Promise<Cockpit> {
  const { seesAll, roots } = await viewOf(deps, input.actor, input.unitId);
  const today = localDate(new Date(), deps.config.timeZone);
  const filter: StatsFilter = { sourceId: input.sourceId, tag: input.tag, keyOnly: input.keyOnly };
  const period = await findCockpitPeriod(deps.db, input.periodId);
  if (input.periodId !== undefined && !period) throw new AppError('not_found', { object: 'assessment_period' });
  const bars = await barsOf(deps, roots);
  const rootIds = roots.map((root) => root.id);
  const filtered = input.sourceId !== undefined || input.tag !== undefined || input.keyOnly || input.periodId;

  const totals: { overall: CockpitTotals; byBar: CockpitTotals } =
    roots.length === 0
      ? {
          overall: addUp([], { currentMonth: today.slice(0, 7) }),
          byBar: addUp([], { currentMonth: today.slice(0, 7) }),
        }
      : input.periodId !== undefined || input.sourceId !== undefined
        ? await totalsDirectly(deps, { periodId: input.periodId, roots, bars, filter, today })
        : await totalsFromStats(deps, { roots, bars, filter, today });
  const [reports, weekAgo, withChildren, league, reasonCounts, reasons, attention] = await Promise.all([
    filtered || roots.length === 0 ? null : reportFigures(deps, rootIds, today),
    filtered || roots.length === 0 ? null : weekAgoOf(deps, rootIds, today),
    unitsWithChildren(
      deps.db,
      bars.map((bar) => bar.id),
    ),
    period && roots.length > 0 ? listLeague(deps.db, { periodId: period.id, roots, limit: LEAGUE_MAX }) : [],
    period && roots.length > 0
      ? countFailureReasons(deps.db, deps.dialect, { periodId: period.id, roots, filter })
      : [],
    getReviewReasons(deps.db),
    attentionOf(deps, input.actor, roots),
  ]);

  const months = monthsUpTo(today.slice(0, 7), MONTHS_SHOWN);
  // Only units with overdue tasks get a row of the heat map.
  const heatUnits = bars
    .map((bar, index) => ({ bar, index }))
    .filter(({ index }) => (totals.byBar.bars.get(index)?.overdue ?? 0) > 0);
  const cells: Array<[number, number, number]> = [];
  let earlier = 0;
  heatUnits.forEach(({ index }, row) => {
    for (const [month, n] of totals.byBar.overdueByMonth.get(index) ?? []) {
      const column = months.indexOf(month);
      if (column >= 0) cells.push([row, column, n]);
      else if (month < (months[0] as string)) earlier += n;
    }
  });
  const reasonByCode = new Map(reasons.reasons.map((reason) => [reason.code, reason]));
  return {
    today,
    scope: roots.filter((root) => root.id !== 0).map((root) => ({ id: root.id, name: root.name })),
    seesAll,
    figures: presentFigures(totals.overall.figures, reports),
    weekAgo: weekAgo?.figures ?? null,
    weekAgoDay: weekAgo?.day ?? null,
    unitLights: bars.flatMap((bar, index) => {
      const lights = totals.byBar.bars.get(index);
      return [
        {
          unit: { id: bar.id, name: bar.name },
          own: bar.own === true,
          hasChildren: !bar.own && withChildren.has(bar.id),
          red: lights?.red ?? 0,
          amber: lights?.amber ?? 0,
          green: lights?.green ?? 0,
          unlit: lights?.unlit ?? 0,
          overdue: lights?.overdue ?? 0,
        },
      ];
    }),
    overdueHeat: {
      months,
      units: heatUnits.map(({ bar }) => ({ id: bar.id, name: bar.name, own: bar.own === true })),
      cells,
      earlier,
    },
    trajectory: COCKPIT_BUCKETS.map((bucket) => ({ bucket, count: totals.overall.trajectory.get(bucket) ?? 0 })),
    completions: months.map((month) => ({
      month,
      onTime: totals.overall.completions.get(month)?.onTime ?? 0,
      late: totals.overall.completions.get(month)?.late ?? 0,
    })),
    period: period ? { id: period.id, name: period.name, status: period.status } : null,
    league: league.map((row) => {
      const breakdown = JSON.parse(row.breakdown) as Array<{ points: number }>;
      return {
        unit: { id: row.id, name: row.name },
        score: row.score / 100,
        rank: row.rank,
        deductions: breakdown.filter((item) => item.points < 0).reduce((sum, item) => sum - item.points, 0) / 100,
        bonuses: breakdown.filter((item) => item.points > 0).reduce((sum, item) => sum + item.points, 0) / 100,
      };
    }),
    reasons: reasonCounts.map((row) => {
      const reason = reasonByCode.get(row.code);
      return {
        code: row.code,
        category: reason?.category ?? null,
        labels: reason?.labels ?? null,
        count: row.n,
      };
    }),
    attention,
  };
}

/**
 * Today's snapshot of every unit's unfiltered headline figures (and everything's, unit 0), for
 * "change since last week"; snapshots older than 60 days go, and so do summary rows counting zero.
 * Run daily by the job runner.
 */
export async function takeCockpitSnapshots(
  deps: Pick<RouteDeps, 'db' | 'dialect' | 'config'>,
  options: { onlyIfMissing?: boolean } = {},
): Promise<number> {
  const today = localDate(new Date(), deps.config.timeZone);
  if (options.onlyIfMissing && (await hasSnapshot(deps.db, 0, today))) return 0;
  const unitIds = await listUnitsWithStats(deps.db);
  const units = new Map(
    (
      await findUnitRows(
        deps.db,
        unitIds.filter((id) => id !== 0),
      )
    ).map((unit) => [unit.id, unit.path]),
  );
  const at = nowIso();
  let written = 0;
  for (const id of unitIds) {
    const path = id === 0 ? '' : units.get(id);
    if (path === undefined) continue;
    const root = { id, path };
    const { overall } = await totalsFromStats(deps, { roots: [root], bars: [], filter: {}, today });
    const figures = presentFigures(overall.figures, await reportFigures(deps, [id], today));
    await upsertSnapshot(deps.db, { unitId: id, day: today, figures: JSON.stringify(figures), at });
    written++;
  }
  await deleteSnapshotsBefore(deps.db, daysBefore(today, 60));
  await deleteEmptySummaryRows(deps.db);
  return written;
}
