import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
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
 * `column IN (subquery)`, written so that both databases start from the subquery's (usually few)
 * values: SQLite plans an IN list that way; PostgreSQL is given `= ANY(ARRAY(subquery))`, a value
 * list computed once, because with a plain IN it may prefer walking the whole table in sort order
 * and probing the subquery for every row (measured at 1M tasks: 50–90 ms instead of 2–5 ms).
 */
export function inSubquery(
  dialect: 'sqlite' | 'postgres',
  column: 'tasks.id' | 'tasks.lead_unit_path' | 'fu.unit_path' | 'tu.unit_path',
  subquery: Expression<unknown>,
): Expression<SqlBool> {
  // Kysely puts a subquery in parentheses itself.
  if (dialect === 'postgres') return sql<SqlBool>`${sql.ref(column)} = any(array${subquery})`;
  return sql<SqlBool>`${sql.ref(column)} in ${subquery}`;
}

/**
 * The paths of a unit and all units below it (units is small; its own LIKE is cheap). Subtree
 * filters compare a task column with this list by equality, so an index on that column serves
 * each path with one seek, instead of a LIKE on the task column, which SQLite cannot run on an
 * index (its LIKE is case-insensitive) and PostgreSQL only with a pattern-ops index.
 */
export function unitPathsUnder(eb: Pick<ExpressionBuilder<DB, keyof DB>, 'selectFrom'>, path: string) {
  return eb.selectFrom('units as su').select('su.path').where('su.path', 'like', `${path}%`);
}

/**
 * The scope as a WHERE condition on `tasks`: the task ids the scope's units hold in task_units,
 * found from the unit side (task_units_unit_idx for unit ids; task_units_path_idx, one seek per
 * unit, for the units under a leader's paths) rather than by a correlated EXISTS, with which
 * SQLite walks the whole task table in sort order probing each row (20–270 ms at 1M tasks against
 * 1–4 ms). Nothing visible → a false condition.
 */
export function scopeCondition(
  eb: ExpressionBuilder<DB, 'tasks'>,
  scope: TaskScope,
  dialect: 'sqlite' | 'postgres',
  /** Conditions on the task_units copies of status and deadline (alias `tu`) that narrow the id list. */
  narrow: readonly Expression<SqlBool>[] = [],
): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  if (scope.unitIds.length === 0 && scope.unitPaths.length === 0) return eb.lit(false);
  const taskIds = eb
    .selectFrom('task_units as tu')
    .select('tu.task_id')
    .where((inner) => inner.and([scopeUnitsCondition(inner, scope, dialect, 'tu'), ...narrow]));
  return inSubquery(dialect, 'tasks.id', taskIds);
}

/** The scope's units as a condition on one task_units row (alias `tu` or `fu`); scope.all excluded. */
export function scopeUnitsCondition(
  eb: Pick<ExpressionBuilder<DB, keyof DB>, 'selectFrom' | 'or' | 'lit'>,
  scope: TaskScope,
  dialect: 'sqlite' | 'postgres',
  alias: 'tu' | 'fu',
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (scope.unitIds.length)
    conditions.push(sql<SqlBool>`${sql.ref(`${alias}.unit_id`)} in (${sql.join(scope.unitIds)})`);
  for (const path of scope.unitPaths)
    conditions.push(inSubquery(dialect, `${alias}.unit_path`, unitPathsUnder(eb, path)));
  return conditions.length ? eb.or(conditions) : eb.lit(false);
}
