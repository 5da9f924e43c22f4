import { type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool, sql } from 'kysely';
import type { AdoptionStatus, CaseKind, CaseStatus } from '../../shared/cases-api.js';
import type { Dialect, Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import type { CaseAdoptionTable, CaseTable } from '../db/schema-assessment.js';

export type CaseRow = Selectable<CaseTable>;
export type NewCaseRow = Omit<Insertable<CaseTable>, 'id'>;
export type CaseChanges = Partial<
  Pick<
    CaseRow,
    'kind' | 'title' | 'summary' | 'write_up' | 'task_id' | 'unit_id' | 'period_id' | 'status' | 'to_spread'
  >
> & { published_at?: string | null };
export type AdoptionRow = Selectable<CaseAdoptionTable>;

export async function insertCaseRow(db: Executor, values: NewCaseRow): Promise<CaseRow> {
  return db.insertInto('cases').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findCaseRow(db: Executor, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Writes changes if the case is still at `version`; undefined when someone else changed it first. */
export function updateCaseRow(
  db: Executor,
  id: number,
  version: number,
  changes: CaseChanges & { updated_at: string },
): Promise<CaseRow | undefined> {
  return db
    .updateTable('cases')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Which cases a caller sees in lists. Supervision: all. Others never see drafts; published and
 * archived exemplary cases are open to everyone; negative ones to leaders and auditors
 * (`allNegative`) or to the unit concerned (`ownUnitId`).
 */
export interface CaseScope {
  all: boolean;
  allNegative: boolean;
  ownUnitId: number | null;
}

function scopeCondition(eb: ExpressionBuilder<DB, 'cases'>, scope: CaseScope): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  const kinds: Expression<SqlBool>[] = [eb('cases.kind', '=', 'exemplary')];
  if (scope.allNegative) kinds.push(eb('cases.kind', '=', 'negative'));
  else if (scope.ownUnitId !== null) kinds.push(eb('cases.unit_id', '=', scope.ownUnitId));
  return eb.and([eb('cases.status', '!=', 'draft'), eb.or(kinds)]);
}

export interface CaseListFilter {
  scope: CaseScope;
  kind?: CaseKind | undefined;
  status?: CaseStatus | undefined;
  unitId?: number | undefined;
  periodId?: number | undefined;
  taskId?: number | undefined;
  toSpread?: boolean | undefined;
  /** Only cases this unit is asked to adopt. */
  askedOfUnitId?: number | undefined;
  q?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A page of the library, newest first (keyset on id). The library is small (hundreds of cases),
 * so the title search is a plain scan, ignoring ASCII case (ILIKE on PostgreSQL; lower() on SQLite,
 * whose LIKE is case-sensitive here by pragma);
 * cases_kind_idx serves the usual kind + status filter.
 */
export function listCaseRows(db: Executor, dialect: Dialect, filter: CaseListFilter): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where((eb) => {
      const conditions = [scopeCondition(eb, filter.scope)];
      if (filter.kind) conditions.push(eb('kind', '=', filter.kind));
      if (filter.status) conditions.push(eb('status', '=', filter.status));
      if (filter.unitId !== undefined) conditions.push(eb('unit_id', '=', filter.unitId));
      if (filter.periodId !== undefined) conditions.push(eb('period_id', '=', filter.periodId));
      if (filter.taskId !== undefined) conditions.push(eb('task_id', '=', filter.taskId));
      if (filter.toSpread !== undefined) conditions.push(eb('to_spread', '=', filter.toSpread ? 1 : 0));
      if (filter.askedOfUnitId !== undefined) {
        const asked = eb.selectFrom('case_adoptions').select('case_id').where('unit_id', '=', filter.askedOfUnitId);
        conditions.push(eb('id', 'in', asked));
      }
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(
          dialect === 'postgres'
            ? sql<SqlBool>`cases.title ilike ${pattern} escape '\\'`
            : sql<SqlBool>`lower(cases.title) like lower(${pattern}) escape '\\'`,
        );
      }
      if (filter.beforeId !== undefined) conditions.push(eb('id', '<', filter.beforeId));
      return eb.and(conditions);
    })
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Adoption rows of some cases (the primary key serves case_id). */
export function listAdoptionRows(db: Executor, caseIds: readonly number[]): Promise<AdoptionRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_adoptions')
    .selectAll()
    .where('case_id', 'in', [...new Set(caseIds)])
    .orderBy('case_id')
    .orderBy('unit_id')
    .execute();
}

export function findAdoptionRow(db: Executor, caseId: number, unitId: number): Promise<AdoptionRow | undefined> {
  return db
    .selectFrom('case_adoptions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Asks units to adopt a case (rows `pending`); the caller leaves out units already asked. */
export async function insertAdoptionRows(
  db: Executor,
  caseId: number,
  unitIds: readonly number[],
  at: string,
): Promise<void> {
  // Chunks keep SQLite under its bound-parameter limit for a spread to thousands of units.
  for (let start = 0; start < unitIds.length; start += 400) {
    const chunk = unitIds.slice(start, start + 400);
    await db
      .insertInto('case_adoptions')
      .values(chunk.map((unitId) => ({ case_id: caseId, unit_id: unitId, status: 'pending', updated_at: at })))
      .execute();
  }
}

/** Records a unit's answer if its row is still at `version`. */
export function updateAdoptionRow(
  db: Executor,
  key: { caseId: number; unitId: number; version: number },
  changes: { status: AdoptionStatus; note: string | null; updated_by: number | null; updated_at: string },
): Promise<AdoptionRow | undefined> {
  return db
    .updateTable('case_adoptions')
    .set({ ...changes, version: key.version + 1 })
    .where('case_id', '=', key.caseId)
    .where('unit_id', '=', key.unitId)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** Active units among `ids` plus, when given, every active unit at or under `path`. */
export async function activeUnitIds(db: Executor, ids: readonly number[], path: string | null): Promise<number[]> {
  if (ids.length === 0 && path === null) return [];
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('archived_at', 'is', null)
    .where((eb) => {
      const any: Expression<SqlBool>[] = [];
      if (ids.length) any.push(eb('id', 'in', [...new Set(ids)]));
      if (path !== null) any.push(eb('path', 'like', `${path}%`));
      return eb.or(any);
    })
    .execute();
  return rows.map((row) => row.id);
}

export function findUnitPath(db: Executor, id: number) {
  return db.selectFrom('units').select(['id', 'path', 'archived_at']).where('id', '=', id).executeTakeFirst();
}

/** Numbers and titles of linked tasks, for a page of cases. */
export function findCaseTasks(db: Executor, ids: ReadonlyArray<number | null>) {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return Promise.resolve([]);
  return db.selectFrom('tasks').select(['id', 'number', 'title']).where('id', 'in', unique).execute();
}

/** Names of linked assessment periods. */
export function findCasePeriods(db: Executor, ids: ReadonlyArray<number | null>) {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return Promise.resolve([]);
  return db.selectFrom('assessment_periods').select(['id', 'name']).where('id', 'in', unique).execute();
}

/** Adoption answers counted by case and status, for a page of cases (primary key on case_id). */
export function countAdoptionRows(db: Executor, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_adoptions')
    .select(['case_id', 'status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('case_id', 'in', [...new Set(caseIds)])
    .groupBy(['case_id', 'status'])
    .execute();
}

/** One unit's adoption rows among some cases. */
export function listUnitAdoptionRows(db: Executor, caseIds: readonly number[], unitId: number): Promise<AdoptionRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_adoptions')
    .selectAll()
    .where('case_id', 'in', [...new Set(caseIds)])
    .where('unit_id', '=', unitId)
    .execute();
}
