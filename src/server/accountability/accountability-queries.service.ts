import type {
  AccountabilityEvidence,
  AccountabilityRecord,
  AccountabilityStatus,
  AccountabilitySummary,
  AccountabilityType,
} from '../../shared/accountability-api.js';
import { appendAuditEntries } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { assertAllowed, can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { presentRecord, presentRef, presentSummaries } from './accountability.presenter.js';
import { listRecordRows } from './accountability.repository.js';
import { type Deps, todayOf } from './accountability.service.js';
import { recordScopeFor, requireVisibleRecord } from './accountability-access.js';
import { listTaskRefs } from './accountability-evidence.repository.js';

// Reading records. Every read is written to the audit trail in the transaction that reads, one
// entry `accountability.read` per record shown (objectId = the record, detail.via = `record` or
// `list`), so "who has seen record N" is one indexed query (audit_log_object_idx). A list that
// shows nothing writes nothing.

const readEntry = (id: number, via: 'record' | 'list') => ({
  action: 'accountability.read',
  objectType: 'accountability',
  objectId: id,
  detail: { via },
});

/** One record the caller may see (404 otherwise); the read is audited. */
export async function getRecord(deps: Deps, input: { recordId: number; actor: Actor }): Promise<AccountabilityRecord> {
  return inTransaction(deps.db, async (trx) => {
    const row = await requireVisibleRecord(trx, input.actor, input.recordId);
    const record = await presentRecord(trx, row, { actor: input.actor, today: todayOf(deps.config) });
    await appendAuditEntries(trx, input.actor, [readEntry(row.id, 'record')]);
    return record;
  });
}

/**
 * A page of the records the caller may see, newest first. The scope is part of the query
 * (supervisors and auditors all; the subject its own; leaders those in their charge); each record
 * shown is audited as read.
 */
export async function listRecords(
  deps: Deps,
  input: {
    status?: AccountabilityStatus | undefined;
    type?: AccountabilityType | undefined;
    unitId?: number | undefined;
    taskId?: number | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<{ items: AccountabilitySummary[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 1)[0] : undefined;
  if (after !== undefined && !Number.isInteger(after)) throw new AppError('invalid_cursor', {}, 'cursor');
  return inTransaction(deps.db, async (trx) => {
    const rows = await listRecordRows(trx, {
      scope: await recordScopeFor(trx, input.actor),
      status: input.status,
      type: input.type,
      unitId: input.unitId,
      taskId: input.taskId,
      beforeId: after === undefined ? undefined : Number(after),
      limit: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const items = await presentSummaries(trx, page, { actor: input.actor, today: todayOf(deps.config) });
    await appendAuditEntries(
      trx,
      input.actor,
      page.map((row) => readEntry(row.id, 'list')),
    );
    return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
  });
}

/**
 * What on a task could be evidence (timeline events, notices, reports, actions, files), for the
 * supervision office. It shows task facts only, no record, so administrators (who see every task) may ask too.
 */
export async function listEvidenceCandidates(
  deps: Deps,
  input: { taskId: number; actor: Actor },
): Promise<AccountabilityEvidence[]> {
  assertAllowed(can.manageTasks(input.actor));
  await requireVisibleTask(deps.db, input.actor, input.taskId);
  const refs = await listTaskRefs(deps.db, input.taskId);
  return refs.map((ref) => presentRef(ref, ref, { id: null, note: null, addedAt: null, addedBy: null }));
}
