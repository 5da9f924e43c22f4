import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { can } from '../policy.js';

/**
 * Which tasks a person may see (issue 3, "who sees what"): the supervision office, auditors and
 * administrators see all; leaders see tasks of the units in their charge and below; unit heads
 * and staff see tasks their own unit leads or cooperates on.
 */
export interface TaskScope {
  all: boolean;
  /** Tasks with any of these units (lead or cooperating). */
  unitIds: number[];
  /** Tasks with a unit under any of these unit paths (a leader's units in charge). */
  unitPaths: string[];
}

/** The scope of an actor; `inChargePaths` are the paths of the leader's units in charge. */
export function scopeOf(actor: Actor, inChargePaths: readonly string[]): TaskScope {
  if (can.seeAllTasks(actor)) return { all: true, unitIds: [], unitPaths: [] };
  const isUnitMember = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
  return {
    all: false,
    unitIds: isUnitMember && actor.unitId !== null ? [actor.unitId] : [],
    unitPaths: actor.roles.has('leader') ? [...inChargePaths] : [],
  };
}

/**
 * The scope as a WHERE condition on `tasks`: the task ids the scope's units hold in task_units,
 * found from the unit side (task_units_unit_idx for unit ids; task_units_path_idx, one seek per
 * unit, for the units under a leader's paths). Written as `id IN (…)` rather than a correlated
 * EXISTS so that SQLite starts from the unit's few thousand tasks instead of walking the whole
 * task table in sort order and probing each row. Nothing visible → a false condition.
 */
export function scopeCondition(eb: ExpressionBuilder<DB, 'tasks'>, scope: TaskScope): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  if (scope.unitIds.length === 0 && scope.unitPaths.length === 0) return eb.lit(false);
  return eb(
    'tasks.id',
    'in',
    eb
      .selectFrom('task_units as tu')
      .select('tu.task_id')
      .where((inner) =>
        inner.or([
          ...(scope.unitIds.length ? [inner('tu.unit_id', 'in', scope.unitIds)] : []),
          ...scope.unitPaths.map((path) =>
            inner(
              'tu.unit_path',
              'in',
              inner.selectFrom('units as su').select('su.path').where('su.path', 'like', `${path}%`),
            ),
          ),
        ]),
      ),
  );
}
