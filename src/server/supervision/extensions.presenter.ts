import type { z } from 'zod';
import type {
  ExtensionStatus,
  extensionQueueItemSchema,
  extensionStepSchema,
  taskExtensionsSchema,
} from '../../shared/extensions-api.js';
import type { Executor } from '../db/connect.js';
import { findUnitRows } from '../units/units.repository.js';
import { personNames } from '../users/people-names.repository.js';
import type { ExtensionQueueRow } from './extensions.repository.js';
import type { TaskExtensions } from './extensions-view.service.js';

type TaskExtensionsView = z.infer<typeof taskExtensionsSchema>;
type StepView = z.infer<typeof extensionStepSchema>;
type QueueItemView = z.infer<typeof extensionQueueItemSchema>;

const STEP_OF: Record<string, StepView['step']> = {
  extension_requested: 'requested',
  extension_forwarded: 'forwarded',
  extension_approved: 'approved',
  extension_rejected: 'rejected',
  extension_withdrawn: 'withdrawn',
};

/** The request id a timeline entry names in its detail, if any. */
function extensionIdOf(detail: string | null): number | null {
  if (!detail) return null;
  try {
    const value: unknown = JSON.parse(detail);
    const id = (value as { extensionId?: unknown } | null)?.extensionId;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

type PersonOf = (id: number | null) => { id: number; displayName: string } | null;

async function peopleResolver(db: Executor, ids: Array<number | null>): Promise<PersonOf> {
  const names = await personNames(
    db,
    ids.filter((id): id is number => id !== null),
  );
  return (id) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
}

/** A task's extensions as the API answers them: fields listed one by one, people and units by name. */
export async function presentTaskExtensions(db: Executor, view: TaskExtensions): Promise<TaskExtensionsView> {
  const rows = view.requests.map((request) => request.row);
  const person = await peopleResolver(db, [
    ...rows.flatMap((row) => [row.requested_by, row.supervisor_decided_by, row.leader_decided_by]),
    ...view.events.map((event) => event.actor_user_id),
    ...view.deadlineChanges.map((change) => change.changed_by),
  ]);
  const units = new Map(
    (await findUnitRows(db, [...new Set(rows.map((row) => row.unit_id))])).map((unit) => [unit.id, unit.name]),
  );
  const steps = new Map<number, StepView[]>();
  for (const event of view.events) {
    const id = extensionIdOf(event.detail);
    const step = STEP_OF[event.action];
    if (id === null || !step) continue;
    const list = steps.get(id) ?? [];
    list.push({ step, at: event.at, actor: person(event.actor_user_id), comment: event.reason });
    steps.set(id, list);
  }
  return {
    originalDeadline: view.task.original_deadline,
    currentDeadline: view.task.deadline,
    approvedCount: view.approvedCount,
    limit: view.limit,
    leaderApproves: view.leaderApproves,
    canRequest: view.blocker === null,
    cannotRequestBecause: view.blocker,
    requests: view.requests.map(({ row, allowed }) => ({
      id: row.id,
      taskId: row.task_id,
      unit: { id: row.unit_id, name: units.get(row.unit_id) ?? '' },
      status: row.status as ExtensionStatus,
      reason: row.reason,
      progress: row.progress,
      progressNote: row.progress_note,
      deadlineAtRequest: row.deadline_at_request,
      proposedDeadline: row.proposed_deadline,
      needsLeader: row.needs_leader === 1,
      filedLate: row.filed_late === 1,
      decisionComment: row.decision_comment,
      requestedBy: person(row.requested_by),
      supervisorDecidedBy: person(row.supervisor_decided_by),
      supervisorDecidedAt: row.supervisor_decided_at,
      leaderDecidedBy: person(row.leader_decided_by),
      leaderDecidedAt: row.leader_decided_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      steps: steps.get(row.id) ?? [],
      allowedActions: allowed,
    })),
    deadlineChanges: view.deadlineChanges.map((change) => ({
      id: change.id,
      from: change.from_deadline,
      to: change.to_deadline,
      extensionId: change.extension_id,
      reason: change.reason,
      changedBy: person(change.changed_by),
      changedAt: change.changed_at,
    })),
  };
}

/** Queue rows as the API answers them. */
export async function presentExtensionQueue(
  db: Executor,
  rows: readonly ExtensionQueueRow[],
): Promise<QueueItemView[]> {
  const person = await peopleResolver(
    db,
    rows.map((row) => row.requested_by),
  );
  return rows.map((row) => ({
    id: row.id,
    status: row.status as ExtensionStatus,
    task: {
      id: row.task_id,
      number: row.task_number,
      title: row.task_title,
      isKey: Number(row.task_is_key) === 1,
      deadline: row.task_deadline,
      originalDeadline: row.task_original_deadline,
    },
    unit: { id: row.unit_id, name: row.unit_name },
    reason: row.reason,
    progress: row.progress,
    deadlineAtRequest: row.deadline_at_request,
    proposedDeadline: row.proposed_deadline,
    needsLeader: Number(row.needs_leader) === 1,
    filedLate: Number(row.filed_late) === 1,
    requestedBy: person(row.requested_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }));
}
