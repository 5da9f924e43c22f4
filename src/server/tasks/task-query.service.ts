import type { z } from 'zod';
import { availableActions } from '../../domain/task-lifecycle.js';
import { CLOSURE_FLOW_TASK_ACTIONS } from '../../shared/closure-api.js';
import { HEALTH_FLAG_BITS } from '../../shared/health-api.js';
import type { listTasksQuery, taskDetailSchema } from '../../shared/task-api.js';
import type { TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Dialect } from '../db/connect.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { countSourceTasks, findSourceRow } from '../sources/sources.repository.js';
import { findUnitRow, findUnitRows } from '../units/units.repository.js';
import { loadLookups, presentTaskSummary, presentTaskUnits, type TaskSummaryView } from './task.presenter.js';
import { isSupervising, requireVisibleTask, taskScopeFor } from './task-access.js';
import { taskClock } from './task-clock.js';
import { listTaskRows, sortValueOf, type TaskListFilter } from './task-list.repository.js';
import { findTaskRows, listChildRows, listSubtreeRows, listTaskEventRows } from './tasks.repository.js';
import type { TaskDeps } from './tasks.service.js';

export interface QueryDeps extends TaskDeps {
  dialect: Dialect;
}

type ListQuery = z.output<typeof listTasksQuery>;

/** A page of the tasks the caller may see, filtered and sorted, with a keyset cursor. */
export async function listTasks(
  deps: QueryDeps,
  /** `ids`: only these tasks (callers inside the server, e.g. the cockpit's red key tasks). */
  input: ListQuery & { actor: Actor; ids?: readonly number[] },
): Promise<{ items: TaskSummaryView[]; nextCursor: string | null }> {
  const { db } = deps;
  const [scope, clock] = await Promise.all([taskScopeFor(db, input.actor), taskClock(db, deps.config)]);
  let unit: TaskListFilter['unit'];
  if (input.unitId) {
    const row = await findUnitRow(db, input.unitId);
    if (!row) return { items: [], nextCursor: null };
    unit = { id: row.id, path: row.path, includeSubunits: input.includeSubunits ?? false, role: input.unitRole };
  }
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined;
  const rows = await listTaskRows(db, deps.dialect, {
    scope,
    today: clock.today,
    unit,
    statuses: input.status,
    isKey: input.isKey,
    responsiblePersonId: input.responsiblePersonId,
    responsibleLeaderId: input.responsibleLeaderId,
    sourceId: input.sourceId,
    kind: input.kind,
    parent: input.parentId,
    deadlineFrom: input.deadlineFrom,
    deadlineTo: input.deadlineTo,
    overdue: input.overdue,
    unacknowledged: input.unacknowledged,
    lights: input.light,
    flagBit: input.flag ? HEALTH_FLAG_BITS[input.flag] : undefined,
    leadPaths: input.leadUnits ? (await findUnitRows(db, input.leadUnits)).map((row) => row.path) : undefined,
    tag: input.tag,
    closedFrom: input.closedFrom,
    closedTo: input.closedTo,
    onTime: input.onTime,
    trajectory: input.trajectory,
    periodId: input.periodId,
    ids: input.ids,
    q: input.q?.trim() || undefined,
    sort: input.sort,
    after: after ? [String(after[0]), Number(after[1])] : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const lookups = await loadLookups(db, page);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentTaskSummary(row, lookups, clock, deps.config.timeZone)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([sortValueOf(last, input.sort), last.id]) : null,
  };
}

/** One task with everything its page shows; out of scope → 404. */
export async function getTaskDetail(
  deps: TaskDeps,
  input: { taskId: number; actor: Actor },
): Promise<z.infer<typeof taskDetailSchema>> {
  const { db } = deps;
  const { task, relations, scope } = await requireVisibleTask(db, input.actor, input.taskId);
  const clock = await taskClock(db, deps.config);
  const ancestorIds = task.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== task.id);
  const [children, ancestors, events, source, sourceTaskCount] = await Promise.all([
    listChildRows(db, task.id),
    findTaskRows(db, ancestorIds),
    listTaskEventRows(db, task.id, 200),
    task.source_id ? findSourceRow(db, task.source_id) : undefined,
    task.source_id ? countSourceTasks(db, task.source_id) : 0,
  ]);
  const lookups = await loadLookups(
    db,
    [task, ...children],
    events.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])),
  );
  const summary = presentTaskSummary(task, lookups, clock, deps.config.timeZone);
  // Subtasks outside a limited scope are left out, as in the tree (and the list, and search).
  const visibleChildren =
    isSupervising(relations) || scope.all ? children : children.filter((child) => isInScope(child, lookups, scope));
  const ownUnit = lookups.taskUnits.get(task.id)?.find((u) => u.unit_id === input.actor.unitId);
  const actions = availableActions(task.status as TaskStatus, relations).filter(
    (action) =>
      !CLOSURE_FLOW_TASK_ACTIONS.includes(action) &&
      (action !== 'acknowledge' || (ownUnit !== undefined && ownUnit.acknowledged_at === null)),
  );
  return {
    ...summary,
    description: task.description,
    source: source
      ? {
          id: source.id,
          kind: source.kind as never,
          title: source.title,
          docNumber: source.doc_number,
          issuer: source.issuer,
          issuedOn: source.issued_on,
          hasFullText: Boolean(source.full_text),
          taskCount: sourceTaskCount,
          createdAt: source.created_at,
          updatedAt: source.updated_at,
          version: source.version,
        }
      : null,
    units: presentTaskUnits(task, lookups),
    ancestors: ancestorIds
      .map((id) => ancestors.find((a) => a.id === id))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, number: a.number, title: a.title })),
    children: visibleChildren.map((child) => presentTaskSummary(child, lookups, clock, deps.config.timeZone)),
    deadlineWorkingDays: task.deadline_working_days,
    assignedAt: task.assigned_at,
    closedAt: task.closed_at,
    createdBy:
      task.created_by === null ? null : { id: task.created_by, displayName: lookups.people.get(task.created_by) ?? '' },
    createdAt: task.created_at,
    allowedActions: actions,
    canEdit: isSupervising(relations),
    editablePartUnitId:
      relations.includes('cooperating_unit') && ownUnit?.role === 'cooperating' ? ownUnit.unit_id : null,
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      actor:
        e.actor_user_id === null
          ? null
          : { id: e.actor_user_id, displayName: lookups.people.get(e.actor_user_id) ?? '' },
      action: e.action,
      fromStatus: e.from_status as TaskStatus | null,
      toStatus: e.to_status as TaskStatus | null,
      reason: e.reason,
      detail: eventDetail(e.detail),
    })),
  };
}

/**
 * A task's whole subtree, parents before children. The caller must see the root; subtasks outside
 * the caller's scope are left out (a unit sees only the parts it is in).
 */
export async function getTaskTree(deps: TaskDeps, input: { taskId: number; actor: Actor }): Promise<TaskSummaryView[]> {
  const { db } = deps;
  const { task, relations, scope } = await requireVisibleTask(db, input.actor, input.taskId);
  const [rows, clock] = await Promise.all([listSubtreeRows(db, task.path), taskClock(db, deps.config)]);
  const lookups = await loadLookups(db, rows);
  const visible =
    scope.all || isSupervising(relations)
      ? rows
      : rows.filter((row) => row.id === task.id || isInScope(row, lookups, scope));
  return visible.map((row) => presentTaskSummary(row, lookups, clock, deps.config.timeZone));
}

/** Whether a row is in a limited scope: one of its units is, and it is not a draft (drafts are the office's own). */
function isInScope(
  row: { id: number; status: string },
  lookups: Awaited<ReturnType<typeof loadLookups>>,
  scope: Awaited<ReturnType<typeof taskScopeFor>>,
) {
  if (row.status === 'draft') return false;
  const units = lookups.taskUnits.get(row.id) ?? [];
  return units.some((u) => scope.unitIds.includes(u.unit_id) || scope.unitPaths.some((p) => u.unit_path.startsWith(p)));
}

/** What waits for me and my unit: to acknowledge, returned, overdue; closure requests for supervisors. */
export async function getInbox(deps: QueryDeps, input: { actor: Actor }) {
  const { db } = deps;
  const actor = input.actor;
  const clock = await taskClock(db, deps.config);
  const scope = await taskScopeFor(db, actor);
  const base = { scope, today: clock.today, sort: 'deadline' as const, limit: 50 };
  const unitId = actor.unitId;
  const member = unitId !== null && (actor.roles.has('unit_head') || actor.roles.has('unit_staff'));
  const unitPath = member ? (await findUnitRow(db, unitId))?.path : undefined;
  const ownUnit = member && unitPath ? { id: unitId, path: unitPath, includeSubunits: false } : undefined;
  const [toAcknowledge, returned, overdue, closureRequests] = await Promise.all([
    ownUnit ? listUnacknowledgedForUnit(db, deps.dialect, base, ownUnit.id) : [],
    ownUnit
      ? listTaskRows(db, deps.dialect, { ...base, unit: { ...ownUnit, role: 'lead' }, statuses: ['returned'] })
      : [],
    ownUnit ? listTaskRows(db, deps.dialect, { ...base, unit: { ...ownUnit, role: 'any' }, overdue: true }) : [],
    actor.roles.has('supervisor') || actor.roles.has('admin')
      ? listTaskRows(db, deps.dialect, { ...base, statuses: ['closure_requested'] })
      : [],
  ]);
  const lookups = await loadLookups(db, [...toAcknowledge, ...returned, ...overdue, ...closureRequests]);
  const present = (rows: typeof toAcknowledge) =>
    rows.map((row) => presentTaskSummary(row, lookups, clock, deps.config.timeZone));
  return {
    toAcknowledge: present(toAcknowledge),
    returned: present(returned),
    overdue: present(overdue),
    closureRequests: present(closureRequests),
  };
}

/** Open tasks where this unit (lead or cooperating) has not acknowledged yet (task_units_unit_idx). */
async function listUnacknowledgedForUnit(
  db: Database,
  dialect: Dialect,
  base: Pick<TaskListFilter, 'scope' | 'today' | 'sort' | 'limit'>,
  unitId: number,
) {
  const rows = await db
    .selectFrom('task_units')
    .select('task_id')
    .where('unit_id', '=', unitId)
    .where('acknowledged_at', 'is', null)
    .limit(500)
    .execute();
  if (rows.length === 0) return [];
  return listTaskRows(db, dialect, {
    ...base,
    ids: rows.map((r) => r.task_id),
    statuses: ['assigned', 'in_progress', 'returned'],
  });
}

/** An event's particulars for the timeline: the scalar members of its JSON detail, or null. */
function eventDetail(json: string | null): Record<string, string | number | boolean | null> | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const scalars = Object.entries(parsed).filter(
      (entry): entry is [string, string | number | boolean | null] =>
        entry[1] === null || ['string', 'number', 'boolean'].includes(typeof entry[1]),
    );
    return scalars.length > 0 ? Object.fromEntries(scalars) : null;
  } catch {
    return null;
  }
}
