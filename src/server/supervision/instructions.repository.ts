import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../db/connect.js';
import { scopeCondition, type TaskScope } from '../tasks/task-scope.js';

type Dialect = 'sqlite' | 'postgres';

/** One instruction on one task, with what lists show of the instruction and the task. */
export interface InstructionTargetRow {
  instruction_id: number;
  task_id: number;
  unit_id: number | null;
  response: string | null;
  responded_at: string | null;
  responded_by: number | null;
  leader_id: number;
  body: string;
  respond_by: string;
  created_at: string;
  task_number: string;
  task_title: string;
  task_lead_unit_id: number | null;
  task_count: number;
}

export async function insertInstructionRow(
  db: Executor,
  values: { leader_id: number; body: string; respond_by: string; created_at: string },
): Promise<number> {
  const row = await db.insertInto('instructions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTargetRows(
  db: Executor,
  rows: ReadonlyArray<{ instruction_id: number; task_id: number; unit_id: number | null }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('instruction_targets')
    .values(rows.map((row) => ({ ...row, response: null, responded_at: null, responded_by: null })))
    .execute();
}

/** The joined target rows, for every read below. */
function targetQuery(db: Executor) {
  return db
    .selectFrom('instruction_targets as it')
    .innerJoin('instructions as i', 'i.id', 'it.instruction_id')
    .innerJoin('tasks', 'tasks.id', 'it.task_id')
    .select([
      'it.instruction_id',
      'it.task_id',
      'it.unit_id',
      'it.response',
      'it.responded_at',
      'it.responded_by',
      'i.leader_id',
      'i.body',
      'i.respond_by',
      'i.created_at',
      'tasks.number as task_number',
      'tasks.title as task_title',
      'tasks.lead_unit_id as task_lead_unit_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('instruction_targets as n')
        .select((inner) => inner.fn.countAll<number>().as('c'))
        .whereRef('n.instruction_id', '=', 'it.instruction_id')
        .as('task_count'),
    );
}

/** One instruction's target on a task (the primary key). */
export function findTargetRow(db: Executor, instructionId: number, taskId: number) {
  return targetQuery(db)
    .where('it.instruction_id', '=', instructionId)
    .where('it.task_id', '=', taskId)
    .executeTakeFirst() as Promise<InstructionTargetRow | undefined>;
}

/** The instructions on a task, newest first (instruction_targets_task_idx). */
export function listTaskTargetRows(db: Executor, taskId: number) {
  return targetQuery(db).where('it.task_id', '=', taskId).orderBy('it.instruction_id', 'desc').execute() as Promise<
    InstructionTargetRow[]
  >;
}

/**
 * Records the unit's response unless one is recorded already: answers whether this call recorded it
 * (a concurrent second response finds responded_at set and changes nothing).
 */
export async function setTargetResponse(
  db: Executor,
  key: { instructionId: number; taskId: number },
  values: { response: string; responded_at: string; responded_by: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('instruction_targets')
    .set(values)
    .where('instruction_id', '=', key.instructionId)
    .where('task_id', '=', key.taskId)
    .where('responded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whose instructions a list shows; the conditions are OR-ed. */
export interface InstructionViewer {
  /** Sees every instruction (supervision, audit, administration). */
  all: boolean;
  /** A leader: the instructions they wrote. */
  leaderId: number | null;
  /** A unit member: the instructions to their unit. */
  unitId: number | null;
  /** For `all`: the tasks the caller may see. */
  scope: TaskScope;
}

export interface InstructionListFilter {
  box: 'mine' | 'unanswered' | 'all';
  /** Keyset: rows before (instruction id, task id), newest first. */
  after?: { instructionId: number; taskId: number } | undefined;
  limit: number;
}

/**
 * A page of instruction targets, newest first: `mine` — written by the leader, or to the unit (its
 * index instruction_targets_unit_idx), or every one for the supervision office; `unanswered` — the
 * same, still unanswered; `all` — on any task the caller may see.
 */
export function listTargetRows(
  db: Executor,
  dialect: Dialect,
  viewer: InstructionViewer,
  filter: InstructionListFilter,
): Promise<InstructionTargetRow[]> {
  let query = targetQuery(db).where((eb) => {
    if (filter.box === 'all') return scopeCondition(eb, viewer.scope, dialect);
    if (viewer.all) return eb.lit(true);
    const mine: Expression<SqlBool>[] = [];
    if (viewer.leaderId !== null) mine.push(eb('i.leader_id', '=', viewer.leaderId));
    if (viewer.unitId !== null) mine.push(eb('it.unit_id', '=', viewer.unitId));
    return mine.length ? eb.or(mine) : eb.lit(false);
  });
  if (filter.box === 'unanswered') query = query.where('it.responded_at', 'is', null);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('it.instruction_id', '<', after.instructionId),
        eb.and([eb('it.instruction_id', '=', after.instructionId), eb('it.task_id', '<', after.taskId)]),
      ]),
    );
  }
  return query
    .orderBy('it.instruction_id', 'desc')
    .orderBy('it.task_id', 'desc')
    .limit(filter.limit)
    .execute() as Promise<InstructionTargetRow[]>;
}

/**
 * The unanswered instructions on these tasks, for the escalation ladder: task id → its instructions'
 * ids (as strings, for occurrence keys) and response dates, oldest first. One query per 1000 tasks
 * (instruction_targets_task_idx), so a sweep over many tasks stays within bind-parameter limits.
 */
export async function listUnansweredInstructions(
  db: Executor,
  taskIds: number[],
): Promise<Map<number, { id: string; dueDate: string }[]>> {
  const result = new Map<number, { id: string; dueDate: string }[]>();
  const ids = [...new Set(taskIds)];
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await db
      .selectFrom('instruction_targets as it')
      .innerJoin('instructions as i', 'i.id', 'it.instruction_id')
      .select(['it.task_id', 'it.instruction_id', 'i.respond_by'])
      .where('it.task_id', 'in', ids.slice(start, start + 1000))
      .where('it.responded_at', 'is', null)
      .orderBy('it.task_id')
      .orderBy('it.instruction_id')
      .execute();
    for (const row of rows) {
      const list = result.get(row.task_id) ?? [];
      list.push({ id: String(row.instruction_id), dueDate: row.respond_by });
      result.set(row.task_id, list);
    }
  }
  return result;
}
