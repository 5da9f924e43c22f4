import type { EvidenceRefType } from '../../shared/accountability-api.js';
import type { Executor } from '../db/connect.js';

// Evidence of an accountability record points at what the system already holds — a timeline event,
// a supervision notice, a progress report, a supervision action, a file — by type and id. These
// queries say which task each belongs to, when it happened and what it is called.

/** What a reference resolves to. */
export interface ResolvedRef {
  refType: EvidenceRefType;
  refId: number;
  taskId: number;
  at: string | null;
  label: string;
}

type RefQuery = (db: Executor, where: { ids?: readonly number[]; taskId?: number }) => Promise<ResolvedRef[]>;

/** One query per reference type, by ids or by task (each table has an index on task_id). */
const QUERIES: Record<EvidenceRefType, RefQuery> = {
  event: async (db, where) => {
    let query = db.selectFrom('task_events').select(['id', 'task_id', 'at', 'action']);
    query = where.ids ? query.where('id', 'in', [...where.ids]) : query.where('task_id', '=', where.taskId ?? 0);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({ refType: 'event', refId: r.id, taskId: r.task_id, at: r.at, label: r.action }));
  },
  notice: async (db, where) => {
    let query = db.selectFrom('supervision_notices').select(['id', 'task_id', 'issued_at', 'number']);
    query = where.ids ? query.where('id', 'in', [...where.ids]) : query.where('task_id', '=', where.taskId ?? 0);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({ refType: 'notice', refId: r.id, taskId: r.task_id, at: r.issued_at, label: r.number }));
  },
  report: async (db, where) => {
    let query = db.selectFrom('reports').select(['id', 'task_id', 'submitted_at', 'period_end']);
    query = where.ids
      ? query.where('id', 'in', [...where.ids])
      : query.where('task_id', '=', where.taskId ?? 0).where('submitted_at', 'is not', null);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({
      refType: 'report',
      refId: r.id,
      taskId: r.task_id,
      at: r.submitted_at,
      label: r.period_end,
    }));
  },
  action: async (db, where) => {
    let query = db.selectFrom('supervision_actions').select(['id', 'task_id', 'created_at', 'kind']);
    query = where.ids ? query.where('id', 'in', [...where.ids]) : query.where('task_id', '=', where.taskId ?? 0);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({ refType: 'action', refId: r.id, taskId: r.task_id, at: r.created_at, label: r.kind }));
  },
  file: async (db, where) => {
    let query = db.selectFrom('files').select(['id', 'task_id', 'uploaded_at', 'original_name']);
    query = where.ids
      ? query.where('id', 'in', [...where.ids])
      : query.where('task_id', '=', where.taskId ?? 0).where('deleted_at', 'is', null);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({
      refType: 'file',
      refId: r.id,
      taskId: r.task_id,
      at: r.uploaded_at,
      label: r.original_name,
    }));
  },
};

/** The key resolveRefs answers a reference under. */
export const evidenceKey = (refType: string, refId: number) => `${refType}:${refId}`;

/** Resolves references (at most one query per type); answers them by `type:id`. */
export async function resolveRefs(
  db: Executor,
  refs: ReadonlyArray<{ refType: EvidenceRefType; refId: number }>,
): Promise<Map<string, ResolvedRef>> {
  const byType = new Map<EvidenceRefType, number[]>();
  for (const ref of refs) byType.set(ref.refType, [...(byType.get(ref.refType) ?? []), ref.refId]);
  const found = await Promise.all([...byType].map(([type, ids]) => QUERIES[type](db, { ids: [...new Set(ids)] })));
  return new Map(found.flat().map((ref) => [evidenceKey(ref.refType, ref.refId), ref]));
}

/** Everything on a task that could be evidence, by type then id. */
export async function listTaskRefs(db: Executor, taskId: number): Promise<ResolvedRef[]> {
  const types = Object.keys(QUERIES) as EvidenceRefType[];
  return (await Promise.all(types.map((type) => QUERIES[type](db, { taskId })))).flat();
}

export interface NewEvidenceRow {
  record_id: number;
  ref_type: EvidenceRefType;
  ref_id: number;
  note: string | null;
  added_by: number | null;
  added_at: string;
}

export async function insertEvidenceRows(db: Executor, rows: readonly NewEvidenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('accountability_evidence')
    .values([...rows])
    .execute();
}

/** A record's evidence, in the order it was added (accountability_evidence_record_idx). */
export function listEvidenceRows(db: Executor, recordId: number) {
  return db.selectFrom('accountability_evidence').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
}

/** The supervision actions (and the notices they issued) on a task before an action: the ladder's evidence. */
export function listEarlierActions(db: Executor, taskId: number, beforeActionId: number) {
  return db
    .selectFrom('supervision_actions')
    .select(['id', 'kind', 'notice_id', 'rule_id', 'origin'])
    .where('task_id', '=', taskId)
    .where('id', '<', beforeActionId)
    .orderBy('id')
    .execute();
}
