import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { OPEN_STATUSES } from '../../shared/tasks.js';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { OVERDUE_STATUSES } from '../tasks/task-list.repository.js';
import { inSubquery } from '../tasks/task-scope.js';

// The portfolio's two reads. Both select tasks whose *lead* unit lies under the charge: the unit
// paths under each unit in charge come from `units` (small; its own LIKE), and the task side is
// matched by equality on tasks.lead_unit_path, so tasks_lead_path_idx (lead_unit_path, status,
// deadline, updated_at, id) serves each unit path and open status with one seek. We group by lead
// unit rather than going through task_units (task_units_path_idx), because a portfolio lists each
// task once, under the unit answerable for it; a task the charge only cooperates on belongs to
// another leader's portfolio.

export interface PortfolioFilter {
  /** Materialised paths of the units whose subtrees are covered. */
  paths: readonly string[];
  keyOnly: boolean;
  today: string;
}

export interface UnitCountRow {
  lead_unit_id: number;
  total: number;
  red: number;
  amber: number;
  green: number;
  overdue: number;
}

export interface PortfolioTaskRow {
  id: number;
  number: string;
  title: string;
  status: string;
  parent_id: number | null;
  depth: number;
  is_key: number;
  deadline: string | null;
  progress: number;
  lead_unit_id: number;
  health_light: string | null;
  health_flags: number;
  health_reasons: string;
  health_expected: number | null;
  health_forecast: string | null;
  health_on: string | null;
}

type Dialect = 'sqlite' | 'postgres';

function chargeCondition(eb: ExpressionBuilder<DB, 'tasks'>, f: PortfolioFilter, dialect: Dialect) {
  const under = eb
    .selectFrom('units as su')
    .select('su.path')
    .where((inner) => inner.or(f.paths.map((path) => inner('su.path', 'like', `${path}%`))));
  const conditions: Expression<SqlBool>[] = [
    inSubquery(dialect, 'tasks.lead_unit_path', under),
    eb('tasks.status', 'in', [...OPEN_STATUSES]),
  ];
  if (f.keyOnly) conditions.push(eb('tasks.is_key', '=', 1));
  return eb.and(conditions);
}

/** Open tasks per lead unit, counted by light and overdue (integers on both dialects). */
export async function countByUnit(db: Executor, dialect: Dialect, f: PortfolioFilter): Promise<UnitCountRow[]> {
  if (f.paths.length === 0) return [];
  const overdueStatuses = sql.join(OVERDUE_STATUSES.map((status) => sql.lit(status)));
  const rows = await db
    .selectFrom('tasks')
    .select([
      'tasks.lead_unit_id',
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when tasks.health_light = 'red' then 1 else 0 end)`.as('red'),
      sql<number>`sum(case when tasks.health_light = 'amber' then 1 else 0 end)`.as('amber'),
      sql<number>`sum(case when tasks.health_light = 'green' then 1 else 0 end)`.as('green'),
      sql<number>`sum(case when tasks.status in (${overdueStatuses}) and tasks.deadline < ${f.today} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .where((eb) => chargeCondition(eb, f, dialect))
    .groupBy('tasks.lead_unit_id')
    .execute();
  // PostgreSQL returns count/sum as bigint strings.
  return rows.flatMap((row) =>
    row.lead_unit_id === null
      ? []
      : [
          {
            lead_unit_id: row.lead_unit_id,
            total: Number(row.total),
            red: Number(row.red),
            amber: Number(row.amber),
            green: Number(row.green),
            overdue: Number(row.overdue),
          },
        ],
  );
}

/** Key, top-level, red, nearest deadline first (nulls last on both dialects). */
const ORDER = sql`tasks.is_key desc, tasks.depth asc,
  case tasks.health_light when 'red' then 0 when 'amber' then 1 when 'green' then 2 else 3 end,
  case when tasks.deadline is null then 1 else 0 end, tasks.deadline, tasks.id`;

/**
 * The first `cap` open tasks of each lead unit: key tasks, then top-level before subtasks, then
 * red before amber before green, then the nearest deadline. One query with row_number() over each
 * unit (both SQLite ≥ 3.25 and PostgreSQL), so the page costs the same for five units or fifty.
 */
export function listCappedTasks(
  db: Executor,
  dialect: Dialect,
  f: PortfolioFilter,
  cap: number,
): Promise<PortfolioTaskRow[]> {
  if (f.paths.length === 0) return Promise.resolve([]);
  const ranked = db
    .selectFrom('tasks')
    .select([
      'tasks.id',
      'tasks.number',
      'tasks.title',
      'tasks.status',
      'tasks.parent_id',
      'tasks.depth',
      'tasks.is_key',
      'tasks.deadline',
      'tasks.progress',
      'tasks.lead_unit_id',
      'tasks.health_light',
      'tasks.health_flags',
      'tasks.health_reasons',
      'tasks.health_expected',
      'tasks.health_forecast',
      'tasks.health_on',
      sql<number>`row_number() over (partition by tasks.lead_unit_id order by ${ORDER})`.as('rn'),
    ])
    .where((eb) => chargeCondition(eb, f, dialect))
    .as('ranked');
  return db
    .selectFrom(ranked)
    .selectAll()
    .where('ranked.rn', '<=', cap)
    .orderBy('ranked.lead_unit_id')
    .orderBy('ranked.rn')
    .execute() as Promise<Array<PortfolioTaskRow & { rn: number }>>;
}

/** Names of the given units. */
export function unitNames(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'name', 'path']).where('id', 'in', ids).execute();
}
