import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { PlanPartTable, PlanRoundTable, PlanTable } from '../db/schema-plans.js';

export type PlanRow = Selectable<PlanTable>;
export type PlanPartRow = Selectable<PlanPartTable>;
export type PlanRoundRow = Selectable<PlanRoundTable>;
export type PlanChanges = Partial<
  Omit<PlanRow, 'id' | 'task_id' | 'version_no' | 'created_at' | 'created_by' | 'version'>
>;

/** A task's newest plan version: the one being worked on, or else the one in force (plans_task_version_uq). */
export function findLatestPlanRow(db: Executor, taskId: number): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One version of a task's plan by its number. */
export function findPlanVersionRow(db: Executor, taskId: number, versionNo: number): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
}

/** The accepted version of a task's plan, if any (plans_accepted_uq: at most one). */
export function findAcceptedPlanRow(db: Executor, taskId: number): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
}

/** Every version of a task's plan without its content, newest first. */
export function listPlanVersionRows(db: Executor, taskId: number): Promise<Omit<PlanRow, 'content'>[]> {
  return db
    .selectFrom('plans')
    .select([
      'id',
      'task_id',
      'version_no',
      'status',
      'created_by',
      'created_at',
      'updated_by',
      'updated_at',
      'submitted_at',
      'decided_at',
      'version',
    ])
    .where('task_id', '=', taskId)
    .orderBy('version_no', 'desc')
    .execute();
}

export function insertPlanRow(db: Executor, values: Omit<PlanRow, 'id'>): Promise<PlanRow> {
  return db.insertInto('plans').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Versioned update; undefined when the version no longer matches. */
export function updatePlanRow(
  db: Executor,
  id: number,
  version: number,
  changes: PlanChanges,
): Promise<PlanRow | undefined> {
  return db
    .updateTable('plans')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Reads a plan version for a change that depends on its status without changing the version
 * itself (a cooperating unit's part): a no-op write first takes the row lock on PostgreSQL, so a
 * submission and a part edit queue up instead of the part slipping in after the snapshot.
 */
export async function lockPlanRow(db: Executor, id: number): Promise<PlanRow | undefined> {
  await db
    .updateTable('plans')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .execute();
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The cooperating units' parts of one plan version, by unit (plan_parts_pk). */
export function listPlanPartRows(db: Executor, planId: number): Promise<PlanPartRow[]> {
  return db.selectFrom('plan_parts').selectAll().where('plan_id', '=', planId).orderBy('unit_id').execute();
}

export function findPlanPartRow(db: Executor, planId: number, unitId: number): Promise<PlanPartRow | undefined> {
  return db
    .selectFrom('plan_parts')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export function insertPlanPartRow(db: Executor, values: PlanPartRow): Promise<PlanPartRow> {
  return db.insertInto('plan_parts').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Versioned update of a part; undefined when the version no longer matches. */
export function updatePlanPartRow(
  db: Executor,
  key: { planId: number; unitId: number; version: number },
  changes: Pick<PlanPartRow, 'content' | 'updated_by' | 'updated_at'>,
): Promise<PlanPartRow | undefined> {
  return db
    .updateTable('plan_parts')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('plan_id', '=', key.planId)
    .where('unit_id', '=', key.unitId)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** Copies one version's parts to a new version (a revision starts from what was in force). */
export async function copyPlanParts(
  db: Executor,
  fromPlanId: number,
  toPlanId: number,
  by: number | null,
  at: string,
): Promise<void> {
  const parts = await listPlanPartRows(db, fromPlanId);
  if (parts.length === 0) return;
  await db
    .insertInto('plan_parts')
    .values(
      parts.map((part) => ({
        plan_id: toPlanId,
        unit_id: part.unit_id,
        content: part.content,
        updated_by: by,
        updated_at: at,
        version: 1,
      })),
    )
    .execute();
}

export async function insertPlanRound(db: Executor, values: Omit<PlanRoundRow, 'id'>): Promise<void> {
  await db.insertInto('plan_rounds').values(values).execute();
}

/** One plan version's review rounds in order (plan_rounds_plan_idx). */
export function listPlanRoundRows(db: Executor, planId: number): Promise<PlanRoundRow[]> {
  return db.selectFrom('plan_rounds').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

/** True when some version of the task's plan has been accepted (in force now, or superseded since). */
export async function hasAcceptedPlan(db: Executor, taskId: number): Promise<boolean> {
  const row = await db
    .selectFrom('plans')
    .select('id')
    .where('task_id', '=', taskId)
    .where('status', 'in', ['accepted', 'superseded'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
