import type { AdoptionInput, AdoptionList, CaseView, SpreadCaseInput } from '../../shared/cases-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { notify } from '../notifications/notifications.service.js';
import {
  assertCaseManager,
  assertCaseState,
  canAnswerAdoption,
  isCaseManager,
  requireVisibleCase,
} from './case-access.js';
import { presentAdoptions, presentCase } from './cases.presenter.js';
import {
  activeUnitIds,
  findAdoptionRow,
  findUnitPath,
  insertAdoptionRows,
  listAdoptionRows,
  updateAdoptionRow,
  updateCaseRow,
} from './cases.repository.js';

type Deps = { db: Database };

/** The active units a spread asks: those chosen plus a subtree, never the case's own unit. */
async function unitsToAsk(
  db: Executor,
  input: { unitIds: readonly number[]; subtreeUnitId?: number | null | undefined; ownUnitId: number | null },
): Promise<number[]> {
  let path: string | null = null;
  if (input.subtreeUnitId) {
    const root = await findUnitPath(db, input.subtreeUnitId);
    if (!root) throw new AppError('unit_not_found', {}, 'subtreeUnitId');
    if (root.archived_at) throw new AppError('unit_archived', {}, 'subtreeUnitId');
    path = root.path;
  }
  const found = await activeUnitIds(db, input.unitIds, path);
  const known = new Set(found);
  if (input.unitIds.some((id) => !known.has(id))) throw new AppError('unit_not_found', {}, 'unitIds');
  return found.filter((id) => id !== input.ownUnitId).sort((a, b) => a - b);
}

/**
 * `POST /cases/:id/spread`: marks a published exemplary practice "to spread" (推广) and asks units
 * to adopt it: each newly asked unit gets a `pending` adoption row and its heads a `case.to_spread`
 * notification. Units already asked keep their answers; asking only them again changes nothing
 * but is not an error. Negative examples and unpublished cases cannot be spread (409); asking no
 * unit at all (e.g. only the case's own unit) is 422 unit_not_found on `unitIds`.
 */
export async function spreadCase(
  deps: Deps,
  input: SpreadCaseInput & { caseId: number; actor: Actor },
): Promise<CaseView> {
  const row = await inTransaction(deps.db, async (trx) => {
    const current = await requireVisibleCase(trx, input.actor, input.caseId);
    assertCaseManager(input.actor);
    if (current.version !== input.version) throw new AppError('version_conflict', { object: 'case' });
    assertCaseState(current, 'spread');
    const asked = await unitsToAsk(trx, {
      unitIds: input.unitIds ?? [],
      subtreeUnitId: input.subtreeUnitId,
      ownUnitId: current.unit_id,
    });
    if (asked.length === 0) throw new AppError('unit_not_found', {}, 'unitIds');
    const already = new Set((await listAdoptionRows(trx, [current.id])).map((a) => a.unit_id));
    const added = asked.filter((id) => !already.has(id));
    const now = nowIso();
    await insertAdoptionRows(trx, current.id, added, now);
    const updated = await updateCaseRow(trx, current.id, input.version, { to_spread: 1, updated_at: now });
    if (!updated) throw new AppError('version_conflict', { object: 'case' });
    await notify(trx, {
      kind: 'case.to_spread',
      taskId: null,
      subjectType: 'case',
      subjectId: current.id,
      params: { title: current.title },
      unitIds: added,
      roles: ['unit_head'],
      actor: input.actor,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'case.spread',
      objectType: 'case',
      objectId: current.id,
      detail: { title: current.title, unitIds: added, subtreeUnitId: input.subtreeUnitId ?? null },
    });
    return updated;
  });
  return presentCase(deps.db, input.actor, row);
}

/**
 * `PUT /cases/:id/adoptions/:unitId`: a unit records its adoption of a practice (planned, adopted
 * or not applicable, with a note). Its own head or staff answer; the supervision office may answer
 * for any unit. 404 when the case is hidden or the unit was not asked, 403 for another unit's
 * row, 409 when the case is no longer published or the row changed since `version`.
 */
export async function answerAdoption(
  deps: Deps,
  input: AdoptionInput & { caseId: number; unitId: number; actor: Actor },
): Promise<CaseView> {
  const row = await inTransaction(deps.db, async (trx) => {
    const current = await requireVisibleCase(trx, input.actor, input.caseId);
    const adoption = await findAdoptionRow(trx, current.id, input.unitId);
    if (!adoption) throw new AppError('not_found', { object: 'adoption' });
    if (!isCaseManager(input.actor) && input.actor.unitId !== adoption.unit_id) throw new AppError('forbidden');
    if (adoption.version !== input.version) throw new AppError('version_conflict', { object: 'adoption' });
    if (!canAnswerAdoption(input.actor, current, adoption)) {
      // Right unit but not head or staff (e.g. a leader placed in the unit) is a 403; else the state.
      if (current.status === 'published') throw new AppError('forbidden');
      throw new AppError('case_action_illegal', { status: current.status, kind: current.kind });
    }
    const note = input.note?.trim() || null;
    const updated = await updateAdoptionRow(
      trx,
      { caseId: current.id, unitId: adoption.unit_id, version: input.version },
      { status: input.status, note, updated_by: input.actor.userId, updated_at: nowIso() },
    );
    if (!updated) throw new AppError('version_conflict', { object: 'adoption' });
    await insertAuditEntry(trx, input.actor, {
      action: 'case.adoption',
      objectType: 'case',
      objectId: current.id,
      detail: { unitId: adoption.unit_id, status: input.status },
      before: { status: adoption.status, note: adoption.note },
      after: { status: input.status, note },
    });
    return current;
  });
  return presentCase(deps.db, input.actor, row);
}

/** `GET /cases/:id/adoptions`: the adoption summary of a case the caller may see. */
export async function listAdoptions(deps: Deps, input: { caseId: number; actor: Actor }): Promise<AdoptionList> {
  const row = await requireVisibleCase(deps.db, input.actor, input.caseId);
  return presentAdoptions(deps.db, input.actor, row);
}
