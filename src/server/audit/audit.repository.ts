import { type Selectable, sql } from 'kysely';
import { type ChainHead, type ChainRow, canonicalJson, chainEntries } from '../../domain/audit-chain.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import type { AuditLogTable } from '../db/schema.js';

// The audit trail is append-only: this module has functions to add entries and to read them, and
// deliberately none to change or remove one (triggers refuse that too; see migration 0003).

export type AuditRow = Selectable<AuditLogTable>;

/** An entry with its actor's display name, as the audit screen lists it. */
export interface AuditListRow extends AuditRow {
  actor_display_name: string | null;
}

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number | null;
  detail?: Record<string, unknown>;
  /** Old values of the fields that changed (see diffFields in src/domain/field-diff.ts). */
  before?: Record<string, unknown>;
  /** New values of the fields that changed. */
  after?: Record<string, unknown>;
}

/** Rows per INSERT, well under SQLite's limit on bound parameters. */
const INSERT_CHUNK = 500;

/** Appends one audit entry; call it inside the transaction that makes the change it records. */
export async function insertAuditEntry(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(db, actor, [entry]);
}

/**
 * Appends entries to the hash chain, in order, inside the caller's transaction. The first statement
 * moves the head forward, which takes the head row's lock: a concurrent writer on PostgreSQL waits
 * there until this transaction ends and then reads the new head, so the chain never forks and a
 * rolled-back transaction leaves no gap. (SQLite runs one write transaction at a time anyway.) Write
 * the entry last in the transaction where you can: the lock is held until commit.
 */
export async function appendAuditEntries(db: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!db.isTransaction) {
    await (db as Database).transaction().execute((trx) => appendAuditEntries(trx, actor, entries));
    return;
  }
  const claimed = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', entries.length) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  if (!claimed) throw new Error('The audit chain has no head row (table audit_head): run the migrations.');
  const at = nowIso();
  const by = actor.via === 'system' ? { by: actor.username } : {};
  const chained = chainEntries(
    { seq: claimed.seq - entries.length, hash: claimed.hash },
    entries.map((entry) => ({
      at,
      actorUserId: actor.userId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId === null ? null : String(entry.objectId),
      detail: canonicalJson({ ...(entry.detail ?? {}), ...by }),
      before: entry.before ? canonicalJson(entry.before) : null,
      after: entry.after ? canonicalJson(entry.after) : null,
      ip: actor.ip,
      requestId: actor.requestId,
    })),
  );
  for (let start = 0; start < chained.length; start += INSERT_CHUNK) {
    const rows = chained.slice(start, start + INSERT_CHUNK).map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      detail: entry.detail,
      before: entry.before,
      after: entry.after,
      ip: entry.ip,
      request_id: entry.requestId,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    }));
    await db.insertInto('audit_log').values(rows).execute();
  }
  const last = chained[chained.length - 1];
  if (last) await db.updateTable('audit_head').set({ hash: last.hash }).where('id', '=', 1).execute();
}

/** The head the database records, or undefined when its row is gone. */
export function findAuditHead(db: Executor): Promise<ChainHead | undefined> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

function toChainRow(row: AuditRow): ChainRow {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    detail: row.detail,
    before: row.before,
    after: row.after,
    ip: row.ip,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * A page of entries in chain order after position (afterSeq, afterId), up to seq `upToSeq`.
 * Keyset on (seq, id) over audit_log_seq_uq; the id only matters when seqs repeat (tampering).
 */
export async function listChainRows(
  db: Executor,
  page: { afterSeq: number; afterId: number; upToSeq: number | undefined; limit: number },
): Promise<ChainRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([eb('seq', '>', page.afterSeq), eb.and([eb('seq', '=', page.afterSeq), eb('id', '>', page.afterId)])]),
    );
  if (page.upToSeq !== undefined) query = query.where('seq', '<=', page.upToSeq);
  const rows = await query.orderBy('seq').orderBy('id').limit(page.limit).execute();
  return rows.map(toChainRow);
}

/**
 * The first entry past the recorded head. One statement reads both, so an append committing
 * meanwhile (it moves head and entry together) can never look like an entry nobody appended.
 */
export async function findFirstRowPastHead(db: Executor): Promise<ChainRow | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', (eb) => eb.selectFrom('audit_head').select('audit_head.seq').where('audit_head.id', '=', 1))
    .orderBy('seq')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && toChainRow(row);
}

export interface AuditListFilter {
  actorId?: number | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  actionPrefix?: string | undefined;
  /** ISO timestamps, inclusive `from`, exclusive `to`. */
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * A page of entries, newest first (keyset: id < beforeId on the primary key), with the actor's
 * name from the same query. The actor filter rides audit_log_actor_idx (actor_user_id, id), the
 * object filter audit_log_object_idx (object_type, object_id, id), a date range audit_log_at_idx.
 * The action filter is a prefix (`unit.` or `unit.create`), a LIKE on the rows the others leave.
 */
export function listAuditRows(db: Executor, filter: AuditListFilter): Promise<AuditListRow[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('users.display_name as actor_display_name');
  if (filter.beforeId !== undefined) query = query.where('audit_log.id', '<', filter.beforeId);
  if (filter.actorId !== undefined) query = query.where('audit_log.actor_user_id', '=', filter.actorId);
  if (filter.objectType) query = query.where('audit_log.object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('audit_log.object_id', '=', filter.objectId);
  if (filter.actionPrefix) {
    const pattern = `${filter.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`audit_log.action like ${pattern} escape '\\'`);
  }
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  return query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
}
