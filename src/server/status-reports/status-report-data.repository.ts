import type { Dialect, Executor } from '../db/connect.js';
import { scopeCondition, type TaskScope } from '../tasks/task-scope.js';

// The facts an implementation report is generated from, read from the tables of the features that
// own them (sources, assessment periods, tasks, progress reports, coordination requests).

/** Rows per IN list (well under either database's limit on bound parameters). */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK));
  return out;
}

export function findSourceSubject(db: Executor, id: number) {
  return db.selectFrom('sources').select(['id', 'title', 'doc_number']).where('id', '=', id).executeTakeFirst();
}

export function findPeriodSubject(db: Executor, id: number) {
  return db.selectFrom('assessment_periods').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** A task reported on, with its lead unit's name. */
export interface ItemTaskRow {
  id: number;
  parent_id: number | null;
  number: string;
  title: string;
  status: string;
  deadline: string | null;
  closed_at: string | null;
  progress: number;
  health_light: string | null;
  lead_unit_name: string | null;
}

/**
 * The tasks of a source (tasks_source_idx; subtasks carry their parent's source) or of a period
 * (assessment_tasks, as resolved at its last computation), within the caller's task scope; drafts
 * and cancelled tasks are not reported. At most `limit` rows (the caller checks for overflow).
 */
export function listItemTasks(
  db: Executor,
  dialect: Dialect,
  input: { sourceId: number | null; periodId: number | null; scope: TaskScope; limit: number },
): Promise<ItemTaskRow[]> {
  let query = db
    .selectFrom('tasks')
    .leftJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select([
      'tasks.id',
      'tasks.parent_id',
      'tasks.number',
      'tasks.title',
      'tasks.status',
      'tasks.deadline',
      'tasks.closed_at',
      'tasks.progress',
      'tasks.health_light',
      'units.name as lead_unit_name',
    ])
    .where('tasks.status', 'not in', ['draft', 'cancelled'])
    .where((eb) => scopeCondition(eb, input.scope, dialect));
  if (input.sourceId !== null) query = query.where('tasks.source_id', '=', input.sourceId);
  if (input.periodId !== null) {
    const periodId = input.periodId;
    query = query.where('tasks.id', 'in', (eb) =>
      eb.selectFrom('assessment_tasks').select('task_id').where('period_id', '=', periodId),
    );
  }
  return query.orderBy('tasks.id').limit(input.limit).execute();
}

/** A progress report submitted in the window (reports_task_idx on task_id). */
export interface WindowReportRow {
  task_id: number;
  role: string;
  status: string;
  done_text: string;
  problems: string;
  next_steps: string;
  coordination: string;
  submitted_at: string | null;
}

/**
 * The reports of these tasks submitted within [fromIso, toIso) and not sent back or left as
 * drafts, newest first: what units said they did, the problems they raised and what comes next.
 */
export async function listWindowReports(
  db: Executor,
  input: { taskIds: readonly number[]; fromIso: string; toIso: string },
): Promise<WindowReportRow[]> {
  const rows: WindowReportRow[] = [];
  for (const ids of chunks(input.taskIds)) {
    rows.push(
      ...(await db
        .selectFrom('reports')
        .select(['task_id', 'role', 'status', 'done_text', 'problems', 'next_steps', 'coordination', 'submitted_at'])
        .where('task_id', 'in', ids)
        .where('status', 'in', ['pending_head', 'pending_supervisor', 'accepted'])
        .where('submitted_at', '>=', input.fromIso)
        .where('submitted_at', '<', input.toIso)
        .execute()),
    );
  }
  return rows.sort((a, b) => (b.submitted_at ?? '').localeCompare(a.submitted_at ?? ''));
}

/** A coordination request of one of the tasks, with the names of who asked and who is asked. */
export interface ItemCoordinationRow {
  id: number;
  task_id: number;
  matter: string;
  status: string;
  due_date: string;
  from_unit_name: string | null;
  to_unit_name: string | null;
  to_leader_name: string | null;
}

/** Coordination requests still waiting (open, accepted, escalated) or raised in the window. */
export async function listItemCoordination(
  db: Executor,
  input: { taskIds: readonly number[]; fromIso: string; toIso: string },
): Promise<ItemCoordinationRow[]> {
  const rows: ItemCoordinationRow[] = [];
  for (const ids of chunks(input.taskIds)) {
    rows.push(
      ...(await db
        .selectFrom('coordination_requests as c')
        .leftJoin('units as fu', 'fu.id', 'c.from_unit_id')
        .leftJoin('units as tu', 'tu.id', 'c.to_unit_id')
        .leftJoin('users as tl', 'tl.id', 'c.to_leader_id')
        .select([
          'c.id',
          'c.task_id',
          'c.matter',
          'c.status',
          'c.due_date',
          'fu.name as from_unit_name',
          'tu.name as to_unit_name',
          'tl.display_name as to_leader_name',
        ])
        .where('c.task_id', 'in', ids)
        .where((eb) =>
          eb.or([
            eb('c.status', 'in', ['open', 'accepted', 'escalated']),
            eb.and([eb('c.created_at', '>=', input.fromIso), eb('c.created_at', '<', input.toIso)]),
          ]),
        )
        .orderBy('c.id')
        .execute()),
    );
  }
  return rows;
}
