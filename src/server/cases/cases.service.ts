import { diffChanges } from '../../domain/field-diff.js';
import type {
  CaseKind,
  CaseStatus,
  CaseSummary,
  CaseView,
  CreateCaseInput,
  UpdateCaseInput,
} from '../../shared/cases-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Dialect, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { assertCaseManager, assertCaseState, caseScopeOf, memberUnitOf, requireVisibleCase } from './case-access.js';
import { presentCase, presentCaseSummaries } from './cases.presenter.js';
import {
  type CaseChanges,
  type CaseRow,
  findCasePeriods,
  findCaseTasks,
  findUnitPath,
  insertCaseRow,
  listCaseRows,
  updateCaseRow,
} from './cases.repository.js';

type Deps = { db: Database; dialect: Dialect };
type Links = Pick<CreateCaseInput, 'taskId' | 'unitId' | 'periodId'>;

/** Checks that the linked task, unit and period exist (an archived unit cannot be newly linked). */
async function assertLinks(db: Executor, links: Links): Promise<void> {
  if (links.taskId && (await findCaseTasks(db, [links.taskId])).length === 0) {
    throw new AppError('validation_failed', { summary: 'taskId' }, 'taskId');
  }
  if (links.periodId && (await findCasePeriods(db, [links.periodId])).length === 0) {
    throw new AppError('validation_failed', { summary: 'periodId' }, 'periodId');
  }
  if (links.unitId) {
    const unit = await findUnitPath(db, links.unitId);
    if (!unit) throw new AppError('unit_not_found', {}, 'unitId');
    if (unit.archived_at) throw new AppError('unit_archived', {}, 'unitId');
  }
}

/** `POST /cases`: the supervision office writes a case; it starts as a draft only they see. */
export async function createCase(deps: Deps, input: CreateCaseInput & { actor: Actor }): Promise<CaseView> {
  assertCaseManager(input.actor);
  const row = await inTransaction(deps.db, async (trx) => {
    await assertLinks(trx, input);
    const now = nowIso();
    const created = await insertCaseRow(trx, {
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      write_up: input.writeUp,
      task_id: input.taskId ?? null,
      unit_id: input.unitId ?? null,
      period_id: input.periodId ?? null,
      published_at: null,
      created_by: input.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'case.create',
      objectType: 'case',
      objectId: created.id,
      detail: { kind: created.kind, title: created.title, taskId: created.task_id, unitId: created.unit_id },
    });
    return created;
  });
  return presentCase(deps.db, input.actor, row);
}

/** The row changes an edit asks for (only the fields given). */
function changesOf(input: UpdateCaseInput): CaseChanges {
  const changes: CaseChanges = {};
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.title !== undefined) changes.title = input.title;
  if (input.summary !== undefined) changes.summary = input.summary;
  if (input.writeUp !== undefined) changes.write_up = input.writeUp;
  if (input.taskId !== undefined) changes.task_id = input.taskId;
  if (input.unitId !== undefined) changes.unit_id = input.unitId;
  if (input.periodId !== undefined) changes.period_id = input.periodId;
  return changes;
}

/**
 * `PATCH /cases/:id`: edits a draft or published case (not an archived one: 409). A practice
 * being spread stays exemplary (409); a stale `version` is 409 version_conflict.
 */
export async function updateCase(
  deps: Deps,
  input: UpdateCaseInput & { caseId: number; actor: Actor },
): Promise<CaseView> {
  const row = await inTransaction(deps.db, async (trx) => {
    const current = await requireVisibleCase(trx, input.actor, input.caseId);
    assertCaseManager(input.actor);
    if (current.version !== input.version) throw new AppError('version_conflict', { object: 'case' });
    assertCaseState(current, 'edit');
    if (input.kind === 'negative' && Number(current.to_spread) === 1) {
      throw new AppError('case_action_illegal', { status: current.status, kind: current.kind }, 'kind');
    }
    await assertLinks(trx, {
      taskId: input.taskId !== current.task_id ? input.taskId : undefined,
      unitId: input.unitId !== current.unit_id ? input.unitId : undefined,
      periodId: input.periodId !== current.period_id ? input.periodId : undefined,
    });
    const changes = changesOf(input);
    const updated = await updateCaseRow(trx, current.id, input.version, { ...changes, updated_at: nowIso() });
    if (!updated) throw new AppError('version_conflict', { object: 'case' });
    await insertAuditEntry(trx, input.actor, {
      action: 'case.update',
      objectType: 'case',
      objectId: current.id,
      ...diffChanges(current, changes),
    });
    return updated;
  });
  return presentCase(deps.db, input.actor, row);
}

/** `POST /cases/:id/publish` (draft → published) and `/archive` (published → archived). */
export async function changeCaseStatus(
  deps: Deps,
  input: { caseId: number; action: 'publish' | 'archive'; version: number; actor: Actor },
): Promise<CaseView> {
  const row = await inTransaction(deps.db, async (trx) => {
    const current = await requireVisibleCase(trx, input.actor, input.caseId);
    assertCaseManager(input.actor);
    if (current.version !== input.version) throw new AppError('version_conflict', { object: 'case' });
    assertCaseState(current, input.action);
    const now = nowIso();
    const changes: CaseChanges =
      input.action === 'publish' ? { status: 'published', published_at: now } : { status: 'archived' };
    const updated = await updateCaseRow(trx, current.id, input.version, { ...changes, updated_at: now });
    if (!updated) throw new AppError('version_conflict', { object: 'case' });
    await insertAuditEntry(trx, input.actor, {
      action: `case.${input.action}`,
      objectType: 'case',
      objectId: current.id,
      detail: { kind: current.kind, title: current.title },
    });
    return updated;
  });
  return presentCase(deps.db, input.actor, row);
}

/** `GET /cases/:id`: one case the caller may see (404 otherwise), with its adoptions. */
export async function getCase(deps: Deps, input: { caseId: number; actor: Actor }): Promise<CaseView> {
  return presentCase(deps.db, input.actor, await requireVisibleCase(deps.db, input.actor, input.caseId));
}

export interface ListCasesInput {
  kind?: CaseKind | undefined;
  status?: CaseStatus | undefined;
  unitId?: number | undefined;
  periodId?: number | undefined;
  taskId?: number | undefined;
  toSpread?: 'true' | 'false' | undefined;
  askedOfMe?: 'true' | 'false' | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  actor: Actor;
}

/**
 * `GET /cases`: a page of the library the caller may see, newest first; the scope is part of the
 * query. `askedOfMe` lists the practices the caller's unit is asked to adopt (none without a unit).
 */
export async function listCases(
  deps: Deps,
  input: ListCasesInput,
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 1)[0] : undefined;
  if (after !== undefined && !Number.isInteger(after)) throw new AppError('invalid_cursor', {}, 'cursor');
  const ownUnit = memberUnitOf(input.actor);
  if (input.askedOfMe === 'true' && ownUnit === null) return { items: [], nextCursor: null };
  const rows: CaseRow[] = await listCaseRows(deps.db, deps.dialect, {
    scope: caseScopeOf(input.actor),
    kind: input.kind,
    status: input.status,
    unitId: input.unitId,
    periodId: input.periodId,
    taskId: input.taskId,
    toSpread: input.toSpread === undefined ? undefined : input.toSpread === 'true',
    askedOfUnitId: input.askedOfMe === 'true' ? (ownUnit ?? undefined) : undefined,
    q: input.q || undefined,
    beforeId: after === undefined ? undefined : Number(after),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await presentCaseSummaries(deps.db, input.actor, page),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}
