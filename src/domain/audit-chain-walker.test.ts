import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainHead, type ChainRow, chainEntries, entryHash, GENESIS_HASH } from './audit-chain.js';
import { AuditChainWalker, type WalkOptions } from './audit-chain-walker.js';

/** A valid chain of `n` entries with ids 1..n, as the repository would have written them. */
function makeChain(n: number): ChainRow[] {
  const entries = Array.from({ length: n }, (_, i) => ({
    at: new Date(Date.UTC(2026, 10, 27, 8, 0, i)).toISOString(),
    actorUserId: i % 3 === 0 ? null : i,
    action: i % 2 ? 'unit.update' : 'unit.create',
    objectType: 'unit',
    objectId: String(i + 1),
    detail: `{"name":"单位${i + 1}"}`,
    before: null,
    after: null,
    ip: '127.0.0.1',
    requestId: `req-${i + 1}`,
  }));
  return chainEntries({ seq: 0, hash: GENESIS_HASH }, entries).map((row, i) => ({ ...row, id: i + 1 }));
}

/** Feeds the rows in the order the repository reads them: by seq, then id. */
function walk(rows: ChainRow[], options: WalkOptions = {}) {
  const walker = new AuditChainWalker(options);
  const sorted = [...rows].sort((a, b) => a.seq - b.seq || a.id - b.id);
  let bad = undefined as ReturnType<AuditChainWalker['finish']>;
  for (const row of sorted) {
    bad = walker.push(row);
    if (bad) break;
  }
  bad ??= walker.finish();
  return { bad, count: walker.count, head: walker.head };
}

const headOf = (rows: ChainRow[]): ChainHead => {
  const last = rows[rows.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
};

/** Swaps everything but id between two rows: what swapping their positions in the chain amounts to. */
function swapPositions(rows: ChainRow[], a: number, b: number): ChainRow[] {
  const copy = rows.map((row) => ({ ...row }));
  const [x, y] = [copy[a - 1], copy[b - 1]];
  if (!x || !y) throw new Error('no such rows');
  copy[a - 1] = { ...x, seq: y.seq };
  copy[b - 1] = { ...y, seq: x.seq };
  return copy;
}

/** A forged entry the attacker hashed correctly for the place they put it. */
function forge(seq: number, prevHash: string, id: number): ChainRow {
  const fields = { ...(makeChain(1)[0] as ChainRow), seq, prevHash, detail: '{"forged":true}' };
  return { ...fields, id, hash: entryHash(fields) };
}

describe(AuditChainWalker.name, () => {
  it('should accept an intact chain and report its head', () => {
    const rows = makeChain(20);
    expect(walk(rows, { recordedHead: headOf(rows) })).toEqual({ bad: undefined, count: 20, head: headOf(rows) });
  });

  it('should accept an empty chain whose head is the genesis', () => {
    expect(walk([], { recordedHead: { seq: 0, hash: GENESIS_HASH } })).toEqual({
      bad: undefined,
      count: 0,
      head: { seq: 0, hash: GENESIS_HASH },
    });
  });

  it('should name an entry whose content changed as altered', () => {
    const rows = makeChain(10);
    rows[4] = { ...(rows[4] as ChainRow), detail: '{"name":"改过的"}' };
    expect(walk(rows).bad).toMatchObject({ seq: 5, id: 5, problem: 'altered' });
    expect(walk(rows).count).toBe(4);
  });

  it('should name the entry after a deleted one as missing', () => {
    const rows = makeChain(10).filter((row) => row.seq !== 4);
    expect(walk(rows).bad).toMatchObject({ seq: 5, id: 5, problem: 'missing' });
    expect(walk(rows).bad?.detail).toBe('entry 4 is missing before entry 5 (id 5)');
  });

  it('should notice when the first entry is deleted', () => {
    expect(walk(makeChain(5).slice(1)).bad).toMatchObject({ seq: 2, problem: 'missing' });
  });

  it('should name a deletion hidden by renumbering the later entries as missing', () => {
    const rows = makeChain(10)
      .filter((row) => row.seq !== 4)
      .map((row) => (row.seq > 4 ? { ...row, seq: row.seq - 1 } : row));
    expect(walk(rows).bad).toMatchObject({ seq: 4, id: 5, problem: 'missing' });
  });

  it('should name a second entry with the same seq as inserted', () => {
    const rows = makeChain(10);
    rows.push(forge(6, (rows[4] as ChainRow).hash, 11));
    expect(walk(rows).bad).toMatchObject({ seq: 6, id: 11, problem: 'inserted' });
  });

  it('should name an entry past the recorded head as inserted', () => {
    const rows = makeChain(10);
    const head = headOf(rows);
    rows.push(forge(11, head.hash, 11));
    expect(walk(rows, { recordedHead: head }).bad).toMatchObject({ seq: 11, id: 11, problem: 'inserted' });
  });

  it('should name a well-forged entry slipped into the middle (later ones renumbered) as inserted', () => {
    const rows = makeChain(10).map((row) => (row.seq >= 6 ? { ...row, seq: row.seq + 1 } : row));
    rows.push(forge(6, (rows[4] as ChainRow).hash, 11));
    expect(walk(rows).bad).toMatchObject({ seq: 6, id: 11, problem: 'inserted' });
  });

  it('should name a crudely forged entry slipped into the middle as inserted', () => {
    const rows = makeChain(10).map((row) => (row.seq >= 6 ? { ...row, seq: row.seq + 1 } : row));
    rows.push({ ...forge(6, '1'.repeat(64), 11), hash: 'f'.repeat(64) });
    expect(walk(rows).bad).toMatchObject({ seq: 6, id: 11, problem: 'inserted' });
  });

  it('should name two neighbouring entries that swapped places as reordered', () => {
    expect(walk(swapPositions(makeChain(10), 4, 5)).bad).toMatchObject({ seq: 4, id: 5, problem: 'reordered' });
  });

  it('should name distant entries that swapped places as reordered', () => {
    expect(walk(swapPositions(makeChain(10), 3, 8)).bad).toMatchObject({ seq: 3, id: 8, problem: 'reordered' });
  });

  it('should name entries that swapped their contents but kept their hashes as altered', () => {
    const rows = makeChain(10);
    const [a, b] = [rows[2] as ChainRow, rows[7] as ChainRow];
    rows[2] = { ...a, detail: b.detail };
    rows[7] = { ...b, detail: a.detail };
    expect(walk(rows).bad).toMatchObject({ seq: 3, id: 3, problem: 'altered' });
  });

  it('should name an entry rewritten with a fresh hash as altered, found through the next link', () => {
    const rows = makeChain(10);
    const changed = { ...(rows[4] as ChainRow), detail: '{"name":"悄悄改"}' };
    rows[4] = { ...changed, hash: entryHash(changed) };
    expect(walk(rows).bad).toMatchObject({ seq: 5, id: 5, problem: 'altered' });
  });

  it('should report a cut-off tail against the recorded head', () => {
    const rows = makeChain(10);
    const head = headOf(rows);
    expect(walk(rows.slice(0, 7), { recordedHead: head }).bad).toMatchObject({ seq: 8, id: null, problem: 'missing' });
  });

  it('should not see a cut-off tail without a head to compare with', () => {
    expect(walk(makeChain(10).slice(0, 7)).bad).toBeUndefined();
  });

  it('should report a cut-off tail against a head kept outside, even when the recorded head was moved back', () => {
    const rows = makeChain(10);
    const kept = headOf(rows);
    const cut = rows.slice(0, 7);
    expect(walk(cut, { recordedHead: headOf(cut), expectedHead: kept }).bad).toMatchObject({
      seq: 8,
      id: null,
      problem: 'missing',
    });
  });

  it('should report a chain rewritten from some entry on when its hash differs from the head kept outside', () => {
    const rows = makeChain(10);
    const kept = { seq: 8, hash: (rows[7] as ChainRow).hash };
    const rewritten = chainEntries(
      { seq: 4, hash: (rows[3] as ChainRow).hash },
      rows.slice(4).map((row) => ({ ...row, detail: '{"rewritten":true}' })),
    ).map((row, i) => ({ ...row, id: i + 5 }));
    const forged = [...rows.slice(0, 4), ...rewritten];
    expect(walk(forged).bad).toBeUndefined();
    expect(walk(forged, { expectedHead: kept }).bad).toMatchObject({ seq: 8, id: 8, problem: 'altered' });
  });

  it('should report a recorded head whose hash differs from the last entry', () => {
    const rows = makeChain(5);
    expect(walk(rows, { recordedHead: { seq: 5, hash: 'e'.repeat(64) } }).bad).toMatchObject({
      seq: 5,
      problem: 'altered',
    });
  });

  it('should find any single alteration, deletion, duplicate or swap at the entry it happened', () => {
    const tamper = fc.record({
      n: fc.integer({ min: 3, max: 40 }),
      at: fc.integer({ min: 1, max: 1000 }),
      kind: fc.constantFrom('alter', 'delete', 'duplicate', 'swap'),
    });
    fc.assert(
      fc.property(tamper, ({ n, at, kind }) => {
        const rows = makeChain(n);
        const k = 1 + (at % (n - 1)); // 1..n-1, so a deletion always leaves a later entry
        const head = headOf(rows);
        if (kind === 'alter') rows[k - 1] = { ...(rows[k - 1] as ChainRow), ip: '10.9.9.9' };
        if (kind === 'delete') rows.splice(k - 1, 1);
        if (kind === 'duplicate') rows.push({ ...(rows[k - 1] as ChainRow), id: n + 1 });
        const tampered = kind === 'swap' ? swapPositions(rows, k, k + 1) : rows;
        const { bad } = walk(tampered, { recordedHead: head });
        const expected = { alter: k, delete: k + 1, duplicate: k, swap: k }[kind];
        expect(bad?.seq).toBe(expected);
      }),
    );
  });
});
