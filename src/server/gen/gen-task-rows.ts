import type { Selectable } from 'kysely';
import { taskNumber } from '../../domain/dates.js';
import type { TaskStatus } from '../../shared/tasks.js';
import type { TaskEventTable, TaskHealthColumn, TaskTable, TaskUnitTable } from '../db/schema-tasks.js';
import { dateOf, instantOf } from './gen-calendar.js';
import {
  CATEGORIES,
  DESCRIPTION_GOALS,
  DESCRIPTION_MEASURES,
  SUBTASK_STEPS,
  TAGS,
  TITLE_OBJECTS,
  TITLE_PLACES,
  TITLE_SUFFIXES,
  TITLE_VERBS,
  UNIT_PARTS,
} from './gen-data.js';
import type { GenNode } from './gen-forest.js';
import type { GenPerson } from './gen-organisation.js';
import type { Random } from './gen-random.js';

// Turns a generated tree into the rows the database stores, with every denormalised column filled
// as the services would: path/depth, lead_unit_path, child_count, progress rolled up as the
// weighted mean of the children (rounded like recomputeRollup), per-year numbers, units per task
// with acknowledgements, and a short history.

/** The rows one generated task becomes. */
export type GenTaskRow = Omit<Selectable<TaskTable>, TaskHealthColumn | 'kind'>;
export type GenTaskUnitRow = Selectable<TaskUnitTable>;
export type GenTaskEventRow = Omit<Selectable<TaskEventTable>, 'id' | 'detail'>;

/** Rows of one or more trees, by table. */
export interface GenRows {
  tasks: GenTaskRow[];
  taskUnits: GenTaskUnitRow[];
  events: GenTaskEventRow[];
}

/** Lookups and counters shared by every tree of a run. */
export interface RowContext {
  random: Random;
  /** Local day number of today: nothing happens on or after it. */
  today: number;
  offsetMinutes: number;
  sourceIds: readonly number[];
  supervisors: readonly GenPerson[];
  membersOf: Map<number, number[]>;
  headOf: Map<number, number>;
  leaderOf: Map<number, number>;
  /** Last number used per year; advanced as tasks are numbered. */
  counters: Map<number, number>;
}

/** Statuses in which the lead unit has acknowledged the task (签收). */
const ACKNOWLEDGED: ReadonlySet<TaskStatus> = new Set([
  'in_progress',
  'closure_requested',
  'returned',
  'suspended',
  'closed',
]);

/** The transition that brought a task to its status: [action, from], for the history. */
const LAST_TRANSITION: Partial<Record<TaskStatus, readonly [string, TaskStatus]>> = {
  assigned: ['assign', 'draft'],
  in_progress: ['acknowledge', 'assigned'],
  closure_requested: ['request_closure', 'in_progress'],
  returned: ['return', 'closure_requested'],
  suspended: ['suspend', 'in_progress'],
  closed: ['close', 'closure_requested'],
  cancelled: ['cancel', 'assigned'],
};

const BASE_VERSION: Record<TaskStatus, number> = {
  draft: 1,
  assigned: 2,
  in_progress: 3,
  closure_requested: 4,
  returned: 5,
  suspended: 4,
  closed: 5,
  cancelled: 3,
};

function leafProgress(random: Random, status: TaskStatus): number {
  switch (status) {
    case 'draft':
    case 'assigned':
      return 0;
    case 'closure_requested':
    case 'closed':
      return 100;
    case 'returned':
      return random.int(60, 95);
    case 'in_progress':
      return random.int(5, 95);
    default:
      return random.int(0, 60);
  }
}

interface TreeTraits {
  object: string;
  sourceId: number | null;
  category: string;
  tags: string;
  isKey: number;
  priority: string;
  isPublic: number;
}

function treeTraits(random: Random, ctx: RowContext): TreeTraits {
  const isKey = random.chance(0.1) ? 1 : 0;
  const tagCount = random.weighted([
    [0, 50],
    [1, 35],
    [2, 15],
  ] as const);
  const tags = new Set<string>();
  for (let i = 0; i < tagCount; i++) tags.add(random.pick(TAGS));
  return {
    object: random.pick(TITLE_OBJECTS),
    sourceId: ctx.sourceIds.length && random.chance(0.75) ? random.pick(ctx.sourceIds) : null,
    category: random.pick(CATEGORIES),
    tags: JSON.stringify([...tags]),
    isKey,
    priority: isKey
      ? 'high'
      : random.weighted([
          ['high', 15],
          ['normal', 70],
          ['low', 15],
        ] as const),
    isPublic: random.chance(0.05) ? 1 : 0,
  };
}

function description(random: Random, object: string): string {
  return `${random.pick(TITLE_VERBS)}${object}，${random.pick(DESCRIPTION_GOALS)}。${random.pick(DESCRIPTION_MEASURES)}。`;
}

/** Rows for one tree (preorder, as ForestBuilder gives it). */
export function treeRows(tree: readonly GenNode[], ctx: RowContext): GenRows {
  const { random } = ctx;
  const traits = treeTraits(random, ctx);
  const rows = new Map<number, GenTaskRow>();
  const out: GenRows = { tasks: [], taskUnits: [], events: [] };
  const instant = (day: number) => instantOf(Math.min(day, ctx.today - 1), random.int(510, 1080), ctx.offsetMinutes);
  for (const node of tree) {
    const createdBy = random.pick(ctx.supervisors).id;
    const assignedDay = node.status === 'draft' ? null : Math.min(ctx.today - 1, node.createdDay + random.int(0, 3));
    const ackDay = assignedDay === null ? null : Math.min(ctx.today - 1, assignedDay + random.int(0, 2));
    const closedDay =
      node.status === 'closed' && ackDay !== null
        ? Math.min(ctx.today - 1, ackDay + random.int(5, Math.max(5, (node.deadlineDay ?? ackDay + 90) - ackDay + 20)))
        : null;
    const lastDay =
      closedDay ??
      (ackDay === null ? node.createdDay : ackDay + Math.floor((1 - random.next() ** 2) * (ctx.today - 1 - ackDay)));
    const createdAt = instant(node.createdDay);
    const year = Number(dateOf(node.createdDay).slice(0, 4));
    const seq = (ctx.counters.get(year) ?? 0) + 1;
    ctx.counters.set(year, seq);
    const members = ctx.membersOf.get(node.lead.id);
    const row: GenTaskRow = {
      id: node.id,
      parent_id: node.parent?.id ?? null,
      path: node.path,
      depth: node.depth,
      year,
      seq,
      number: taskNumber(year, seq),
      title: node.parent
        ? `${traits.object}：${SUBTASK_STEPS[node.step % SUBTASK_STEPS.length]}`
        : `${random.pick(TITLE_VERBS)}${random.pick(TITLE_PLACES)}${traits.object}${random.pick(TITLE_SUFFIXES)}`,
      description: random.chance(node.parent ? 0.3 : 0.6) ? description(random, traits.object) : null,
      source_id: traits.sourceId,
      category: traits.category,
      tags: traits.tags,
      is_key: traits.isKey,
      priority: traits.priority,
      is_public: traits.isPublic,
      lead_unit_id: node.lead.id,
      lead_unit_path: node.lead.path,
      responsible_leader_id: random.chance(0.85) ? (ctx.leaderOf.get(node.lead.id) ?? null) : null,
      responsible_person_id: members?.length && random.chance(0.8) ? random.pick(members) : null,
      start_date: dateOf(node.startDay),
      deadline: node.deadlineDay === null ? null : dateOf(node.deadlineDay),
      original_deadline: node.deadlineDay === null ? null : dateOf(node.deadlineDay),
      deadline_working_days: null,
      weight: node.weight,
      progress: leafProgress(random, node.status),
      child_count: node.children.length,
      status: node.status,
      suspended_from: node.status === 'suspended' ? 'in_progress' : null,
      assigned_at: assignedDay === null ? null : instant(assignedDay),
      closed_at: closedDay === null ? null : instant(closedDay),
      closed_on: closedDay === null ? null : dateOf(Math.min(closedDay, ctx.today - 1)),
      created_by: createdBy,
      created_at: createdAt,
      updated_at: lastDay === node.createdDay ? createdAt : instant(lastDay),
      version: BASE_VERSION[node.status] + (node.status === 'in_progress' ? random.int(0, 3) : 0),
    };
    if (row.updated_at < createdAt) row.updated_at = createdAt;
    rows.set(node.id, row);
    out.tasks.push(row);
    unitRows(node, row, ackDay, ctx, out.taskUnits);
    out.events.push({
      task_id: node.id,
      at: createdAt,
      actor_user_id: createdBy,
      action: 'create',
      from_status: null,
      to_status: 'draft',
      reason: null,
    });
    const last = LAST_TRANSITION[node.status];
    if (last) {
      out.events.push({
        task_id: node.id,
        at: row.updated_at,
        actor_user_id:
          last[0] === 'acknowledge' || last[0] === 'request_closure'
            ? (ctx.headOf.get(node.lead.id) ?? null)
            : createdBy,
        action: last[0],
        from_status: last[1],
        to_status: node.status,
        reason: last[0] === 'suspend' || last[0] === 'cancel' || last[0] === 'return' ? '根据工作安排调整' : null,
      });
    }
  }
  rollUp(tree, rows);
  // The copies the triggers keep in task_units (migration 0006), taken after the roll-up has set
  // parents' updated_at; the load runs with those triggers set aside.
  for (const unitRow of out.taskUnits) {
    const task = rows.get(unitRow.task_id) as GenTaskRow;
    unitRow.status = task.status;
    unitRow.deadline = task.deadline;
    unitRow.updated_at = task.updated_at;
  }
  return out;
}

/** Placeholders for the task's status, deadline and updated_at, filled in after the roll-up. */
const COPIED_LATER = { status: '', deadline: null, updated_at: '' } as const;

function unitRows(node: GenNode, row: GenTaskRow, ackDay: number | null, ctx: RowContext, out: GenTaskUnitRow[]): void {
  const { random } = ctx;
  const acknowledged = ackDay !== null && ACKNOWLEDGED.has(node.status);
  const ackAt = (day: number) => instantOf(Math.min(day, ctx.today - 1), random.int(510, 1080), ctx.offsetMinutes);
  out.push({
    task_id: row.id,
    unit_id: node.lead.id,
    role: 'lead',
    unit_path: node.lead.path,
    part: null,
    acknowledged_at: acknowledged ? ackAt(ackDay) : null,
    acknowledged_by: acknowledged ? (ctx.headOf.get(node.lead.id) ?? null) : null,
    ...COPIED_LATER,
  });
  for (const unit of node.cooperating) {
    const ack = acknowledged && random.chance(0.85);
    out.push({
      task_id: row.id,
      unit_id: unit.id,
      role: 'cooperating',
      unit_path: unit.path,
      part: random.pick(UNIT_PARTS),
      acknowledged_at: ack ? ackAt(ackDay + random.int(0, 2)) : null,
      acknowledged_by: ack ? (ctx.headOf.get(unit.id) ?? null) : null,
      ...COPIED_LATER,
    });
  }
}

/**
 * Parents' progress is the weighted mean of their children's, rounded to two decimals exactly as
 * recomputeRollup does; a parent counts as updated when its latest child was.
 */
function rollUp(tree: readonly GenNode[], rows: Map<number, GenTaskRow>): void {
  for (let i = tree.length - 1; i >= 0; i--) {
    const node = tree[i] as GenNode;
    if (node.children.length === 0) continue;
    const row = rows.get(node.id) as GenTaskRow;
    let weighted = 0;
    let weights = 0;
    for (const child of node.children) {
      const childRow = rows.get(child.id) as GenTaskRow;
      weighted += childRow.progress * childRow.weight;
      weights += childRow.weight;
      if (childRow.updated_at > row.updated_at) row.updated_at = childRow.updated_at;
    }
    row.progress = Math.round((weighted / weights) * 100) / 100;
  }
}
