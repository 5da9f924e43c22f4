import { readStoredScheme, schemeProblem } from '../../domain/assessment-scheme.js';
import {
  DEFAULT_SCORING_SCHEME,
  type PeriodSelection,
  type PeriodView,
  type ScoringScheme,
} from '../../shared/assessment-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { presentPeriod, presentPeriods } from './assessment.presenter.js';
import {
  deletePeriodRow,
  findPeriodRow,
  insertPeriodRow,
  listPeriodRows,
  type PeriodChanges,
  type PeriodRow,
  updatePeriodRow,
} from './assessment.repository.js';
import { requireManage, requireRead } from './assessment-access.js';
import { deleteComputed } from './assessment-results.repository.js';

// Assessment periods (考核期): defined, edited and deleted by the supervision office while they are
// drafts; read by leaders and the auditor. Computing and freezing live in assessment-compute.service.ts.

/** A period or 404. */
export async function requirePeriod(db: Executor, periodId: number): Promise<PeriodRow> {
  const row = await findPeriodRow(db, periodId);
  if (!row) throw new AppError('not_found', { object: 'assessment_period' });
  return row;
}

/** 409 once frozen: a published period never changes. */
export function assertDraft(row: PeriodRow): void {
  if (row.status === 'frozen') throw new AppError('period_frozen');
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw new AppError('period_dates_invalid', {}, 'endsOn');
}

function checkScheme(scheme: ScoringScheme): void {
  const reason = schemeProblem(scheme);
  if (reason) throw new AppError('scheme_invalid', { reason }, 'scheme');
}

export async function createPeriod(
  db: Database,
  input: {
    name: string;
    startsOn: string;
    endsOn: string;
    selection: PeriodSelection;
    scheme?: ScoringScheme | undefined;
    previousPeriodId?: number | null | undefined;
    actor: Actor;
  },
): Promise<PeriodView> {
  requireManage(input.actor);
  checkDates(input.startsOn, input.endsOn);
  if (input.scheme) checkScheme(input.scheme);
  return inTransaction(db, async (trx) => {
    const previous = input.previousPeriodId ? await requirePeriod(trx, input.previousPeriodId) : undefined;
    const scheme = input.scheme ?? (previous ? readStoredScheme(previous.scheme) : DEFAULT_SCORING_SCHEME);
    const now = nowIso();
    const row = await insertPeriodRow(trx, {
      name: input.name,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      selection: JSON.stringify(input.selection),
      scheme: JSON.stringify(scheme),
      status: 'draft',
      previous_period_id: previous?.id ?? null,
      computed_at: null,
      computed_hash: null,
      frozen_at: null,
      frozen_by: null,
      created_by: input.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'assessment.create',
      objectType: 'assessment_period',
      objectId: row.id,
      detail: { name: row.name, startsOn: row.starts_on, endsOn: row.ends_on },
    });
    return presentPeriod(trx, row);
  });
}

export async function listPeriods(db: Database, input: { actor: Actor }): Promise<PeriodView[]> {
  requireRead(input.actor);
  return presentPeriods(db, await listPeriodRows(db));
}

export async function getPeriod(db: Database, input: { periodId: number; actor: Actor }): Promise<PeriodView> {
  requireRead(input.actor);
  return presentPeriod(db, await requirePeriod(db, input.periodId));
}

/**
 * Edits a draft period. A change to what is scored (dates, selection, scheme) drops the computed
 * scores: they no longer match the period, and it must be computed again.
 */
export async function updatePeriod(
  db: Database,
  input: {
    periodId: number;
    version: number;
    name?: string | undefined;
    startsOn?: string | undefined;
    endsOn?: string | undefined;
    selection?: PeriodSelection | undefined;
    scheme?: ScoringScheme | undefined;
    previousPeriodId?: number | null | undefined;
    actor: Actor;
  },
): Promise<PeriodView> {
  requireManage(input.actor);
  if (input.scheme) checkScheme(input.scheme);
  return inTransaction(db, async (trx) => {
    const row = await requirePeriod(trx, input.periodId);
    assertDraft(row);
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'assessment_period' });
    checkDates(input.startsOn ?? row.starts_on, input.endsOn ?? row.ends_on);
    if (input.previousPeriodId) {
      if (input.previousPeriodId === row.id)
        throw new AppError('validation_failed', { summary: 'previousPeriodId' }, 'previousPeriodId');
      await requirePeriod(trx, input.previousPeriodId);
    }
    const changes: PeriodChanges = { updated_at: nowIso() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.startsOn !== undefined) changes.starts_on = input.startsOn;
    if (input.endsOn !== undefined) changes.ends_on = input.endsOn;
    if (input.selection !== undefined) changes.selection = JSON.stringify(input.selection);
    if (input.scheme !== undefined) changes.scheme = JSON.stringify(input.scheme);
    if (input.previousPeriodId !== undefined) changes.previous_period_id = input.previousPeriodId;
    const rescored = ['starts_on', 'ends_on', 'selection', 'scheme'].some(
      (key) => key in changes && changes[key as keyof PeriodChanges] !== row[key as keyof PeriodRow],
    );
    if (rescored) {
      await deleteComputed(trx, row.id);
      Object.assign(changes, { computed_at: null, computed_hash: null });
    }
    const updated = await updatePeriodRow(trx, row.id, input.version, changes);
    if (!updated) throw new AppError('version_conflict', { object: 'assessment_period' });
    await insertAuditEntry(trx, input.actor, {
      action: 'assessment.update',
      objectType: 'assessment_period',
      objectId: row.id,
      detail: { rescored },
    });
    return presentPeriod(trx, updated);
  });
}

/** Deletes a draft period (a frozen one is part of the record: 409). */
export async function deletePeriod(db: Database, input: { periodId: number; actor: Actor }): Promise<void> {
  requireManage(input.actor);
  await inTransaction(db, async (trx) => {
    const row = await requirePeriod(trx, input.periodId);
    if (row.status === 'frozen' || row.frozen_at !== null) throw new AppError('period_frozen');
    await deletePeriodRow(trx, row.id);
    await insertAuditEntry(trx, input.actor, {
      action: 'assessment.delete',
      objectType: 'assessment_period',
      objectId: row.id,
      detail: { name: row.name },
    });
  });
}
