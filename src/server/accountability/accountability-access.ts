import type { AccountabilityAction, AccountabilityStatus } from '../../shared/accountability-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { can } from '../policy.js';
import { inChargePaths } from '../tasks/task-access.js';
import { findRecordRow, type RecordRow, type RecordScope, subjectPaths } from './accountability.repository.js';

// Who may see and do what to an accountability record. The rules themselves are in policy.ts
// (can.readAccountability, can.superviseAccountability, can.answerAccountability); this module
// applies them to rows: 404 for records out of sight (missing and hidden look the same), 403 for
// steps that are not the caller's, 409 for steps the status does not allow.

const subjectOf = (row: RecordRow) => ({ unitId: row.subject_unit_id, userId: row.subject_user_id });

/** True when the caller may read the record. */
export async function maySeeRecord(db: Executor, actor: Actor, row: RecordRow): Promise<boolean> {
  const subject = subjectOf(row);
  const quick = can.readAccountability(actor, { ...subject, subjectPaths: [] }, []);
  if (quick || !actor.roles.has('leader')) return quick;
  const [paths, leaderPaths] = await Promise.all([subjectPaths(db, subject), inChargePaths(db, actor)]);
  return can.readAccountability(actor, { ...subject, subjectPaths: paths }, leaderPaths);
}

/** A record the caller may read, or 404. */
export async function requireVisibleRecord(db: Executor, actor: Actor, id: number): Promise<RecordRow> {
  const row = await findRecordRow(db, id);
  if (!row || !(await maySeeRecord(db, actor, row))) throw new AppError('not_found', { object: 'accountability' });
  return row;
}

/** The list scope of the caller: the same rule as maySeeRecord, for SQL. */
export async function recordScopeFor(db: Executor, actor: Actor): Promise<RecordScope> {
  const everything = can.readAccountability(actor, { unitId: null, userId: null, subjectPaths: [] }, []);
  const isMember = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
  return {
    all: everything,
    userId: actor.userId,
    unitId: isMember ? actor.unitId : null,
    leaderPaths: everything ? [] : await inChargePaths(db, actor),
  };
}

/** Statuses each step may start from (decide from open only once the statement is overdue). */
const FROM: Record<AccountabilityAction, readonly AccountabilityStatus[]> = {
  open: ['proposed'],
  statement: ['open'],
  decide: ['responded', 'open'],
  dismiss: ['proposed', 'open'],
  evidence: ['proposed', 'open', 'responded'],
};

/** True when the caller is the one to take this step at all (regardless of status). */
function isEntitled(actor: Actor, row: RecordRow, action: AccountabilityAction): boolean {
  if (action === 'statement') return can.answerAccountability(actor, subjectOf(row));
  return can.superviseAccountability(actor);
}

/**
 * True when the status allows the step today. A decision waits for the subject's statement — the
 * right to respond — unless the statement is overdue (the day after `statement_due`).
 */
function isStatusAllowed(row: RecordRow, action: AccountabilityAction, today: string): boolean {
  const status = row.status as AccountabilityStatus;
  if (!FROM[action].includes(status)) return false;
  if (action === 'decide' && status === 'open') return row.statement_due !== null && row.statement_due < today;
  return true;
}

/** What the caller may do to the record now. */
export function allowedRecordActions(actor: Actor, row: RecordRow, today: string): AccountabilityAction[] {
  return (Object.keys(FROM) as AccountabilityAction[]).filter(
    (action) => isEntitled(actor, row, action) && isStatusAllowed(row, action, today),
  );
}

/** 403 unless the step is the caller's to take at all (the subject answers, supervisors do the rest). */
export function assertRecordEntitled(actor: Actor, row: RecordRow, action: AccountabilityAction): void {
  if (!isEntitled(actor, row, action)) throw new AppError('forbidden');
}

/** 409 accountability_action_illegal ({status}) unless the record's status allows the step today. */
export function assertRecordStatus(actor: Actor, row: RecordRow, action: AccountabilityAction, today: string): void {
  if (isStatusAllowed(row, action, today)) return;
  throw new AppError('accountability_action_illegal', { status: row.status }, undefined, {
    allowed: allowedRecordActions(actor, row, today),
  });
}
