import type {
  AccountabilityAction,
  AccountabilityDecision,
  AccountabilityRecord,
  EvidenceRefInput,
} from '../../shared/accountability-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { presentRecord } from './accountability.presenter.js';
import { listRecordTasks, type RecordChanges, updateRecordRow } from './accountability.repository.js';
import { checkEvidence, type Deps, todayOf } from './accountability.service.js';
import { assertRecordEntitled, assertRecordStatus, requireVisibleRecord } from './accountability-access.js';
import { insertEvidenceRows, listEvidenceRows } from './accountability-evidence.repository.js';
import { notifyDecided, notifyOpened, notifyStatement } from './accountability-notify.js';

/** One step on a record, with what it carries. */
export type RecordStep =
  | { action: 'open'; statementDue: string }
  | { action: 'statement'; statement: string }
  | { action: 'decide'; decision: AccountabilityDecision; note?: string | null | undefined }
  | { action: 'dismiss'; reason: string }
  | { action: 'evidence'; items: readonly EvidenceRefInput[] };

/** The row changes of a step (422 for a statement date in the past). */
function changesOf(step: RecordStep, actor: Actor, now: string, today: string): RecordChanges {
  const by = actor.userId;
  switch (step.action) {
    case 'open':
      if (step.statementDue < today) throw new AppError('date_in_past', { date: step.statementDue }, 'statementDue');
      return { status: 'open', statement_due: step.statementDue, opened_by: by, opened_at: now };
    case 'statement':
      return { status: 'responded', statement: step.statement.trim(), statement_at: now, statement_by: by };
    case 'decide':
      return {
        status: 'decided',
        decision: step.decision,
        decision_note: step.note?.trim() || null,
        decided_at: now,
        decided_by: by,
      };
    case 'dismiss':
      // A dismissal keeps its reason where a decision keeps its note; no decision is recorded.
      return { status: 'dismissed', decision_note: step.reason.trim(), decided_at: now, decided_by: by };
    case 'evidence':
      return {};
  }
}

/** What the audit entry says of a step: never the texts (administrators read the audit trail). */
function auditDetail(step: RecordStep, number: string, from: string, to: string) {
  const base = { number, from, to };
  if (step.action === 'decide') return { ...base, decision: step.decision };
  if (step.action === 'evidence') return { ...base, added: step.items.map((i) => `${i.refType}:${i.refId}`) };
  if (step.action === 'open') return { ...base, statementDue: step.statementDue };
  return base;
}

/**
 * Takes one step on a record, in one transaction: 404 when the caller may not see it, 403 when the
 * step is not theirs (the subject answers; supervisors open, decide, dismiss, add evidence), 409
 * version_conflict when it changed since `version`, 409 accountability_action_illegal when its
 * status does not allow the step. The step is audited and announced, and the record answered.
 */
export async function takeRecordStep(
  deps: Deps,
  input: { recordId: number; version: number; actor: Actor; step: RecordStep },
): Promise<AccountabilityRecord> {
  const { actor, step } = input;
  const action: AccountabilityAction = step.action;
  const today = todayOf(deps.config);
  return inTransaction(deps.db, async (trx) => {
    const row = await requireVisibleRecord(trx, actor, input.recordId);
    assertRecordEntitled(actor, row, action);
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'accountability' });
    assertRecordStatus(actor, row, action, today);
    const now = nowIso();
    const changes = changesOf(step, actor, now, today);
    if (step.action === 'evidence') {
      const taskIds = (await listRecordTasks(trx, [row.id])).map((task) => task.id);
      const items = await checkEvidence(trx, { recordId: row.id, items: step.items, taskIds, field: 'items' }, actor);
      const present = new Set((await listEvidenceRows(trx, row.id)).map((e) => `${e.ref_type}:${e.ref_id}`));
      await insertEvidenceRows(
        trx,
        items.filter((item) => !present.has(`${item.ref_type}:${item.ref_id}`)),
      );
    }
    const updated = await updateRecordRow(trx, row.id, input.version, changes, now);
    if (!updated) throw new AppError('version_conflict', { object: 'accountability' });
    if (step.action === 'open') await notifyOpened(trx, updated, actor);
    if (step.action === 'statement') await notifyStatement(trx, updated, actor);
    if (step.action === 'decide') await notifyDecided(trx, updated, actor);
    await insertAuditEntry(trx, actor, {
      action: `accountability.${action}`,
      objectType: 'accountability',
      objectId: row.id,
      detail: auditDetail(step, row.number, row.status, updated.status),
    });
    return presentRecord(trx, updated, { actor, today });
  });
}
