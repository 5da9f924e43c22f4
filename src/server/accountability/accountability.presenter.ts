import type {
  AccountabilityDecision,
  AccountabilityEvidence,
  AccountabilityRecord,
  AccountabilityStatus,
  AccountabilitySummary,
  AccountabilityType,
  EvidenceRefType,
} from '../../shared/accountability-api.js';
import type { TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { unitNames } from '../units/unit-names.repository.js';
import { personNames } from '../users/people-names.repository.js';
import { listRecordHistory, listRecordTasks, type RecordRow } from './accountability.repository.js';
import { allowedRecordActions } from './accountability-access.js';
import { evidenceKey, listEvidenceRows, type ResolvedRef, resolveRefs } from './accountability-evidence.repository.js';

type Context = { actor: Actor; today: string };
type Person = { id: number; displayName: string } | null;

/**
 * Records as lists show them: fields one by one, the subject and linked tasks by name (one query
 * each for the whole page), and what the caller may do to each.
 */
export async function presentSummaries(
  db: Executor,
  rows: readonly RecordRow[],
  context: Context,
): Promise<AccountabilitySummary[]> {
  const [tasks, units, people] = await Promise.all([
    listRecordTasks(
      db,
      rows.map((row) => row.id),
    ),
    unitNames(
      db,
      rows.map((row) => row.subject_unit_id),
    ),
    personNames(
      db,
      rows.map((row) => row.subject_user_id),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    type: row.type as AccountabilityType,
    status: row.status as AccountabilityStatus,
    subjectUnit:
      row.subject_unit_id === null ? null : { id: row.subject_unit_id, name: units.get(row.subject_unit_id) ?? '' },
    subjectUser:
      row.subject_user_id === null
        ? null
        : { id: row.subject_user_id, displayName: people.get(row.subject_user_id) ?? '' },
    tasks: tasks
      .filter((task) => task.record_id === row.id)
      .map((task) => ({ id: task.id, number: task.number, title: task.title, status: task.status as TaskStatus })),
    actionId: row.action_id,
    statementDue: row.statement_due,
    openedAt: row.opened_at,
    decision: row.decision as AccountabilityDecision | null,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions: allowedRecordActions(context.actor, row, context.today),
  }));
}

/** A reference as the record shows it; one whose target is gone keeps its type and id. */
export function presentRef(
  ref: { refType: EvidenceRefType; refId: number },
  resolved: ResolvedRef | undefined,
  extra: { id: number | null; note: string | null; addedAt: string | null; addedBy: Person },
): AccountabilityEvidence {
  return {
    ...extra,
    refType: ref.refType,
    refId: ref.refId,
    taskId: resolved?.taskId ?? null,
    at: resolved?.at ?? null,
    label: resolved?.label ?? '',
  };
}

/** One record in full: the summary, the texts, the evidence resolved, and its history of writes. */
export async function presentRecord(db: Executor, row: RecordRow, context: Context): Promise<AccountabilityRecord> {
  const [[summary], evidenceRows, history] = await Promise.all([
    presentSummaries(db, [row], context),
    listEvidenceRows(db, row.id),
    listRecordHistory(db, row.id),
  ]);
  if (!summary) throw new Error('presentSummaries lost a row');
  const refs = evidenceRows.map((e) => ({ refType: e.ref_type as EvidenceRefType, refId: e.ref_id }));
  const [resolved, names] = await Promise.all([
    resolveRefs(db, refs),
    personNames(db, [
      row.statement_by,
      row.decided_by,
      row.opened_by,
      ...evidenceRows.map((e) => e.added_by),
      ...history.map((h) => h.actor_user_id),
    ]),
  ]);
  const person = (id: number | null): Person => (id === null ? null : { id, displayName: names.get(id) ?? '' });
  return {
    ...summary,
    proposal: row.proposal,
    statement: row.statement,
    statementAt: row.statement_at,
    statementBy: person(row.statement_by),
    decisionNote: row.decision_note,
    decidedBy: person(row.decided_by),
    openedBy: person(row.opened_by),
    evidence: evidenceRows.map((e, index) =>
      presentRef(refs[index] as (typeof refs)[number], resolved.get(evidenceKey(e.ref_type, e.ref_id)), {
        id: e.id,
        note: e.note,
        addedAt: e.added_at,
        addedBy: person(e.added_by),
      }),
    ),
    history: history.map((h) => ({ at: h.at, action: h.action, actor: person(h.actor_user_id) })),
  };
}
