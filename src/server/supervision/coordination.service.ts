import { localDate } from '../../domain/dates.js';
import { OPEN_STATUSES, type TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { requireVisibleTask, type VisibleTask } from '../tasks/task-access.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { lockTaskRows } from '../tasks/tasks.repository.js';
import { findUnitRow } from '../units/units.repository.js';
import {
  type CoordinationRow,
  insertCoordinationRow,
  isActiveLeader,
  listCoordinationEvents,
  listCoordinationRowsOfTask,
} from './coordination.repository.js';
import { isParty, partiesOf } from './coordination-flow.js';
import { notifyRequested } from './coordination-notify.js';
import { getSupervisionSettings } from './supervision-settings.service.js';

/** What coordination services need: the database and the time zone that says what "today" is. */
export interface CoordinationDeps {
  db: Database;
  config: Config;
}

/** Today as a local date in the configured time zone. */
export function todayOf(config: Config): string {
  return localDate(new Date(), config.timeZone);
}

export function isTaskOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status as TaskStatus);
}

/** 422 date_in_past unless the date is today or later. */
export function assertNotPast(date: string, today: string, field: string): void {
  if (date < today) throw new AppError('date_in_past', { date }, field);
}

/**
 * The target of a request, checked: exactly one of another, existing, active unit or an active
 * leader; `exclude` adds units that may not be asked (the one passing it on). 422 otherwise.
 */
export async function checkTarget(
  db: Executor,
  input: { fromUnitId: number; toUnitId?: number | null; toLeaderId?: number | null; exclude?: readonly number[] },
): Promise<{ toUnitId: number | null; toLeaderId: number | null }> {
  const toUnitId = input.toUnitId ?? null;
  const toLeaderId = input.toLeaderId ?? null;
  if ((toUnitId === null) === (toLeaderId === null)) throw new AppError('coordination_target_invalid', {}, 'toUnitId');
  if (toUnitId !== null) {
    const unit = await findUnitRow(db, toUnitId);
    const refused = toUnitId === input.fromUnitId || (input.exclude ?? []).includes(toUnitId);
    if (!unit || unit.archived_at !== null || refused)
      throw new AppError('coordination_target_invalid', {}, 'toUnitId');
    return { toUnitId, toLeaderId: null };
  }
  if (toLeaderId === null || !(await isActiveLeader(db, toLeaderId))) {
    throw new AppError('coordination_target_invalid', {}, 'toLeaderId');
  }
  return { toUnitId: null, toLeaderId };
}

/** The task if the caller may see it, else null (not an error: parties to a request see it too). */
export async function visibleTaskOrNull(db: Executor, actor: Actor, taskId: number): Promise<VisibleTask | null> {
  try {
    return await requireVisibleTask(db, actor, taskId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** Each request's first request (chains follow previous_id; a previous request is always older). */
export function chainRoots(rows: readonly CoordinationRow[]): Map<number, number> {
  const roots = new Map<number, number>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    roots.set(row.id, row.previous_id === null ? row.id : (roots.get(row.previous_id) ?? row.id));
  }
  return roots;
}

/** The chains in which the caller is a party to at least one request. */
function chainsInvolving(rows: readonly CoordinationRow[], actor: Actor): CoordinationRow[] {
  const roots = chainRoots(rows);
  const mine = new Set(rows.filter((row) => isParty(partiesOf(actor, row))).map((row) => roots.get(row.id)));
  return rows.filter((row) => mine.has(roots.get(row.id)));
}

/** A task's coordination as the service answers it, before presentation. */
export interface TaskCoordination {
  rows: CoordinationRow[];
  events: Awaited<ReturnType<typeof listCoordinationEvents>>;
  requestUnits: Array<{ id: number; name: string }>;
  canRequest: boolean;
  bounceLimit: number;
  today: string;
}

/**
 * The task's coordination requests. Whoever sees the task sees them all; a unit or leader asked (or
 * escalated to) without seeing the task sees the chains it is part of; anyone else gets 404.
 */
export async function getTaskCoordination(
  deps: CoordinationDeps,
  input: { taskId: number; actor: Actor },
): Promise<TaskCoordination> {
  const { db } = deps;
  const { actor } = input;
  const visible = await visibleTaskOrNull(db, actor, input.taskId);
  const all = await listCoordinationRowsOfTask(db, input.taskId);
  const rows = visible ? all : chainsInvolving(all, actor);
  if (!visible && rows.length === 0) throw new AppError('not_found', { object: 'task' });
  const own = visible && actor.unitId !== null ? visible.units.find((unit) => unit.unit_id === actor.unitId) : null;
  const member = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
  const ownUnit = own && member ? await findUnitRow(db, own.unit_id) : undefined;
  const requestUnits = ownUnit ? [{ id: ownUnit.id, name: ownUnit.name }] : [];
  const [events, settings] = await Promise.all([listCoordinationEvents(db, input.taskId), getSupervisionSettings(db)]);
  return {
    rows,
    events,
    requestUnits,
    canRequest: requestUnits.length > 0 && visible !== null && isTaskOpen(visible.task.status),
    bounceLimit: settings.coordinationBounceLimit,
    today: todayOf(deps.config),
  };
}

/**
 * Files a request from a unit on the task (the caller's own, which must lead or cooperate on it) to
 * another unit or a leader, due on or after today, while the task is open. Answers the new id.
 */
export async function createCoordinationRequest(
  deps: CoordinationDeps,
  input: {
    taskId: number;
    fromUnitId?: number | undefined;
    toUnitId?: number | null | undefined;
    toLeaderId?: number | null | undefined;
    matter: string;
    dueDate: string;
    actor: Actor;
  },
): Promise<number> {
  const { actor } = input;
  const today = todayOf(deps.config);
  return inTransaction(deps.db, async (trx) => {
    const visible = await requireVisibleTask(trx, actor, input.taskId);
    await lockTaskRows(trx, [visible.task.id]);
    const fromUnitId = input.fromUnitId ?? actor.unitId;
    const member = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
    if (!member || fromUnitId === null || fromUnitId !== actor.unitId) throw new AppError('forbidden');
    if (!visible.units.some((unit) => unit.unit_id === fromUnitId)) throw new AppError('forbidden');
    if (!isTaskOpen(visible.task.status)) throw new AppError('task_not_open', { status: visible.task.status });
    const target = await checkTarget(trx, { fromUnitId, toUnitId: input.toUnitId, toLeaderId: input.toLeaderId });
    assertNotPast(input.dueDate, today, 'dueDate');
    const now = nowIso();
    const row = await insertCoordinationRow(trx, {
      task_id: visible.task.id,
      from_unit_id: fromUnitId,
      to_unit_id: target.toUnitId,
      to_leader_id: target.toLeaderId,
      matter: input.matter.trim(),
      due_date: input.dueDate,
      status: 'open',
      commitment_date: null,
      response: null,
      responded_by: null,
      responded_at: null,
      bounce_count: 0,
      previous_id: null,
      escalated_to_id: null,
      escalated_at: null,
      fulfilled_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await recordTaskChange(trx, actor, {
      taskId: row.task_id,
      action: 'coordination_requested',
      at: now,
      detail: { requestId: row.id, toUnitId: row.to_unit_id, toLeaderId: row.to_leader_id, dueDate: row.due_date },
    });
    await notifyRequested(trx, row, actor);
    return row.id;
  });
}
