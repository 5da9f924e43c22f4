import {
  COORDINATION_STEPS,
  type CoordinationChainView,
  type CoordinationRequestView,
  type CoordinationStatsView,
  type CoordinationStatus,
  type CoordinationStep,
  type TaskCoordinationView,
} from '../../shared/coordination-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { inChargePaths, relationsTo } from '../tasks/task-access.js';
import { listTaskUnitRows } from '../tasks/tasks.repository.js';
import { unitNames } from '../units/unit-names.repository.js';
import { personNames } from '../users/people-names.repository.js';
import { type CoordinationRow, findSuccessorIds, taskRefs } from './coordination.repository.js';
import { chainRoots, isTaskOpen, type TaskCoordination } from './coordination.service.js';
import { allowedCoordinationActions, partiesOf } from './coordination-flow.js';
import type { countByTargetUnit } from './coordination-queue.repository.js';

// Coordination requests as the API answers them: fields listed one by one, units and people by name,
// and what is computed rather than stored — late commitments, overdue answers, awaiting a decision,
// and the caller's allowed actions.

type Names = Map<number, string>;

/** Of these tasks, those the caller may open (the relations requireVisibleTask checks). */
async function visibleTaskIds(db: Executor, actor: Actor, taskIds: readonly number[]): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const [units, paths] = await Promise.all([listTaskUnitRows(db, taskIds), inChargePaths(db, actor)]);
  return new Set(
    taskIds.filter(
      (taskId) =>
        relationsTo(
          actor,
          units.filter((unit) => unit.task_id === taskId),
          paths,
        ).length > 0,
    ),
  );
}

function ids(values: ReadonlyArray<number | null>): number[] {
  return values.filter((value): value is number => value !== null);
}

/** Requests as views for this caller, all names and successors read in one query each. */
export async function presentRequests(
  db: Executor,
  rows: readonly CoordinationRow[],
  context: { actor: Actor; today: string },
): Promise<CoordinationRequestView[]> {
  const taskIds = [...new Set(rows.map((row) => row.task_id))];
  const [next, units, people, tasks, visible] = await Promise.all([
    findSuccessorIds(
      db,
      rows.map((row) => row.id),
    ),
    unitNames(db, ids(rows.flatMap((row) => [row.from_unit_id, row.to_unit_id]))),
    personNames(
      db,
      ids(rows.flatMap((row) => [row.to_leader_id, row.responded_by, row.escalated_to_id, row.created_by])),
    ),
    taskRefs(db, taskIds),
    visibleTaskIds(db, context.actor, taskIds),
  ]);
  const unit = (id: number | null, names: Names) => (id === null ? null : { id, name: names.get(id) ?? '' });
  const person = (id: number | null) => (id === null ? null : { id, displayName: people.get(id) ?? '' });
  return rows.map((row) => {
    const task = tasks.get(row.task_id);
    const nextId = next.get(row.id) ?? null;
    const status = row.status as CoordinationStatus;
    return {
      id: row.id,
      task: { id: row.task_id, number: task?.number ?? '', title: task?.title ?? '' },
      taskVisible: visible.has(row.task_id),
      fromUnit: unit(row.from_unit_id, units) ?? { id: row.from_unit_id, name: '' },
      toUnit: unit(row.to_unit_id, units),
      toLeader: person(row.to_leader_id),
      matter: row.matter,
      dueDate: row.due_date,
      status,
      commitmentDate: row.commitment_date,
      response: row.response,
      respondedBy: person(row.responded_by),
      respondedAt: row.responded_at,
      bounceCount: row.bounce_count,
      previousId: row.previous_id,
      nextId,
      escalatedTo: person(row.escalated_to_id),
      escalatedAt: row.escalated_at,
      fulfilledAt: row.fulfilled_at,
      createdBy: person(row.created_by),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      isOverdue: status === 'open' && row.due_date < context.today,
      isLate: status === 'accepted' && row.commitment_date !== null && row.commitment_date < context.today,
      awaitsDecision: status === 'escalated' && nextId === null,
      allowedActions: allowedCoordinationActions(row, partiesOf(context.actor, row), {
        hasNext: nextId !== null,
        taskOpen: isTaskOpen(task?.status ?? ''),
      }),
    };
  });
}

/** The request a timeline entry is about (its detail names it), or null. */
function requestIdOf(detail: string | null): number | null {
  if (!detail) return null;
  try {
    const value = (JSON.parse(detail) as { requestId?: unknown }).requestId;
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** A task's requests grouped into chains (newest chain first), each with its steps from the timeline. */
export async function presentTaskCoordination(
  db: Executor,
  coordination: TaskCoordination,
  actor: Actor,
): Promise<TaskCoordinationView> {
  const { rows, events, today } = coordination;
  const views = await presentRequests(db, rows, { actor, today });
  const roots = chainRoots(rows);
  const actors = await personNames(db, ids(events.map((event) => event.actor_user_id)));
  const chains = new Map<number, CoordinationChainView>();
  for (const view of views) {
    const rootId = roots.get(view.id) ?? view.id;
    const chain = chains.get(rootId) ?? { rootId, bounceCount: 0, requests: [], history: [] };
    chain.requests.push(view);
    chain.bounceCount = Math.max(chain.bounceCount, view.bounceCount);
    chains.set(rootId, chain);
  }
  for (const event of events) {
    const requestId = requestIdOf(event.detail);
    const chain = requestId === null ? undefined : chains.get(roots.get(requestId) ?? -1);
    const step = event.action.slice('coordination_'.length) as CoordinationStep;
    if (!chain || requestId === null || !COORDINATION_STEPS.includes(step)) continue;
    chain.history.push({
      requestId,
      step,
      at: event.at,
      actor:
        event.actor_user_id === null
          ? null
          : { id: event.actor_user_id, displayName: actors.get(event.actor_user_id) ?? '' },
      reason: event.reason,
    });
  }
  return {
    chains: [...chains.values()].sort((a, b) => b.rootId - a.rootId),
    requestUnits: coordination.requestUnits,
    canRequest: coordination.canRequest,
    bounceLimit: coordination.bounceLimit,
    today,
  };
}

/** Per-unit counts, the unit's bounces being its declines and pass-ons; busiest bouncer first. */
export function presentStats(
  rows: Awaited<ReturnType<typeof countByTargetUnit>>,
  today: string,
): CoordinationStatsView {
  const items = rows.map((row) => ({
    unit: { id: row.unit_id, name: row.unit_name },
    received: row.received,
    declined: row.declined,
    passedOn: row.passed_on,
    bounces: row.declined + row.passed_on,
    escalated: row.escalated,
    open: row.open,
    late: row.late,
  }));
  items.sort((a, b) => b.bounces - a.bounces || b.late - a.late || b.received - a.received || a.unit.id - b.unit.id);
  return { items, today };
}
