import { createHash } from 'node:crypto';
import type { AuditChainProblem } from '../shared/audit-api.js';

// The audit trail's hash chain: how an entry is serialised and hashed, and how a walk over the
// entries in sequence order finds the first one that was altered, deleted, inserted or moved.
// Pure: the service feeds rows in; nothing here reads the database.

/** The `prev_hash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** What went wrong with an entry, as verification reports it (altered, missing, inserted, reordered). */
export type ChainProblem = AuditChainProblem;

/**
 * An audit entry's chained fields exactly as stored. `detail`, `before` and `after` are the stored
 * JSON text, hashed as text, so any change to a stored byte changes the hash. The row id is not
 * covered: it is a storage key; `seq` is the entry's place in the chain.
 */
export interface ChainedFields {
  seq: number;
  at: string;
  actorUserId: number | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail: string;
  before: string | null;
  after: string | null;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
}

/** A stored entry as the verifier reads it. */
export interface ChainRow extends ChainedFields {
  id: number;
  hash: string;
}

/** The newest entry's place and hash: what `luoshi audit head` prints and what is kept elsewhere. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The first entry verification found wrong; `id` is null when the entry is absent (a cut-off tail). */
export interface BadEntry {
  seq: number;
  id: number | null;
  problem: ChainProblem;
  detail: string;
}

/**
 * JSON with object keys in sorted order (UTF-16 code units, as RFC 8785) and no whitespace, so equal
 * values always give equal text. Undefined object members are left out, as JSON.stringify does;
 * values JSON cannot represent faithfully (NaN, Infinity, bigint, functions) are refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      const withJson = value as { toJSON?: () => unknown };
      if (typeof withJson.toJSON === 'function') return canonicalJson(withJson.toJSON());
      if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

/**
 * The text an entry's hash is taken over: the canonical JSON of every chained field under its
 * column name, nulls written out. Frozen: changing it would break every existing chain.
 */
export function canonicalEntry(fields: ChainedFields): string {
  return canonicalJson({
    seq: fields.seq,
    at: fields.at,
    actor_user_id: fields.actorUserId,
    action: fields.action,
    object_type: fields.objectType,
    object_id: fields.objectId,
    detail: fields.detail,
    before: fields.before,
    after: fields.after,
    ip: fields.ip,
    request_id: fields.requestId,
    prev_hash: fields.prevHash,
  });
}

/** SHA-256 (lower-case hex) of the entry's canonical text in UTF-8. */
export function entryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalEntry(fields), 'utf8').digest('hex');
}

/** Builds the rows for appending entries after `head`: consecutive seqs, each linked to the one before. */
export function chainEntries<T extends Omit<ChainedFields, 'seq' | 'prevHash'>>(
  head: ChainHead,
  entries: readonly T[],
): Array<T & { seq: number; prevHash: string; hash: string }> {
  let prev = head;
  return entries.map((entry) => {
    const fields = { ...entry, seq: prev.seq + 1, prevHash: prev.hash };
    const hash = entryHash(fields);
    prev = { seq: fields.seq, hash };
    return { ...fields, hash };
  });
}

/** `<seq>:<hash>`, as `--expect-head` takes it; undefined when malformed. */
export function parseChainHead(text: string): ChainHead | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match?.[1] || !match[2]) return undefined;
  return { seq: Number(match[1]), hash: match[2] };
}
