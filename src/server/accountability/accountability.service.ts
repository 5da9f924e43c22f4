import { localDate, yearOf } from '../../domain/dates.js';
import {
  ACCOUNTABILITY_SERIES,
  type AccountabilityRecord,
  type AccountabilityType,
  type EvidenceRefInput,
} from '../../shared/accountability-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { formatDocNumber, nextDocNumber } from '../documents/doc-numbers.repository.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { findUnitRows } from '../units/units.repository.js';
import { findUserById } from '../users/users.repository.js';
import { presentRecord } from './accountability.presenter.js';
import { existingTaskIds, insertRecordRow, insertRecordTasks } from './accountability.repository.js';
import { evidenceKey, insertEvidenceRows, resolveRefs } from './accountability-evidence.repository.js';
import { notifyOpened } from './accountability-notify.js';

export type Deps = { db: Database; config: Config };

/** Today in the organisation's time zone. */
export const todayOf = (config: Config) => localDate(new Date(), config.timeZone);

/**
 * Checks that every reference exists and belongs to one of the record's tasks (400
 * validation_failed naming the first that does not), and answers the rows to store.
 */
export async function checkEvidence(
  trx: Executor,
  input: { recordId: number; items: readonly EvidenceRefInput[]; taskIds: readonly number[]; field: string },
  actor: Actor,
) {
  const resolved = await resolveRefs(trx, input.items);
  const now = nowIso();
  return input.items.map((item, index) => {
    const ref = resolved.get(evidenceKey(item.refType, item.refId));
    if (!ref || !input.taskIds.includes(ref.taskId)) {
      const field = `${input.field}.${index}.refId`;
      throw new AppError('validation_failed', { summary: `${field}: not on a linked task` }, field);
    }
    return {
      record_id: input.recordId,
      ref_type: item.refType,
      ref_id: item.refId,
      note: item.note?.trim() || null,
      added_by: actor.userId,
      added_at: now,
    };
  });
}

/** The subject unit and person must exist; the tasks too. */
async function checkReferences(
  trx: Executor,
  input: { subjectUnitId: number | null; subjectUserId: number | null; taskIds: readonly number[] },
): Promise<void> {
  if (input.subjectUnitId !== null && (await findUnitRows(trx, [input.subjectUnitId])).length === 0) {
    throw new AppError('unit_not_found', { id: input.subjectUnitId }, 'subjectUnitId');
  }
  if (input.subjectUserId !== null && !(await findUserById(trx, input.subjectUserId))) {
    throw new AppError('validation_failed', { summary: 'subjectUserId: no such person' }, 'subjectUserId');
  }
  const found = await existingTaskIds(trx, input.taskIds);
  input.taskIds.forEach((id, index) => {
    if (!found.has(id)) {
      throw new AppError('validation_failed', { summary: `taskIds.${index}: no such task` }, `taskIds.${index}`);
    }
  });
}

export interface CreateRecordInput {
  type: AccountabilityType;
  subjectUnitId?: number | null | undefined;
  subjectUserId?: number | null | undefined;
  taskIds: readonly number[];
  evidence: readonly EvidenceRefInput[];
  proposal: string;
  /** When given, the record is opened at once and the subject asked for a statement by this day. */
  statementDue?: string | undefined;
  actor: Actor;
}

/**
 * A supervisor opens a record by hand, numbered 问〔2026〕N号 in the year of today: proposed, or
 * open at once when a statement date is given (the subject is then told). 422 without a subject
 * or with a statement date in the past; 400 for unknown tasks or evidence off the linked tasks.
 */
export async function createRecord(deps: Deps, input: CreateRecordInput): Promise<AccountabilityRecord> {
  assertAllowed(can.superviseAccountability(input.actor));
  const subjectUnitId = input.subjectUnitId ?? null;
  const subjectUserId = input.subjectUserId ?? null;
  if (subjectUnitId === null && subjectUserId === null) {
    throw new AppError('accountability_subject_required', {}, 'subjectUnitId');
  }
  const today = todayOf(deps.config);
  if (input.statementDue !== undefined && input.statementDue < today) {
    throw new AppError('date_in_past', { date: input.statementDue }, 'statementDue');
  }
  const taskIds = [...new Set(input.taskIds)];
  return inTransaction(deps.db, async (trx) => {
    await checkReferences(trx, { subjectUnitId, subjectUserId, taskIds });
    const year = yearOf(today);
    const seq = await nextDocNumber(trx, ACCOUNTABILITY_SERIES, year);
    const now = nowIso();
    const opened = input.statementDue !== undefined;
    const row = await insertRecordRow(trx, {
      year,
      seq,
      number: formatDocNumber(ACCOUNTABILITY_SERIES, year, seq),
      type: input.type,
      subject_unit_id: subjectUnitId,
      subject_user_id: subjectUserId,
      status: opened ? 'open' : 'proposed',
      proposal: input.proposal.trim(),
      statement_due: input.statementDue ?? null,
      statement: null,
      statement_at: null,
      statement_by: null,
      decision: null,
      decision_note: null,
      decided_at: null,
      decided_by: null,
      action_id: null,
      opened_by: opened ? input.actor.userId : null,
      opened_at: opened ? now : null,
      created_at: now,
      updated_at: now,
    });
    await insertRecordTasks(trx, row.id, taskIds);
    const field = 'evidence';
    await insertEvidenceRows(
      trx,
      await checkEvidence(trx, { recordId: row.id, items: input.evidence, taskIds, field }, input.actor),
    );
    if (opened) await notifyOpened(trx, row, input.actor);
    const detail = { number: row.number, type: row.type, status: row.status, taskIds, evidence: input.evidence.length };
    await insertAuditEntry(trx, input.actor, {
      action: 'accountability.create',
      objectType: 'accountability',
      objectId: row.id,
      detail: { ...detail, subjectUnitId, subjectUserId },
    });
    return presentRecord(trx, row, { actor: input.actor, today });
  });
}
