import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ReviewKind } from '../../shared/closure-api.js';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';

/** Whose decisions the caller makes: the supervision office, a unit's head, a leader over units. */
export interface Reviewer {
  supervision: boolean;
  /** The unit the caller heads (role unit_head), if any. */
  headUnitId: number | null;
  /** A leader: their id and the paths of their units in charge. */
  leader: { userId: number; paths: string[] } | null;
}

export interface ReviewFilter {
  kinds: readonly ReviewKind[];
  unitId?: number | undefined;
  key?: boolean | undefined;
  late?: boolean | undefined;
  flagged?: boolean | undefined;
  /** `YYYY-MM-DD` in the organisation's time zone: plans and closures are late past the task's deadline. */
  today: string;
  /** Reports at least this similar to another are flagged. */
  threshold: number;
  after?: { at: string; kind: string; id: number } | undefined;
  limit: number;
}

/** One waiting item: the subject, its task and unit, and what the filters look at. */
export interface ReviewRow {
  kind: ReviewKind;
  id: number;
  task_id: number;
  unit_id: number | null;
  status: string;
  at: string;
  submitted_at: string | null;
  late_days: number | null;
  similarity: number | null;
  period_end: string | null;
  task_number: string;
  task_title: string;
  task_is_key: number;
  task_deadline: string | null;
}

type TaskEb = ExpressionBuilder<DB, 'tasks'>;

/** Key-task and deadline filters on the task, shared by every kind. */
function taskFilters(eb: TaskEb, f: ReviewFilter, byDeadline: boolean): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.key !== undefined) out.push(eb('tasks.is_key', '=', f.key ? 1 : 0));
  if (byDeadline && f.late === true)
    out.push(eb.and([eb('tasks.deadline', 'is not', null), eb('tasks.deadline', '<', f.today)]));
  if (byDeadline && f.late === false)
    out.push(eb.or([eb('tasks.deadline', 'is', null), eb('tasks.deadline', '>=', f.today)]));
  return out;
}

/** "Waits for this caller" on a status column and the item's owning unit column. */
function waitsFor(
  eb: ExpressionBuilder<DB, keyof DB>,
  reviewer: Reviewer,
  status: string,
  ownerUnit: string,
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (reviewer.supervision) out.push(sql<SqlBool>`${sql.ref(status)} = 'pending_supervisor'`);
  if (reviewer.headUnitId !== null) {
    out.push(sql<SqlBool>`(${sql.ref(status)} = 'pending_head' and ${sql.ref(ownerUnit)} = ${reviewer.headUnitId})`);
  }
  return out.length ? out : [eb.lit(false)];
}

/** A leader's closures to confirm: theirs by name, or unnamed ones of lead units in their charge. */
function leaderWaits(eb: TaskEb, leader: NonNullable<Reviewer['leader']>): Expression<SqlBool> {
  if (leader.paths.length === 0) return eb.lit(false);
  const under = (column: string) =>
    sql.join(
      leader.paths.map((path) => sql`${sql.ref(column)} like ${`${path}%`}`),
      sql` or `,
    );
  const visible = sql<SqlBool>`exists (select 1 from task_units tu where tu.task_id = tasks.id and (${under('tu.unit_path')}))`;
  return sql<SqlBool>`(closure_applications.status = 'pending_leader' and (
    (tasks.responsible_leader_id = ${leader.userId} and ${visible})
    or (tasks.responsible_leader_id is null and (${under('tasks.lead_unit_path')}))))`;
}

const TASK_COLUMNS = [
  'tasks.number as task_number',
  'tasks.title as task_title',
  'tasks.is_key as task_is_key',
  'tasks.deadline as task_deadline',
] as const;

function plansBranch(db: Executor, reviewer: Reviewer, f: ReviewFilter) {
  return db
    .selectFrom('plans')
    .innerJoin('tasks', 'tasks.id', 'plans.task_id')
    .select([
      sql<ReviewKind>`cast('plan' as text)`.as('kind'),
      'plans.id as id',
      'plans.task_id as task_id',
      'tasks.lead_unit_id as unit_id',
      'plans.status as status',
      'plans.updated_at as at',
      'plans.submitted_at as submitted_at',
      sql<number | null>`cast(null as integer)`.as('late_days'),
      sql<number | null>`cast(null as double precision)`.as('similarity'),
      sql<string | null>`cast(null as text)`.as('period_end'),
      ...TASK_COLUMNS,
    ])
    .where((eb) =>
      eb.and([
        eb.or(waitsFor(eb, reviewer, 'plans.status', 'tasks.lead_unit_id')),
        ...taskFilters(eb, f, true),
        ...(f.unitId !== undefined ? [eb('tasks.lead_unit_id', '=', f.unitId)] : []),
      ]),
    );
}

function reportsBranch(db: Executor, reviewer: Reviewer, f: ReviewFilter) {
  return db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select([
      sql<ReviewKind>`cast('report' as text)`.as('kind'),
      'reports.id as id',
      'reports.task_id as task_id',
      'reports.unit_id as unit_id',
      'reports.status as status',
      'reports.updated_at as at',
      'reports.submitted_at as submitted_at',
      'reports.late_working_days as late_days',
      'reports.similarity as similarity',
      'reports.period_end as period_end',
      ...TASK_COLUMNS,
    ])
    .where((eb) => {
      const out = [eb.or(waitsFor(eb, reviewer, 'reports.status', 'reports.unit_id')), ...taskFilters(eb, f, false)];
      if (f.unitId !== undefined) out.push(eb('reports.unit_id', '=', f.unitId));
      if (f.late === true) out.push(eb('reports.late_working_days', '>', 0));
      if (f.late === false)
        out.push(eb.or([eb('reports.late_working_days', '=', 0), eb('reports.late_working_days', 'is', null)]));
      if (f.flagged === true) out.push(eb('reports.similarity', '>=', f.threshold));
      if (f.flagged === false)
        out.push(eb.or([eb('reports.similarity', '<', f.threshold), eb('reports.similarity', 'is', null)]));
      return eb.and(out);
    });
}

function closuresBranch(db: Executor, reviewer: Reviewer, f: ReviewFilter) {
  return db
    .selectFrom('closure_applications')
    .innerJoin('tasks', 'tasks.id', 'closure_applications.task_id')
    .select([
      sql<ReviewKind>`cast('closure' as text)`.as('kind'),
      'closure_applications.id as id',
      'closure_applications.task_id as task_id',
      'closure_applications.unit_id as unit_id',
      'closure_applications.status as status',
      'closure_applications.updated_at as at',
      'closure_applications.submitted_at as submitted_at',
      sql<number | null>`cast(null as integer)`.as('late_days'),
      sql<number | null>`cast(null as double precision)`.as('similarity'),
      sql<string | null>`cast(null as text)`.as('period_end'),
      ...TASK_COLUMNS,
    ])
    .where((eb) =>
      eb.and([
        eb.or([
          ...waitsFor(eb, reviewer, 'closure_applications.status', 'closure_applications.unit_id'),
          ...(reviewer.leader ? [leaderWaits(eb, reviewer.leader)] : []),
        ]),
        ...taskFilters(eb, f, true),
        ...(f.unitId !== undefined ? [eb('closure_applications.unit_id', '=', f.unitId)] : []),
      ]),
    );
}

/**
 * A page of what waits for the reviewer, newest first: plan versions, reports and closure
 * applications in the statuses the reviewer decides, as one UNION ALL ordered by when each reached
 * its status (keyset on at, kind, id). Each branch starts from its status index (plans_status_idx,
 * reports_status_idx, closure_applications_status_idx) and looks its task up by primary key.
 */
export function listReviewRows(db: Executor, reviewer: Reviewer, f: ReviewFilter): Promise<ReviewRow[]> {
  // The branches select the same columns; their static types differ only in nullability.
  type Branch = ReturnType<typeof closuresBranch>;
  const branches: Branch[] = [];
  if (f.kinds.includes('plan') && f.flagged !== true) branches.push(plansBranch(db, reviewer, f) as unknown as Branch);
  if (f.kinds.includes('report')) branches.push(reportsBranch(db, reviewer, f) as unknown as Branch);
  if (f.kinds.includes('closure') && f.flagged !== true) branches.push(closuresBranch(db, reviewer, f));
  const [first, ...rest] = branches;
  if (!first) return Promise.resolve([]);
  const union = rest.reduce((acc, branch) => acc.unionAll(branch), first);
  let query = db.selectFrom(union.as('q')).selectAll();
  if (f.after) {
    const { at, kind, id } = f.after;
    query = query.where((eb) =>
      eb.or([
        eb('q.at', '<', at),
        eb.and([eb('q.at', '=', at), eb('q.kind', '<', kind as ReviewKind)]),
        eb.and([eb('q.at', '=', at), eb('q.kind', '=', kind as ReviewKind), eb('q.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('q.at', 'desc')
    .orderBy('q.kind', 'desc')
    .orderBy('q.id', 'desc')
    .limit(f.limit)
    .execute() as Promise<ReviewRow[]>;
}
