import { type Expression, type SqlBool, sql } from 'kysely';
import { COCKPIT_OPEN_STATUSES, COCKPIT_OVERDUE_STATUSES, type CountedRow } from '../../domain/cockpit-figures.js';
import type { Executor } from '../db/connect.js';
import { hasTag, summaryTerms } from '../tasks/task-stat-terms.js';

// Every query of the cockpit. The summary path reads task_stats (a view's own rows), task_bar_stats
// (the rows of the units one level down) and report_slot_stats by primary-key prefix (unit_id, tag,
// …): a few thousand rows at most, whatever the number of tasks below. Only what a summary cannot
// know is counted from tasks: this month's passed deadlines (tasks_lead_path_idx, or
// tasks_status_deadline_idx for everything: one month of deadlines), a source's tasks
// (tasks_source_idx: a source holds hundreds, thousands at most, while a source key in the summary
// would multiply its rows by the number of sources) and a period's tasks (assessment_tasks).

/** A unit the view adds up under; id 0 with path '' is everything. */
export interface ViewUnit {
  id: number;
  path: string;
}

/** The filters a view may have besides its units. */
export interface StatsFilter {
  sourceId?: number | undefined;
  tag?: string | undefined;
  keyOnly?: boolean | undefined;
}

type Dialect = 'sqlite' | 'postgres';
type Counted = Omit<CountedRow, 'bar'>;

/** task_stats rows of the given units (the view's roots), summed over the units. */
export async function readStatsRows(db: Executor, unitIds: readonly number[], filter: StatsFilter): Promise<Counted[]> {
  if (unitIds.length === 0) return [];
  const key = [
    'status_group',
    'light',
    'stalled',
    'is_key',
    'trajectory',
    'due_month',
    'closed_month',
    'on_time',
  ] as const;
  let query = db
    .selectFrom('task_stats')
    .select((eb) => [...key, eb.fn.sum<number>('n').as('n')])
    .where('unit_id', 'in', [...unitIds])
    .where('tag', '=', filter.tag ?? '')
    .groupBy([...key]);
  if (filter.keyOnly) query = query.where('is_key', '=', 1);
  const rows = await query.execute();
  return rows.map((row) => ({
    group: row.status_group,
    light: row.light,
    stalled: Number(row.stalled),
    isKey: Number(row.is_key),
    trajectory: row.trajectory,
    dueMonth: row.due_month,
    closedMonth: row.closed_month,
    onTime: Number(row.on_time),
    n: Number(row.n),
  }));
}

/** task_bar_stats rows (open tasks) of each of the given units. */
export async function readBarRows(
  db: Executor,
  unitIds: readonly number[],
  filter: StatsFilter,
): Promise<Array<Counted & { unitId: number }>> {
  if (unitIds.length === 0) return [];
  let query = db
    .selectFrom('task_bar_stats')
    .select((eb) => ['unit_id', 'light', 'due_month', eb.fn.sum<number>('n').as('n')])
    .where('unit_id', 'in', [...unitIds])
    .where('tag', '=', filter.tag ?? '')
    .groupBy(['unit_id', 'light', 'due_month']);
  if (filter.keyOnly) query = query.where('is_key', '=', 1);
  const rows = await query.execute();
  // Open tasks all: a deadline month is kept only for those that can be overdue (group `open`).
  return rows.map((row) => ({
    unitId: Number(row.unit_id),
    group: 'open',
    light: row.light,
    stalled: 0,
    isKey: 0,
    trajectory: '',
    dueMonth: row.due_month,
    closedMonth: '',
    onTime: 0,
    n: Number(row.n),
  }));
}

/**
 * Tasks (alias `t`) led under any of the roots, by equality on the lead unit's path against the
 * subtree's paths (tasks_lead_path_idx, one seek per unit, as unitPathsUnder in task-scope.ts
 * explains; PostgreSQL is given the list as an array); true for everything.
 */
function underRoots(dialect: Dialect, roots: readonly ViewUnit[]): Expression<SqlBool> {
  if (roots.some((root) => root.id === 0)) return sql<SqlBool>`1 = 1`;
  const each = roots.map((root) => {
    const paths = sql`(select su.path from units su where su.path like ${`${root.path}%`})`;
    return dialect === 'postgres' ? sql`t.lead_unit_path = any(array${paths})` : sql`t.lead_unit_path in ${paths}`;
  });
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}

/** The filters as conditions on tasks (alias `t`), all joined with the scope. */
function taskConditions(dialect: Dialect, roots: readonly ViewUnit[], filter: StatsFilter): Expression<SqlBool> {
  const out: Expression<SqlBool>[] = [underRoots(dialect, roots)];
  if (filter.sourceId !== undefined) out.push(sql<SqlBool>`t.source_id = ${filter.sourceId}`);
  if (filter.keyOnly) out.push(sql<SqlBool>`t.is_key = 1`);
  if (filter.tag !== undefined) out.push(hasTag('t', dialect, filter.tag));
  return sql<SqlBool>`${sql.join(out, sql` and `)}`;
}

/**
 * Open tasks whose deadline fell this month before today, per lead unit path: the part of
 * "overdue" the summary rows cannot hold (their deadline month is not over).
 */
export async function countOverdueThisMonth(
  db: Executor,
  dialect: Dialect,
  input: { roots: readonly ViewUnit[]; filter: StatsFilter; monthStart: string; today: string; periodId?: number },
): Promise<Array<{ path: string | null; n: number }>> {
  const rows = await db
    .selectFrom('tasks as t')
    .select((eb) => ['t.lead_unit_path', eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.and([
        eb('t.status', 'in', [...COCKPIT_OVERDUE_STATUSES]),
        eb('t.deadline', '>=', input.monthStart),
        eb('t.deadline', '<', input.today),
        taskConditions(dialect, input.roots, input.filter),
      ]),
    )
    .groupBy('t.lead_unit_path')
    .execute();
  return rows.map((row) => ({ path: row.lead_unit_path, n: Number(row.n) }));
}

/** The key expressions of the summary, counted directly from tasks. */
function directKey(dialect: Dialect, today: string) {
  const terms = summaryTerms('t', dialect);
  return {
    ...terms,
    group: terms.statusGroup,
    overdue: sql<number>`case when t.status in (${sql.join([...COCKPIT_OVERDUE_STATUSES])}) and t.deadline < ${today} then 1 else 0 end`,
  };
}

/**
 * The tasks of a period or a source led under the roots, counted by the summary's key (and exact
 * overdue) per lead unit path: from assessment_tasks for a period, tasks_source_idx for a source.
 */
export async function countTasksDirectly(
  db: Executor,
  dialect: Dialect,
  input: { periodId?: number | undefined; roots: readonly ViewUnit[]; filter: StatsFilter; today: string },
): Promise<Array<Counted & { path: string | null }>> {
  const key = directKey(dialect, input.today);
  // The key is computed per task in an inner query and grouped by name outside: PostgreSQL will not
  // match a GROUP BY expression to a select expression whose bound parameters are numbered apart.
  let keyed = db
    .selectFrom('tasks as t')
    .select([
      't.lead_unit_path',
      key.group.as('status_group'),
      key.light.as('light'),
      key.stalled.as('stalled'),
      't.is_key',
      key.trajectory.as('trajectory'),
      key.dueMonth.as('due_month'),
      key.closedMonth.as('closed_month'),
      key.onTime.as('on_time'),
      key.overdue.as('overdue'),
    ])
    .where(taskConditions(dialect, input.roots, input.filter));
  if (input.periodId !== undefined) {
    const periodId = input.periodId;
    keyed = keyed.where('t.id', 'in', (eb) =>
      eb.selectFrom('assessment_tasks as a').select('a.task_id').where('a.period_id', '=', periodId),
    );
  }
  const columns = [
    'k.lead_unit_path',
    'k.status_group',
    'k.light',
    'k.stalled',
    'k.is_key',
    'k.trajectory',
    'k.due_month',
    'k.closed_month',
    'k.on_time',
    'k.overdue',
  ] as const;
  const rows = await db
    .selectFrom(keyed.as('k'))
    .select((eb) => [...columns, eb.fn.countAll<number>().as('n')])
    .groupBy([...columns])
    .execute();
  return rows.map((row) => ({
    path: row.lead_unit_path,
    group: row.status_group,
    light: row.light,
    stalled: Number(row.stalled),
    isKey: Number(row.is_key),
    trajectory: row.trajectory,
    dueMonth: row.due_month,
    closedMonth: row.closed_month,
    onTime: Number(row.on_time),
    overdue: Number(row.overdue),
    n: Number(row.n),
  }));
}

/** Report slots of units under the roots due in [from, before), by outcome. */
export async function countReportSlots(
  db: Executor,
  input: { rootIds: readonly number[]; from: string; before: string },
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('report_slot_stats')
    .select((eb) => ['outcome', eb.fn.sum<number>('n').as('n')])
    .where('unit_id', 'in', [...input.rootIds])
    .where('due_date', '>=', input.from)
    .where('due_date', '<', input.before)
    .groupBy('outcome')
    .execute();
  return new Map(rows.map((row) => [row.outcome, Number(row.n)]));
}

/** The units one level below a unit (top-level units below everything), active ones, in tree order. */
export function listChildUnits(db: Executor, parentId: number) {
  let query = db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id');
  query = parentId === 0 ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  return query.execute();
}

/** Which of these units have active units below them. */
export async function unitsWithChildren(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('units')
    .select('parent_id')
    .distinct()
    .where('parent_id', 'in', [...ids])
    .where('archived_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => Number(row.parent_id)));
}

/** The snapshots of these units on the latest day in [from, to] that has one for every unit. */
export async function findSnapshots(
  db: Executor,
  input: { unitIds: readonly number[]; from: string; to: string },
): Promise<{ day: string; figures: string[] } | null> {
  const rows = await db
    .selectFrom('cockpit_snapshots')
    .select(['unit_id', 'day', 'figures'])
    .where('unit_id', 'in', [...input.unitIds])
    .where('day', '>=', input.from)
    .where('day', '<=', input.to)
    .orderBy('day', 'desc')
    .execute();
  const byDay = new Map<string, string[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row.figures]);
  for (const [day, figures] of byDay) if (figures.length === input.unitIds.length) return { day, figures };
  return null;
}

/** Whether a unit's snapshot of a day exists. */
export async function hasSnapshot(db: Executor, unitId: number, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('cockpit_snapshots')
    .select('day')
    .where('unit_id', '=', unitId)
    .where('day', '=', day)
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes (or replaces) a unit's snapshot of a day. */
export async function upsertSnapshot(db: Executor, row: { unitId: number; day: string; figures: string; at: string }) {
  await db
    .insertInto('cockpit_snapshots')
    .values({ unit_id: row.unitId, day: row.day, figures: row.figures, created_at: row.at })
    .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ figures: row.figures, created_at: row.at }))
    .execute();
}

/** Snapshots older than `before` go (the cockpit compares with a week ago only). */
export async function deleteSnapshotsBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('cockpit_snapshots').where('day', '<', before).execute();
}

/**
 * Drops summary rows whose count went back to zero (a key moved away). Safe beside the triggers:
 * their upserts insert a row again when it is gone.
 */
export async function deleteEmptySummaryRows(db: Executor): Promise<number> {
  let deleted = 0;
  for (const table of ['task_stats', 'task_bar_stats', 'report_slot_stats'] as const) {
    const result = await db.deleteFrom(table).where('n', '=', 0).executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** The units that have tasks led under them (0 included), for the daily snapshots. */
export async function listUnitsWithStats(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('task_stats').select('unit_id').distinct().where('tag', '=', '').execute();
  return rows.map((row) => Number(row.unit_id));
}

/** The period named, or the latest computed one. */
export function findCockpitPeriod(db: Executor, periodId: number | undefined) {
  let query = db.selectFrom('assessment_periods').select(['id', 'name', 'status']);
  query =
    periodId === undefined
      ? query.where('computed_at', 'is not', null).orderBy('ends_on', 'desc').orderBy('id', 'desc')
      : query.where('id', '=', periodId);
  return query.limit(1).executeTakeFirst();
}

/** A period's lead-unit league table for the units under the roots, best first. */
export async function listLeague(db: Executor, input: { periodId: number; roots: readonly ViewUnit[]; limit: number }) {
  return db
    .selectFrom('assessment_results as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['u.id', 'u.name', 'r.score', 'r.rank', 'r.breakdown'])
    .where('r.period_id', '=', input.periodId)
    .where('r.role', '=', 'lead')
    .where((eb) =>
      input.roots.some((root) => root.id === 0)
        ? eb.lit(true)
        : eb.or(input.roots.map((root) => eb('u.path', 'like', `${root.path}%`))),
    )
    .orderBy('r.rank')
    .orderBy('u.id')
    .limit(input.limit)
    .execute();
}

/** A period's failure reasons (逐项分析) on tasks led under the roots, most frequent first. */
export async function countFailureReasons(
  db: Executor,
  dialect: Dialect,
  input: { periodId: number; roots: readonly ViewUnit[]; filter: StatsFilter },
) {
  const rows = await db
    .selectFrom('assessment_reviews as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select((eb) => ['r.reason_code', eb.fn.countAll<number>().as('n')])
    .where('r.period_id', '=', input.periodId)
    .where('r.reason_code', 'is not', null)
    .where(taskConditions(dialect, input.roots, input.filter))
    .groupBy('r.reason_code')
    .orderBy('n', 'desc')
    .execute();
  return rows.map((row) => ({ code: row.reason_code as string, n: Number(row.n) }));
}

/**
 * The open red key tasks led under the roots with the nearest deadlines: tasks_health_idx (light,
 * deadline, id) walked in deadline order, stopping at the limit — not the task list's sort, whose
 * "no deadline last" key no index holds (at a million tasks that sorted every red task: 160 ms).
 */
export async function listRedKeyTaskIds(
  db: Executor,
  dialect: Dialect,
  input: { roots: readonly ViewUnit[]; limit: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .select('t.id')
    .where('t.health_light', '=', 'red')
    .where('t.deadline', 'is not', null)
    .where('t.is_key', '=', 1)
    .where('t.status', 'in', [...COCKPIT_OPEN_STATUSES])
    .where(taskConditions(dialect, input.roots, {}))
    .orderBy('t.deadline')
    .orderBy('t.id')
    .limit(input.limit)
    .execute();
  return rows.map((row) => row.id);
}

/** This leader's instructions (批示) not answered yet, one per task they are on. */
export async function countUnansweredInstructions(db: Executor, leaderId: number): Promise<number> {
  const row = await db
    .selectFrom('instruction_targets as it')
    .innerJoin('instructions as i', 'i.id', 'it.instruction_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.leader_id', '=', leaderId)
    .where('it.responded_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Coordination requests waiting for this person: sent to them as a leader, or escalated to them. */
export async function countEscalationsWaiting(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('coordination_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) =>
      eb.or([
        eb.and([eb('escalated_to_id', '=', userId), eb('status', '=', 'escalated')]),
        eb.and([eb('to_leader_id', '=', userId), eb('status', '=', 'open')]),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
