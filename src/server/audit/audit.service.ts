import type { BadEntry, ChainHead } from '../../domain/audit-chain.js';
import { AuditChainWalker } from '../../domain/audit-chain-walker.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { assertAllowed, can } from '../policy.js';
import {
  type AuditListFilter,
  type AuditListRow,
  findAuditHead,
  findFirstRowPastHead,
  listAuditRows,
  listChainRows,
} from './audit.repository.js';

/** One audit entry as the service hands it out. */
export interface AuditRecord {
  id: number;
  seq: number;
  at: string;
  actor: { id: number; displayName: string } | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: ChainHead }
  | { ok: false; count: number; firstBad: BadEntry };

/** Rows read per query while verifying: bounded memory whatever the trail's length. */
const VERIFY_PAGE = 1000;
/** Below every seq a 32-bit integer column can hold, so even tampered seqs ≤ 0 are read. */
const BEFORE_ANY_SEQ = -2147483648;

/** A stored JSON object; text that is not one (tampered with by hand) is shown as it is, not thrown. */
function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return { unreadable: text };
}

function toRecord(row: AuditListRow): AuditRecord {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor:
      row.actor_user_id === null
        ? null
        : { id: row.actor_user_id, displayName: row.actor_display_name ?? `#${row.actor_user_id}` },
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    detail: parseObject(row.detail),
    before: row.before === null ? null : parseObject(row.before),
    after: row.after === null ? null : parseObject(row.after),
    ip: row.ip,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface ListAuditInput extends Omit<AuditListFilter, 'beforeId' | 'limit' | 'actionPrefix'> {
  /** Action or action prefix, e.g. `unit.` or `user.update`. */
  action?: string | undefined;
  cursor?: number | undefined;
  limit: number;
  actor: Actor;
}

/** A page of the audit trail, newest first; `nextCursor` is set when there may be more. */
export async function listAuditEntries(
  db: Executor,
  input: ListAuditInput,
): Promise<{ items: AuditRecord[]; nextCursor: number | null }> {
  assertAllowed(can.readAudit(input.actor));
  const { actor: _actor, cursor, action, limit, ...filters } = input;
  const rows = await listAuditRows(db, { ...filters, actionPrefix: action, beforeId: cursor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toRecord), nextCursor: rows.length > limit && last ? last.id : null };
}

/**
 * The head the database records: what to write down elsewhere to notice a cut-off tail later.
 * Undefined only when its row was removed behind the application's back.
 */
export function getAuditHead(db: Executor, { actor }: { actor: Actor }): Promise<ChainHead | undefined> {
  assertAllowed(can.readAudit(actor));
  return findAuditHead(db);
}

/**
 * Walks the whole chain in seq order, a page at a time, and reports the first entry that was
 * altered, deleted, inserted or moved. Entries are checked up to the head read at the start;
 * entries appended during the walk are left for the next run. `expectedHead` (kept outside the
 * database) also catches entries cut off the end, which the chain alone cannot see.
 */
export async function verifyAuditChain(
  db: Executor,
  { actor, expectedHead }: { actor: Actor; expectedHead?: ChainHead | undefined },
): Promise<AuditVerification> {
  assertAllowed(can.readAudit(actor));
  const recordedHead = await findAuditHead(db);
  const walker = new AuditChainWalker({ recordedHead, expectedHead });
  const fail = (firstBad: BadEntry): AuditVerification => ({ ok: false, count: walker.count, firstBad });
  let position = { afterSeq: BEFORE_ANY_SEQ, afterId: 0 };
  for (;;) {
    const rows = await listChainRows(db, { ...position, upToSeq: recordedHead?.seq, limit: VERIFY_PAGE });
    for (const row of rows) {
      const bad = walker.push(row);
      if (bad) return fail(bad);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < VERIFY_PAGE) break;
    position = { afterSeq: last.seq, afterId: last.id };
  }
  const bad = walker.finish();
  if (bad) return fail(bad);
  if (!recordedHead) {
    const detail = 'the chain’s head record (table audit_head) is missing';
    return fail({ seq: walker.head.seq + 1, id: null, problem: 'missing', detail });
  }
  const past = await findFirstRowPastHead(db);
  if (past) {
    const detail = `entry ${past.seq} (id ${past.id}) lies beyond the recorded head ${recordedHead.seq}`;
    return fail({ seq: past.seq, id: past.id, problem: 'inserted', detail });
  }
  return { ok: true, count: walker.count, head: walker.head };
}
