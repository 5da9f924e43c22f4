import { localDate } from '../../domain/dates.js';
import { INSTRUCTION_LIMITS, type InstructionBox } from '../../shared/instructions-api.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Dialect, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { notify } from '../notifications/notifications.service.js';
import { can } from '../policy.js';
import { inChargePaths, relationsTo, requireVisibleTask, taskScopeFor } from '../tasks/task-access.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { findTaskRows, listTaskUnitRows, type TaskRow, type TaskUnitRow } from '../tasks/tasks.repository.js';
import {
  findTargetRow,
  type InstructionTargetRow,
  insertInstructionRow,
  insertTargetRows,
  listTargetRows,
  listTaskTargetRows,
  setTargetResponse,
} from './instructions.repository.js';

export interface InstructionDeps {
  db: Database;
  config: Config;
}

/** Task statuses an instruction may be written on: assigned and not finished. */
const INSTRUCTABLE_STATUSES: readonly string[] = [
  'assigned',
  'in_progress',
  'closure_requested',
  'returned',
  'suspended',
];

/** A listed target and whether the caller may respond to it. */
export interface ListedTarget {
  row: InstructionTargetRow;
  overdue: boolean;
  canRespond: boolean;
}

/** Text cut to `max` characters (an ellipsis marks the cut). */
export function excerpt(text: string, max: number): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function isMember(actor: Actor): boolean {
  return actor.roles.has('unit_head') || actor.roles.has('unit_staff');
}

/** The lead unit's head and staff answer — the unit the instruction went to, or the task's lead unit now. */
function mayRespond(actor: Actor, row: InstructionTargetRow): boolean {
  if (row.responded_at !== null || !isMember(actor) || actor.unitId === null) return false;
  return actor.unitId === row.unit_id || actor.unitId === row.task_lead_unit_id;
}

function listed(actor: Actor, today: string, rows: readonly InstructionTargetRow[]): ListedTarget[] {
  return rows.map((row) => ({
    row,
    overdue: row.responded_at === null && row.respond_by < today,
    canRespond: mayRespond(actor, row),
  }));
}

/** Checks every task of a new instruction at once: visible (404), the caller's to instruct (403), open (409). */
async function instructableTasks(db: Executor, actor: Actor, taskIds: readonly number[]): Promise<TaskRow[]> {
  const ids = [...new Set(taskIds)];
  const [rows, units, paths] = await Promise.all([
    findTaskRows(db, ids),
    listTaskUnitRows(db, ids),
    inChargePaths(db, actor),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unitsOf = new Map<number, TaskUnitRow[]>(ids.map((id) => [id, []]));
  for (const unit of units) unitsOf.get(unit.task_id)?.push(unit);
  return ids.map((id) => {
    const field = `taskIds.${taskIds.indexOf(id)}`;
    const task = byId.get(id);
    const relations = task ? relationsTo(actor, unitsOf.get(id) ?? [], paths) : [];
    const sees = relations.length > 0 && (task?.status !== 'draft' || can.seeAllTasks(actor));
    if (!task || !sees) throw new AppError('not_found', { object: 'task', id }, field);
    if (!relations.includes('leader') && !relations.includes('admin')) throw new AppError('forbidden', {}, field);
    if (!INSTRUCTABLE_STATUSES.includes(task.status))
      throw new AppError('task_not_open', { status: task.status }, field);
    return task;
  });
}

/**
 * A leader's instruction (批示) on one task or many (administrators may record one too): one
 * instruction, one target per task addressed to its lead unit, an entry on each task's timeline and
 * a notification to each lead unit's head and staff, who must report what they did by `respondBy`.
 */
export async function issueInstruction(
  deps: InstructionDeps,
  input: { taskIds: number[]; body: string; respondBy: string; actor: Actor },
): Promise<{ id: number; taskIds: number[] }> {
  const leaderId = input.actor.userId;
  if (leaderId === null || !(input.actor.roles.has('leader') || input.actor.roles.has('admin'))) {
    throw new AppError('forbidden');
  }
  const today = localDate(new Date(), deps.config.timeZone);
  if (input.respondBy < today) throw new AppError('date_in_past', { date: input.respondBy }, 'respondBy');
  return inTransaction(deps.db, async (trx) => {
    const tasks = await instructableTasks(trx, input.actor, input.taskIds);
    const now = nowIso();
    const body = input.body.trim();
    const id = await insertInstructionRow(trx, {
      leader_id: leaderId,
      body,
      respond_by: input.respondBy,
      created_at: now,
    });
    await insertTargetRows(
      trx,
      tasks.map((task) => ({ instruction_id: id, task_id: task.id, unit_id: task.lead_unit_id })),
    );
    const short = excerpt(body, INSTRUCTION_LIMITS.excerptMax);
    for (const task of tasks) {
      await recordTaskChange(trx, input.actor, {
        taskId: task.id,
        action: 'instruction_issued',
        at: now,
        reason: short,
        detail: { instructionId: id, body: short, respondBy: input.respondBy },
      });
      await notify(trx, {
        kind: 'instruction.issued',
        taskId: task.id,
        subjectType: 'instruction',
        subjectId: id,
        unitIds: task.lead_unit_id === null ? [] : [task.lead_unit_id],
        roles: ['unit_head', 'unit_staff'],
        params: { body: short, dueDate: input.respondBy },
        actor: input.actor,
      });
    }
    return { id, taskIds: tasks.map((task) => task.id) };
  });
}

/** The lead unit reports what it did on an instruction; once only (409 after that). */
export async function respondToInstruction(
  deps: InstructionDeps,
  input: { instructionId: number; taskId: number; response: string; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const target = await findTargetRow(trx, input.instructionId, input.taskId);
    if (!target) throw new AppError('not_found', { object: 'instruction' });
    const { task, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    const isLeadUnit =
      relations.includes('lead_unit') || (isMember(input.actor) && input.actor.unitId === target.unit_id);
    if (!isLeadUnit) throw new AppError('forbidden');
    const now = nowIso();
    const response = input.response.trim();
    const recorded =
      target.responded_at === null &&
      (await setTargetResponse(
        trx,
        { instructionId: input.instructionId, taskId: task.id },
        { response, responded_at: now, responded_by: input.actor.userId },
      ));
    if (!recorded) throw new AppError('supervision_action_illegal');
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'instruction_answered',
      at: now,
      reason: excerpt(response, 200),
      detail: { instructionId: input.instructionId },
    });
    await notify(trx, {
      kind: 'instruction.answered',
      taskId: task.id,
      subjectType: 'instruction',
      subjectId: input.instructionId,
      userIds: [target.leader_id],
      actor: input.actor,
    });
  });
}

/** The instructions on a task, newest first, and whether the caller may write one (404 out of scope). */
export async function getTaskInstructions(
  deps: InstructionDeps,
  input: { taskId: number; actor: Actor },
): Promise<{ items: ListedTarget[]; canIssue: boolean }> {
  const { task, relations } = await requireVisibleTask(deps.db, input.actor, input.taskId);
  const rows = await listTaskTargetRows(deps.db, task.id);
  const today = localDate(new Date(), deps.config.timeZone);
  const isLeader = relations.includes('leader') && input.actor.roles.has('leader');
  const mayIssue = input.actor.userId !== null && (isLeader || input.actor.roles.has('admin'));
  return { items: listed(input.actor, today, rows), canIssue: mayIssue && INSTRUCTABLE_STATUSES.includes(task.status) };
}

/**
 * The caller's instructions, newest first (keyset): `mine` — a leader's own, a unit's addressed to
 * it, everything for those who see every task; `unanswered` — of those, still unanswered; `all` —
 * on any task the caller may see.
 */
export async function listInstructions(
  deps: InstructionDeps & { dialect: Dialect },
  input: { box: InstructionBox; cursor?: string | undefined; limit: number; actor: Actor },
): Promise<{ items: ListedTarget[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined;
  if (after && !(Number.isInteger(after[0]) && Number.isInteger(after[1]))) {
    throw new AppError('invalid_cursor', {}, 'cursor');
  }
  const { actor } = input;
  const rows = await listTargetRows(
    deps.db,
    deps.dialect,
    {
      all: can.seeAllTasks(actor),
      leaderId: actor.roles.has('leader') ? actor.userId : null,
      unitId: isMember(actor) ? actor.unitId : null,
      scope: await taskScopeFor(deps.db, actor),
    },
    {
      box: input.box,
      after: after ? { instructionId: Number(after[0]), taskId: Number(after[1]) } : undefined,
      limit: input.limit + 1,
    },
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: listed(actor, localDate(new Date(), deps.config.timeZone), page),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.instruction_id, last.task_id]) : null,
  };
}
