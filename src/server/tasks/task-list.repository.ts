import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { inSubquery, scopeCondition, type TaskScope, unitPathsUnder } from './task-scope.js';
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
  parent?: 'root' | number | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  overdue?: boolean | undefined;
  unacknowledged?: boolean | undefined;
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
 * Tasks of a unit: as lead — the lead unit's path among the subtree's paths (tasks_lead_path_idx:
 * one seek per unit to its status and deadline range, covering the sort key) or the lead unit
 * itself (tasks_lead_unit_idx); as cooperating or either — the task ids the unit (or its subtree)
 * has in task_units (task_units_unit_idx / task_units_path_idx).
 */
function unitCondition(
  eb: ExpressionBuilder<DB, 'tasks'>,
  unit: NonNullable<TaskListFilter['unit']>,
  dialect: 'sqlite' | 'postgres',
) {
  if (unit.role === 'lead') {
    return unit.includeSubunits
      ? inSubquery(dialect, 'tasks.lead_unit_path', unitPathsUnder(eb, unit.path))
      : eb('tasks.lead_unit_id', '=', unit.id);
  }
  const taskIds = eb
    .selectFrom('task_units as fu')
    .select('fu.task_id')
    .where((inner) =>
      unit.includeSubunits
        ? inSubquery(dialect, 'fu.unit_path', unitPathsUnder(eb, unit.path))
        : inner('fu.unit_id', '=', unit.id),
    )
    .$if(unit.role === 'cooperating', (q) => q.where('fu.role', '=', 'cooperating'));
  return inSubquery(dialect, 'tasks.id', taskIds);
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
  let query = baseQuery(db).where((eb) => scopeCondition(eb, f.scope, dialect));
  if (f.ids) query = query.where('tasks.id', 'in', f.ids.length ? f.ids : [0]);
  if (f.unit) {
    const unit = f.unit;
    query = query.where((eb) => unitCondition(eb, unit, dialect));
  }
  if (f.statuses?.length) query = query.where('tasks.status', 'in', f.statuses);
  if (f.isKey !== undefined) query = query.where('tasks.is_key', '=', f.isKey ? 1 : 0);
  if (f.responsiblePersonId) query = query.where('tasks.responsible_person_id', '=', f.responsiblePersonId);
  if (f.responsibleLeaderId) query = query.where('tasks.responsible_leader_id', '=', f.responsibleLeaderId);
  if (f.sourceId) query = query.where('tasks.source_id', '=', f.sourceId);
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
  if (f.q) query = applySearch(query, dialect, f.q, f.sort);
  if (f.after) {
    const [value, id] = f.after;
    query = query.where((eb) =>
      descending
        ? eb.or([eb(key, '<', value), eb.and([eb(key, '=', value), eb('tasks.id', '<', id)])])
        : eb.or([eb(key, '>', value), eb.and([eb(key, '=', value), eb('tasks.id', '>', id)])]),
    );
  }
  const direction = descending ? 'desc' : 'asc';
  const page = query.select('tasks.id').orderBy(key, direction).orderBy('tasks.id', direction).limit(f.limit);
  return db
    .selectFrom('tasks')
    .selectAll('tasks')
    .where('tasks.id', 'in', page)
    .orderBy(key, direction)
    .orderBy('tasks.id', direction)
    .execute();
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
