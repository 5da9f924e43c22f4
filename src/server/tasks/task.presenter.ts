import type { z } from 'zod';
import type { taskSummarySchema } from '../../shared/task-api.js';
import type { TaskRelation } from '../../shared/tasks.js';
import type { Executor } from '../db/connect.js';
import { presentHealth } from '../supervision/health.presenter.js';
import { acknowledgeBy, type TaskClock } from './task-clock.js';
import { OVERDUE_STATUSES } from './task-list.repository.js';
import { listTaskUnitRows, type TaskRow, type TaskUnitRow } from './tasks.repository.js';

export type TaskSummaryView = z.infer<typeof taskSummarySchema>;

/** Names needed to present a page of tasks, loaded with one query per kind (no N+1). */
export interface TaskLookups {
  units: Map<number, string>;
  people: Map<number, string>;
  taskUnits: Map<number, TaskUnitRow[]>;
}

/** Loads unit names, people names and task units for a set of tasks. */
export async function loadLookups(
  db: Executor,
  tasks: readonly TaskRow[],
  extraPeople: number[] = [],
): Promise<TaskLookups> {
  const taskUnitRows = await listTaskUnitRows(
    db,
    tasks.map((t) => t.id),
  );
  const unitIds = [
    ...new Set([
      ...taskUnitRows.map((u) => u.unit_id),
      ...tasks.flatMap((t) => (t.lead_unit_id ? [t.lead_unit_id] : [])),
    ]),
  ];
  const personIds = [
    ...new Set([
      ...tasks.flatMap((t) => [t.responsible_leader_id, t.responsible_person_id, t.created_by]),
      ...taskUnitRows.map((u) => u.acknowledged_by),
      ...extraPeople,
    ]),
  ].filter((id): id is number => typeof id === 'number');
  const [units, people] = await Promise.all([
    unitIds.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [],
    personIds.length
      ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', personIds).execute()
      : [],
  ]);
  const taskUnits = new Map<number, TaskUnitRow[]>();
  for (const row of taskUnitRows) taskUnits.set(row.task_id, [...(taskUnits.get(row.task_id) ?? []), row]);
  return {
    units: new Map(units.map((u) => [u.id, u.name])),
    people: new Map(people.map((p) => [p.id, p.display_name])),
    taskUnits,
  };
}

function person(lookups: TaskLookups, id: number | null) {
  return id === null ? null : { id, displayName: lookups.people.get(id) ?? `#${id}` };
}

/** Whether a task is past its deadline while still open. */
export function isOverdue(task: TaskRow, today: string): boolean {
  return (
    (OVERDUE_STATUSES as readonly string[]).includes(task.status) && task.deadline !== null && task.deadline < today
  );
}

/** The list shape of a task: fields listed one by one, flags computed against today's calendar. */
export function presentTaskSummary(
  task: TaskRow,
  lookups: TaskLookups,
  clock: TaskClock,
  timeZone: string,
): TaskSummaryView {
  const units = lookups.taskUnits.get(task.id) ?? [];
  const unacknowledged = task.status === 'assigned';
  return {
    id: task.id,
    number: task.number,
    parentId: task.parent_id,
    depth: task.depth,
    title: task.title,
    kind: task.kind as TaskSummaryView['kind'],
    status: task.status as TaskSummaryView['status'],
    isKey: task.is_key === 1,
    priority: task.priority as TaskSummaryView['priority'],
    isPublic: task.is_public === 1,
    category: task.category,
    tags: JSON.parse(task.tags) as string[],
    sourceId: task.source_id,
    leadUnit:
      task.lead_unit_id === null ? null : { id: task.lead_unit_id, name: lookups.units.get(task.lead_unit_id) ?? '' },
    cooperatingUnitIds: units.filter((u) => u.role === 'cooperating').map((u) => u.unit_id),
    responsibleLeader: person(lookups, task.responsible_leader_id),
    responsiblePerson: person(lookups, task.responsible_person_id),
    startDate: task.start_date,
    deadline: task.deadline,
    originalDeadline: task.original_deadline,
    progress: task.progress,
    weight: task.weight,
    childCount: task.child_count,
    health: presentHealth(task),
    overdue: isOverdue(task, clock.today),
    unacknowledged,
    acknowledgementOverdue:
      unacknowledged && task.assigned_at !== null && clock.today > acknowledgeBy(clock, task.assigned_at, timeZone),
    updatedAt: task.updated_at,
    version: task.version,
  };
}

/** The units of a task for the detail view. */
export function presentTaskUnits(task: TaskRow, lookups: TaskLookups) {
  return (lookups.taskUnits.get(task.id) ?? [])
    .sort((a, b) => (a.role === b.role ? a.unit_id - b.unit_id : a.role === 'lead' ? -1 : 1))
    .map((u) => ({
      unitId: u.unit_id,
      unitName: lookups.units.get(u.unit_id) ?? '',
      role: u.role,
      part: u.part,
      acknowledgedAt: u.acknowledged_at,
      acknowledgedBy: person(lookups, u.acknowledged_by),
    }));
}

export type { TaskRelation };
