import { type BadEntry, type ChainHead, type ChainRow, entryHash, GENESIS_HASH } from './audit-chain.js';

export interface WalkOptions {
  /** The head the database itself records (table audit_head): entries past it were not appended by the app. */
  recordedHead?: ChainHead | undefined;
  /** A head kept outside the database: the entry at its seq must still be there with that hash. */
  expectedHead?: ChainHead | undefined;
}

interface Position {
  seq: number;
  hash: string;
  id: number | null;
}

const short = (hash: string) => hash.slice(0, 12);

/**
 * Walks audit entries in (seq, id) order and names the first bad one. Each entry must hash to its
 * stored hash and link to the entry before it. When both fail, one entry of look-ahead tells the
 * likely cause apart: a row that belongs one place later and is followed by its own successor was
 * renumbered after a deletion ("missing"); a row skipped by its successor was slipped in
 * ("inserted"); anything else sits where it was not written ("reordered").
 */
export class AuditChainWalker {
  #prev: Position = { seq: 0, hash: GENESIS_HASH, id: null };
  #prevPrevHash: string | null = null;
  #pending: ChainRow | undefined;
  #count = 0;
  #bad: BadEntry | undefined;
  readonly #options: WalkOptions;

  constructor(options: WalkOptions = {}) {
    this.#options = options;
  }

  /** How many entries were found intact (all of them when the walk succeeds). */
  get count(): number {
    return this.#count;
  }

  /** The last intact entry: the chain's head when the walk succeeds. */
  get head(): ChainHead {
    return { seq: this.#prev.seq, hash: this.#prev.hash };
  }

  /** Feeds the next row; returns the first bad entry once one is known (then stop feeding). */
  push(row: ChainRow): BadEntry | undefined {
    if (this.#bad) return this.#bad;
    if (this.#pending) this.#bad = this.#check(this.#pending, row);
    this.#pending = row;
    return this.#bad;
  }

  /** After the last row: checks it, then the end of the chain against the recorded and expected heads. */
  finish(): BadEntry | undefined {
    if (this.#bad) return this.#bad;
    const last = this.#pending;
    this.#pending = undefined;
    this.#bad = (last && this.#check(last, undefined)) ?? this.#checkTail();
    return this.#bad;
  }

  #check(row: ChainRow, next: ChainRow | undefined): BadEntry | undefined {
    const prev = this.#prev;
    const bad = (problem: BadEntry['problem'], detail: string, at: Position = { ...row }): BadEntry => ({
      seq: at.seq,
      id: at.id,
      problem,
      detail,
    });
    if (row.seq <= prev.seq) {
      return bad('inserted', `entry ${row.seq} (id ${row.id}) repeats or precedes sequence number ${prev.seq}`);
    }
    if (row.seq > prev.seq + 1) {
      const gap =
        row.seq - 1 === prev.seq + 1 ? `entry ${prev.seq + 1} is` : `entries ${prev.seq + 1}–${row.seq - 1} are`;
      return bad('missing', `${gap} missing before entry ${row.seq} (id ${row.id})`);
    }
    const recorded = this.#options.recordedHead;
    if (recorded && row.seq > recorded.seq) {
      return bad('inserted', `entry ${row.seq} (id ${row.id}) lies beyond the recorded head ${recorded.seq}`);
    }
    const hashOk = entryHash(row) === row.hash;
    const linkOk = row.prevHash === prev.hash;
    if (!linkOk && prev.id !== null && row.prevHash === this.#prevPrevHash) {
      return bad('inserted', `entry ${prev.seq} (id ${prev.id}) was slipped in: entry ${row.seq} links past it`, prev);
    }
    if (hashOk && !linkOk) {
      // Both self-consistent, but the link does not hold: the earlier one was rewritten and re-hashed.
      const culprit = prev.id === null ? { ...row } : prev;
      return bad('altered', `entry ${row.seq} records a different hash for entry ${prev.seq}`, culprit);
    }
    if (!hashOk && linkOk) {
      return bad('altered', `entry ${row.seq} (id ${row.id}) no longer matches its hash ${short(row.hash)}`);
    }
    if (!hashOk) return this.#classifyMisplaced(row, next, bad);
    return this.#accept(row);
  }

  /** A row whose content and link both fail: renumbered, slipped in, or moved. */
  #classifyMisplaced(
    row: ChainRow,
    next: ChainRow | undefined,
    bad: (problem: BadEntry['problem'], detail: string) => BadEntry,
  ): BadEntry {
    if (entryHash({ ...row, seq: row.seq + 1 }) === row.hash) {
      if (next?.prevHash === row.hash) {
        return bad('missing', `entry ${row.seq} (id ${row.id}) was entry ${row.seq + 1}: the chain was renumbered`);
      }
      return bad('reordered', `entry ${row.seq} (id ${row.id}) was written as entry ${row.seq + 1}`);
    }
    if (!next || next.prevHash === this.#prev.hash) {
      return bad('inserted', `entry ${row.seq} (id ${row.id}) was not written by the chain: nothing links to it`);
    }
    return bad('reordered', `entry ${row.seq} (id ${row.id}) was not written at this place in the chain`);
  }

  #accept(row: ChainRow): BadEntry | undefined {
    const expected = this.#options.expectedHead;
    if (expected && row.seq === expected.seq && row.hash !== expected.hash) {
      return {
        seq: row.seq,
        id: row.id,
        problem: 'altered',
        detail: `entry ${row.seq} has hash ${short(row.hash)}, not ${short(expected.hash)} as the head kept outside says: the chain was rewritten up to here`,
      };
    }
    this.#prevPrevHash = this.#prev.hash;
    this.#prev = { seq: row.seq, hash: row.hash, id: row.id };
    this.#count++;
    return undefined;
  }

  #checkTail(): BadEntry | undefined {
    const prev = this.#prev;
    for (const [head, whose] of [
      [this.#options.recordedHead, 'the database’s head record'],
      [this.#options.expectedHead, 'the head kept outside'],
    ] as const) {
      if (!head) continue;
      if (head.seq > prev.seq) {
        return {
          seq: prev.seq + 1,
          id: null,
          problem: 'missing',
          detail: `entries ${prev.seq + 1}–${head.seq} are missing from the end (${whose} is at ${head.seq})`,
        };
      }
      if (head.seq === prev.seq && head.hash !== prev.hash) {
        return {
          seq: prev.seq,
          id: prev.id,
          problem: 'altered',
          detail: `entry ${prev.seq} has hash ${short(prev.hash)}, not ${short(head.hash)} as ${whose} says`,
        };
      }
    }
    return undefined;
  }
}
