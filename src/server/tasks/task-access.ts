import type { TaskRelation } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { findUnitRows } from '../units/units.repository.js';
import { scopeOf, type TaskScope } from './task-scope.js';
import { findTaskRow, listTaskUnitRows, type TaskRow, type TaskUnitRow } from './tasks.repository.js';

/** The materialised paths of the units a leader is in charge of. */
export async function inChargePaths(db: Executor, actor: Actor): Promise<string[]> {
  if (!actor.roles.has('leader') || actor.unitsInCharge.length === 0) return [];
  return (await findUnitRows(db, actor.unitsInCharge)).map((unit) => unit.path);
}

/** The caller's task scope (see task-scope.ts). */
export async function taskScopeFor(db: Executor, actor: Actor): Promise<TaskScope> {
  return scopeOf(actor, await inChargePaths(db, actor));
}

/** How the caller stands to one task: drives transitions, edits and visibility. */
export function relationsTo(actor: Actor, units: readonly TaskUnitRow[], paths: readonly string[]): TaskRelation[] {
  const relations: TaskRelation[] = [];
  if (actor.roles.has('supervisor')) relations.push('supervisor');
  if (actor.roles.has('admin') || actor.via === 'system') relations.push('admin');
  if (actor.roles.has('auditor')) relations.push('auditor');
  const member = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
  if (member && actor.unitId !== null) {
    const own = units.find((unit) => unit.unit_id === actor.unitId);
    if (own?.role === 'lead') relations.push('lead_unit');
    if (own?.role === 'cooperating') relations.push('cooperating_unit');
  }
  if (actor.roles.has('leader') && units.some((unit) => paths.some((path) => unit.unit_path.startsWith(path)))) {
    relations.push('leader');
  }
  return relations;
}

export interface VisibleTask {
  task: TaskRow;
  units: TaskUnitRow[];
  relations: TaskRelation[];
  /** The caller's scope, read once here for callers that also filter related tasks by it. */
  scope: TaskScope;
}

/**
 * A task the caller may see, with its units and the caller's relations; anything else — missing or
 * out of scope — is the same 404, so ids do not leak.
 */
export async function requireVisibleTask(db: Executor, actor: Actor, taskId: number): Promise<VisibleTask> {
  const task = await findTaskRow(db, taskId);
  if (!task) throw new AppError('not_found', { object: 'task' });
  const units = await listTaskUnitRows(db, [taskId]);
  const paths = await inChargePaths(db, actor);
  const relations = relationsTo(actor, units, paths);
  if (relations.length === 0) throw new AppError('not_found', { object: 'task' });
  // A draft is the supervision office's work in progress: units and leaders meet it once assigned.
  if (task.status === 'draft' && !isSupervising(relations) && !relations.includes('auditor')) {
    throw new AppError('not_found', { object: 'task' });
  }
  return { task, units, relations, scope: scopeOf(actor, paths) };
}

/** True when the relations include running the supervision of tasks. */
export function isSupervising(relations: readonly TaskRelation[]): boolean {
  return relations.includes('supervisor') || relations.includes('admin');
}
