import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { inSubquery, scopeCondition, scopeUnitsCondition, type TaskScope, unitPathsUnder } from './task-scope.js';
import { closedDay, closedOnTime, hasTag, trajectoryBucket } from './task-stat-terms.js';
import type { TaskRow } from './tasks.repository.js';

/** Statuses in which a passed deadline means "overdue". */
export const OVERDUE_STATUSES = ['assigned', 'in_progress', 'returned'] as const;

export type TaskSort = 'deadline' | '-deadline' | 'updated' | '-updated' | 'number' | '-number';

export interface TaskListFilter {
  scope: TaskScope;
  today: string;
  unit?: { path: string; id: number; includeSubunits: boolean; role: 'lead' | 'cooperating' | 'any' } | undefined;
  statuses?: string[] | undefined;
  isKey?: boolean | undefined;
  responsiblePersonId?: number | undefined;
  responsibleLeaderId?: number | undefined;
  sourceId?: number | undefined;
  /** Only tasks of this kind (`rectification`, issue 7). */
  kind?: string | undefined;
  parent?: 'root' | number | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  overdue?: boolean | undefined;
  unacknowledged?: boolean | undefined;
  /** Only tasks showing one of these lights (tasks_health_idx). */
  lights?: string[] | undefined;
  /** Only tasks with this health flag bit set (HEALTH_FLAG_BITS). */
  flagBit?: number | undefined;
  /** Only tasks led under any of these unit paths. */
  leadPaths?: readonly string[] | undefined;
  tag?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  onTime?: boolean | undefined;
  trajectory?: string | undefined;
  periodId?: number | undefined;
  q?: string | undefined;
  /** Only these ids (bulk checks, inbox). */
  ids?: readonly number[] | undefined;
  sort: TaskSort;
  /** Keyset position after which the page starts: [sort key, id]. */
  after?: [string, number] | undefined;
  limit: number;
}

/** The sort key expression; null deadlines sort last (as a far-future date). */
function sortKey(sort: TaskSort) {
  const field = sort.replace('-', '');
  if (field === 'deadline') return sql<string>`coalesce(tasks.deadline, '9999-12-31')`;
  if (field === 'number') return sql<string>`tasks.number`;
  return sql<string>`tasks.updated_at`;
}

/**
 * The filter's status and deadline conditions on the copies task_units keeps of them (migration
 * 0006, alias `tu` or `fu`), so an id list taken from task_units is narrowed before any task row
 * is read. The same conditions are applied to `tasks` as well; they agree by construction.
 */
function copiedConditions(alias: 'tu' | 'fu', f: TaskListFilter): Expression<SqlBool>[] {
  const status = sql.ref(`${alias}.status`);
  const deadline = sql.ref(`${alias}.deadline`);
  const out: Expression<SqlBool>[] = [];
  if (f.statuses?.length) out.push(sql<SqlBool>`${status} in (${sql.join(f.statuses)})`);
  if (f.overdue === true) {
    out.push(sql<SqlBool>`${status} in (${sql.join(OVERDUE_STATUSES)})`, sql<SqlBool>`${deadline} < ${f.today}`);
  } else if (f.overdue === false) {
    out.push(
      sql<SqlBool>`(${status} not in (${sql.join(OVERDUE_STATUSES)}) or ${deadline} is null or ${deadline} >= ${f.today})`,
    );
  }
  if (f.deadlineFrom) out.push(sql<SqlBool>`${deadline} >= ${f.deadlineFrom}`);
  if (f.deadlineTo) out.push(sql<SqlBool>`${deadline} <= ${f.deadlineTo}`);
  if (f.unacknowledged === true) out.push(sql<SqlBool>`${status} = 'assigned'`);
  if (f.unacknowledged === false) out.push(sql<SqlBool>`${status} <> 'assigned'`);
  if (!f.scope.all) out.push(sql<SqlBool>`${status} <> 'draft'`);
  return out;
}

/**
 * Tasks of a unit: as lead — the lead unit's path among the subtree's paths (tasks_lead_path_idx:
 * one seek per unit to its status and deadline range, covering the sort key) or the lead unit
 * itself (tasks_lead_unit_idx); as cooperating or either — the task ids the unit (or its subtree)
 * has in task_units with the filter's status and deadline (task_units_unit_idx /
 * task_units_path_idx, which hold copies of both).
 */
function unitCondition(
  eb: ExpressionBuilder<DB, 'tasks'>,
  unit: NonNullable<TaskListFilter['unit']>,
  dialect: 'sqlite' | 'postgres',
  f: TaskListFilter,
) {
  if (unit.role === 'lead') {
    return unit.includeSubunits
      ? inSubquery(dialect, 'tasks.lead_unit_path', unitPathsUnder(eb, unit.path))
      : eb('tasks.lead_unit_id', '=', unit.id);
  }
  const taskIds = eb
    .selectFrom('task_units as fu')
    .select('fu.task_id')
    .where((inner) => inner.and([unitRowCondition(inner, unit, dialect), ...copiedConditions('fu', f)]));
  return inSubquery(dialect, 'tasks.id', taskIds);
}

/** A non-lead unit filter as a condition on one task_units row (alias `fu`). */
function unitRowCondition(
  eb: Pick<ExpressionBuilder<DB, keyof DB>, 'selectFrom' | 'and' | 'lit'>,
  unit: NonNullable<TaskListFilter['unit']>,
  dialect: 'sqlite' | 'postgres',
): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [
    unit.includeSubunits
      ? inSubquery(dialect, 'fu.unit_path', unitPathsUnder(eb, unit.path))
      : sql<SqlBool>`fu.unit_id = ${unit.id}`,
  ];
  if (unit.role === 'cooperating') where.push(sql<SqlBool>`fu.role = 'cooperating'`);
  return eb.and(where);
}

/**
 * The page's ids straight from task_units, when every filter is one task_units can answer: the
 * units (the caller's scope, or a unit filter "as cooperating / either" for those who see all),
 * status and deadline (copied there), newest first. task_units_unit_idx is then walked in sort
 * order and stops at the page's end (a department's staff: 51 index entries, not ~4,600 tasks);
 * a subtree reads its index entries only (task_units_path_idx), never a task row, before the
 * sort. Anything else (search, key flag, people, source, parent, other sorts, a unit filter within
 * a limited scope) returns undefined and goes through the general query.
 */
function taskUnitsPage(db: Executor, dialect: 'sqlite' | 'postgres', f: TaskListFilter) {
  if (!f.sort.endsWith('updated') || f.q || f.ids || f.isKey !== undefined || f.parent !== undefined) return undefined;
  if (f.responsiblePersonId || f.responsibleLeaderId || f.sourceId || f.kind) return undefined;
  if (f.lights?.length || f.flagBit) return undefined;
  if (f.leadPaths || f.tag || f.closedFrom || f.closedTo || f.onTime !== undefined || f.trajectory || f.periodId) {
    return undefined;
  }
  let rows: (eb: ExpressionBuilder<DB & { fu: DB['task_units'] }, 'fu'>) => Expression<SqlBool>;
  let unique: boolean;
  if (f.scope.all) {
    const unit = f.unit;
    if (!unit || unit.role === 'lead') return undefined;
    rows = (eb) => unitRowCondition(eb, unit, dialect);
    unique = !unit.includeSubunits;
  } else {
    if (f.unit) return undefined;
    const scope = f.scope;
    rows = (eb) => scopeUnitsCondition(eb, scope, dialect, 'fu');
    unique = scope.unitPaths.length === 0 && scope.unitIds.length === 1;
  }
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  let page = db
    .selectFrom('task_units as fu')
    .select(['fu.updated_at', 'fu.task_id'])
    .where((eb) => eb.and([rows(eb), ...copiedConditions('fu', f)]));
  if (f.after) {
    const [value, id] = f.after;
    page = page.where((eb) =>
      direction === 'desc'
        ? eb.or([eb('fu.updated_at', '<', value), eb.and([eb('fu.updated_at', '=', value), eb('fu.task_id', '<', id)])])
        : eb.or([
            eb('fu.updated_at', '>', value),
            eb.and([eb('fu.updated_at', '=', value), eb('fu.task_id', '>', id)]),
          ]),
    );
  }
  if (!unique) page = page.distinct();
  return page.orderBy('fu.updated_at', direction).orderBy('fu.task_id', direction).limit(f.limit);
}

/**
 * A page of tasks matching the filters, always within the caller's scope (the scope is part of the
 * query, never applied afterwards). Keyset pagination on (sort key, id). Search uses the FTS5
 * trigram index on SQLite and the pg_trgm GIN index on PostgreSQL for 3+ characters; shorter
 * strings fall back to LIKE over the otherwise-filtered set.
 *
 * Two steps in one statement: the ids of the page first (filters, sort and limit, which an index
 * can often answer alone, e.g. tasks_lead_path_idx holds status, deadline and updated_at), then the
 * page's rows by primary key. SQLite otherwise reads every matching row in full before sorting.
 */
export function listTaskRows(db: Executor, dialect: 'sqlite' | 'postgres', f: TaskListFilter): Promise<TaskRow[]> {
  const descending = f.sort.startsWith('-');
  const key = sortKey(f.sort);
  const direction = descending ? 'desc' : 'asc';
  const fromUnits = taskUnitsPage(db, dialect, f);
  if (fromUnits) {
    return db
      .selectFrom('tasks')
      .selectAll('tasks')
      .where('tasks.id', 'in', db.selectFrom(fromUnits.as('p')).select('p.task_id'))
      .orderBy(key, direction)
      .orderBy('tasks.id', direction)
      .execute();
  }
  let query = baseQuery(db).where((eb) => scopeCondition(eb, f.scope, dialect, copiedConditions('tu', f)));
  if (f.ids) query = query.where('tasks.id', 'in', f.ids.length ? f.ids : [0]);
  if (f.unit) {
    const unit = f.unit;
    query = query.where((eb) => unitCondition(eb, unit, dialect, f));
  }
  if (f.statuses?.length) query = query.where('tasks.status', 'in', f.statuses);
  // Drafts are the supervision office's own until assigned (requireVisibleTask says the same).
  if (!f.scope.all) query = query.where('tasks.status', '<>', 'draft');
  if (f.isKey !== undefined) query = query.where('tasks.is_key', '=', f.isKey ? 1 : 0);
  if (f.responsiblePersonId) query = query.where('tasks.responsible_person_id', '=', f.responsiblePersonId);
  if (f.responsibleLeaderId) query = query.where('tasks.responsible_leader_id', '=', f.responsibleLeaderId);
  if (f.sourceId) query = query.where('tasks.source_id', '=', f.sourceId);
  if (f.kind) query = query.where('tasks.kind', '=', f.kind);
  if (f.parent === 'root') query = query.where('tasks.parent_id', 'is', null);
  else if (typeof f.parent === 'number') query = query.where('tasks.parent_id', '=', f.parent);
  if (f.deadlineFrom) query = query.where('tasks.deadline', '>=', f.deadlineFrom);
  if (f.deadlineTo) query = query.where('tasks.deadline', '<=', f.deadlineTo);
  if (f.overdue === true) {
    query = query.where('tasks.status', 'in', OVERDUE_STATUSES).where('tasks.deadline', '<', f.today);
  } else if (f.overdue === false) {
    query = query.where((eb) =>
      eb.or([
        eb('tasks.status', 'not in', OVERDUE_STATUSES),
        eb('tasks.deadline', 'is', null),
        eb('tasks.deadline', '>=', f.today),
      ]),
    );
  }
  if (f.unacknowledged === true) query = query.where('tasks.status', '=', 'assigned');
  if (f.unacknowledged === false) query = query.where('tasks.status', '!=', 'assigned');
  if (f.lights?.length) query = query.where('tasks.health_light', 'in', f.lights);
  if (f.flagBit) query = query.where(sql<SqlBool>`(tasks.health_flags & ${f.flagBit}) <> 0`);
  query = applyCockpitFilters(query, dialect, f);
  if (f.q) query = applySearch(query, dialect, f.q, f.sort);
  if (f.after) {
    const [value, id] = f.after;
    query = query.where((eb) =>
      descending
        ? eb.or([eb(key, '<', value), eb.and([eb(key, '=', value), eb('tasks.id', '<', id)])])
        : eb.or([eb(key, '>', value), eb.and([eb(key, '=', value), eb('tasks.id', '>', id)])]),
    );
  }
  const page = query.select('tasks.id').orderBy(key, direction).orderBy('tasks.id', direction).limit(f.limit);
  return db
    .selectFrom('tasks')
    .selectAll('tasks')
    .where('tasks.id', 'in', page)
    .orderBy(key, direction)
    .orderBy('tasks.id', direction)
    .execute();
}

/** The filters a cockpit figure drills down with (task-stat-terms.ts: the same terms it counts by). */
function applyCockpitFilters<Q extends TaskQuery>(query: Q, dialect: 'sqlite' | 'postgres', f: TaskListFilter): Q {
  let q = query as TaskQuery;
  if (f.leadPaths) {
    const paths = f.leadPaths;
    q = q.where((eb) =>
      eb.or(paths.map((path) => inSubquery(dialect, 'tasks.lead_unit_path', unitPathsUnder(eb, path)))),
    );
  }
  if (f.tag) q = q.where(hasTag('tasks', dialect, f.tag));
  if (f.closedFrom || f.closedTo || f.onTime !== undefined) q = q.where('tasks.status', '=', 'closed');
  if (f.closedFrom) q = q.where(closedDay('tasks', dialect), '>=', f.closedFrom);
  if (f.closedTo) q = q.where(closedDay('tasks', dialect), '<=', f.closedTo);
  if (f.onTime !== undefined) q = q.where(closedOnTime('tasks', dialect), '=', f.onTime ? 1 : 0);
  if (f.trajectory) q = q.where(trajectoryBucket('tasks'), '=', f.trajectory);
  if (f.periodId !== undefined) {
    const periodId = f.periodId;
    q = q.where('tasks.id', 'in', (eb) =>
      eb
        .selectFrom('assessment_tasks')
        .select('assessment_tasks.task_id')
        .where('assessment_tasks.period_id', '=', periodId),
    );
  }
  return q as Q;
}

type TaskQuery = ReturnType<typeof baseQuery>;
function baseQuery(db: Executor) {
  return db.selectFrom('tasks');
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applySearch<Q extends TaskQuery>(query: Q, dialect: 'sqlite' | 'postgres', q: string, sort: TaskSort): Q {
  const text = q.trim();
  const pattern = likePattern(text);
  if (dialect === 'postgres') {
    // Same expression as tasks_search_trgm_idx, so the GIN index serves it (3+ characters).
    return query.where(
      sql<boolean>`(tasks.title || ' ' || coalesce(tasks.description, '')) like ${pattern} escape '\\'`,
    ) as Q;
  }
  if ([...text].length >= 3) {
    const phrase = `"${text.replace(/"/g, '""')}"`;
    // A common phrase matches tens of thousands of tasks: starting from the matches would read each
    // of them to sort. When an index gives the sort order (tasks_updated_idx, the number's unique
    // index), the unary + keeps SQLite from starting there: it walks that index instead and stops
    // at the page's end, probing the match set built once (bounded by one pass over the index).
    const walk = !sort.endsWith('deadline');
    return query.where(
      walk
        ? sql<boolean>`+tasks.id in (select rowid from tasks_fts where tasks_fts match ${phrase})`
        : sql<boolean>`tasks.id in (select rowid from tasks_fts where tasks_fts match ${phrase})`,
    ) as Q;
  }
  return query.where(
    sql<boolean>`(tasks.title like ${pattern} escape '\\' or coalesce(tasks.description, '') like ${pattern} escape '\\')`,
  ) as Q;
}

/** The value of a row's sort key, for the next cursor. */
export function sortValueOf(row: TaskRow, sort: TaskSort): string {
  const field = sort.replace('-', '');
  if (field === 'deadline') return row.deadline ?? '9999-12-31';
  if (field === 'number') return row.number;
  return row.updated_at;
}
