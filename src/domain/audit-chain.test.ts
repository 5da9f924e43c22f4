import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ChainedFields,
  canonicalEntry,
  canonicalJson,
  chainEntries,
  entryHash,
  GENESIS_HASH,
  parseChainHead,
} from './audit-chain.js';

/** Entry 1 of a chain, as the unit service would write it for the city government. */
const first: ChainedFields = {
  seq: 1,
  at: '2026-11-27T08:00:00.000Z',
  actorUserId: null,
  action: 'unit.create',
  objectType: 'unit',
  objectId: '1',
  detail: '{"name":"市人民政府"}',
  before: null,
  after: null,
  ip: null,
  requestId: null,
  prevHash: GENESIS_HASH,
};

describe(canonicalJson.name, () => {
  it('should sort object keys at every depth and leave no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('should give the same text whatever order the keys were added in', () => {
    expect(canonicalJson({ name: '张伟', roles: ['leader'] })).toBe(canonicalJson({ roles: ['leader'], name: '张伟' }));
  });

  it('should keep explicit nulls and leave out undefined members', () => {
    expect(canonicalJson({ a: null, b: undefined, c: [undefined] })).toBe('{"a":null,"c":[null]}');
  });

  it('should write Chinese text as itself and escape only what JSON requires', () => {
    expect(canonicalJson({ name: '市"发改委"\n' })).toBe('{"name":"市\\"发改委\\"\\n"}');
  });

  it('should write dates through their JSON form', () => {
    expect(canonicalJson({ at: new Date('2026-11-27T08:00:00Z') })).toBe('{"at":"2026-11-27T08:00:00.000Z"}');
  });

  it('should refuse values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe(canonicalEntry.name, () => {
  it('should name every chained field by its column, in sorted order, nulls written out', () => {
    expect(canonicalEntry(first)).toBe(
      `{"action":"unit.create","actor_user_id":null,"after":null,"at":"2026-11-27T08:00:00.000Z","before":null,"detail":"{\\"name\\":\\"市人民政府\\"}","ip":null,"object_id":"1","object_type":"unit","prev_hash":"${GENESIS_HASH}","request_id":null,"seq":1}`,
    );
  });
});

describe(entryHash.name, () => {
  it('should be the SHA-256 of the canonical text in UTF-8, in lower-case hex', () => {
    const expected = createHash('sha256')
      .update(Buffer.from(canonicalEntry(first), 'utf8'))
      .digest('hex');
    expect(entryHash(first)).toBe(expected);
  });

  it('should stay the same across releases (the format is frozen)', () => {
    expect(entryHash(first)).toBe('d9c97be33fd5f386f6678872bb424f59cc9fe0ab2cd1200139d04294853df95e');
  });

  it('should change when any single chained field changes', () => {
    const original = entryHash(first);
    const changes: Partial<ChainedFields>[] = [
      { seq: 2 },
      { at: '2026-11-27T08:00:00.001Z' },
      { actorUserId: 1 },
      { action: 'unit.update' },
      { objectType: 'user' },
      { objectId: '2' },
      { objectId: null },
      { detail: '{"name":"市人民政府 "}' },
      { before: '{}' },
      { after: '{}' },
      { ip: '10.0.0.1' },
      { requestId: 'r-1' },
      { prevHash: '1'.repeat(64) },
    ];
    for (const change of changes) expect([change, entryHash({ ...first, ...change })]).not.toEqual([change, original]);
  });

  it('should tell a null apart from the text "null"', () => {
    expect(entryHash({ ...first, ip: 'null' })).not.toBe(entryHash(first));
  });
});

describe(chainEntries.name, () => {
  it('should number entries after the head and link each to the one before', () => {
    const rows = chainEntries({ seq: 7, hash: 'a'.repeat(64) }, [first, first, first]);
    expect(rows.map((row) => row.seq)).toEqual([8, 9, 10]);
    expect(rows[0]?.prevHash).toBe('a'.repeat(64));
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
    for (const row of rows) expect(entryHash(row)).toBe(row.hash);
  });

  it('should start a new chain from the genesis hash', () => {
    const [row] = chainEntries({ seq: 0, hash: GENESIS_HASH }, [first]);
    expect(row?.hash).toBe(entryHash(first));
  });
});

describe(parseChainHead.name, () => {
  it('should read <seq>:<hash>', () => {
    expect(parseChainHead(`183:${'AB'.repeat(32)}`)).toEqual({ seq: 183, hash: 'ab'.repeat(32) });
  });

  it('should refuse anything else', () => {
    for (const text of ['183', `x:${'a'.repeat(64)}`, `1:${'a'.repeat(63)}`, `-1:${'a'.repeat(64)}`, '']) {
      expect(parseChainHead(text)).toBeUndefined();
    }
  });
});
