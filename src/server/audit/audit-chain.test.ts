import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash } from '../../domain/audit-chain.js';
import { systemActor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { appendAuditEntries, insertAuditEntry } from './audit.repository.js';
import { type AuditVerification, verifyAuditChain } from './audit.service.js';

// The chain after real API writes, and what verification says after someone with database access
// edits, deletes, inserts or moves entries. Each tampering runs in a transaction that is rolled
// back, so every case starts from the same intact chain.

let t: TestApp;
const actor = systemActor('test');
/** seq → id of the intact chain, and its length. */
let ids: Map<number, number>;
let length: number;

async function api(cookie: string, method: 'POST' | 'PATCH', url: string, payload: object) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, payload, headers: { cookie } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  const city = await api(admin, 'POST', '/units', { name: '链测市政府' });
  const office = await api(admin, 'POST', '/units', { name: '链测办公室', parentId: city.id });
  const renamed = await api(admin, 'PATCH', `/units/${office.id}`, { version: office.version, name: '链测督查室' });
  const moved = await api(admin, 'POST', `/units/${office.id}/move`, { version: renamed.version, parentId: null });
  await api(admin, 'POST', `/units/${office.id}/archive`, { version: moved.version });
  const person = await api(admin, 'POST', '/users', {
    username: 'chain-person',
    displayName: '链测人员',
    password: 'password-123',
    roles: ['unit_staff'],
    unitId: city.id,
  });
  await api(admin, 'PATCH', `/users/${person.id}`, { version: person.version, displayName: '链测人员二' });
  const token = await api(admin, 'POST', '/me/tokens', { name: '链测令牌' });
  await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${token.item.id}`, headers: { cookie: admin } });
  await api(admin, 'POST', '/auth/logout', {});
  const rows = await t.db.selectFrom('audit_log').select(['seq', 'id']).orderBy('seq').execute();
  ids = new Map(rows.map((row) => [row.seq, row.id]));
  length = rows.length;
});
afterAll(() => t.close());

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
async function thenRollBack<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await t.db.transaction().execute(async (trx) => {
      result = await work(trx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** What an attacker with database access does first: switch off the append-only triggers. */
async function dropGuards(db: Kysely<DB>): Promise<void> {
  if (t.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(db);
    await sql`alter table audit_head disable trigger user`.execute(db);
    return;
  }
  for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_head_forward_only']) {
    await sql.raw(`drop trigger ${name}`).execute(db);
  }
}

/** Tampers with the chain (guards off), verifies, and rolls everything back. */
function verifyAfter(tamper: (trx: Transaction<DB>) => Promise<unknown>): Promise<AuditVerification> {
  return thenRollBack(async (trx) => {
    await dropGuards(trx);
    await tamper(trx);
    return verifyAuditChain(trx, { actor });
  });
}

function idAt(seq: number): number {
  const id = ids.get(seq);
  if (id === undefined) throw new Error(`no entry ${seq}`);
  return id;
}

describe(verifyAuditChain.name, () => {
  it('should find the chain intact after a series of real API writes', async () => {
    expect(length).toBeGreaterThanOrEqual(12);
    const head = await t.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const last = await t.db.selectFrom('audit_log').selectAll().where('seq', '=', length).executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.db, { actor })).toEqual({ ok: true, count: length, head });
    expect(head).toEqual({ seq: length, hash: last.hash });
    expect([...ids.keys()]).toEqual(Array.from({ length }, (_, i) => i + 1));
  });

  it('should link every entry to the one before and hash what is stored', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    rows.forEach((row, i) => {
      expect(row.prev_hash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]?.hash);
      const { actor_user_id, object_type, object_id, request_id, prev_hash, ...rest } = row;
      const fields = { ...rest, actorUserId: actor_user_id, objectType: object_type, objectId: object_id };
      expect(entryHash({ ...fields, requestId: request_id, prevHash: prev_hash })).toBe(row.hash);
    });
  });

  it('should name an entry whose detail was edited in the database as altered', async () => {
    const seq = Math.floor(length / 2);
    const result = await verifyAfter((trx) =>
      trx.updateTable('audit_log').set({ detail: '{"name":"改名了"}' }).where('seq', '=', seq).execute(),
    );
    expect(result).toMatchObject({ ok: false, count: seq - 1, firstBad: { seq, id: idAt(seq), problem: 'altered' } });
  });

  it('should name an entry whose actor was changed as altered', async () => {
    const result = await verifyAfter((trx) =>
      trx.updateTable('audit_log').set({ actor_user_id: null, ip: '10.1.2.3' }).where('seq', '=', 3).execute(),
    );
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 3, problem: 'altered' } });
  });

  it('should name the entry after a deleted one as missing', async () => {
    const seq = Math.floor(length / 2);
    const result = await verifyAfter((trx) => trx.deleteFrom('audit_log').where('seq', '=', seq).execute());
    expect(result).toMatchObject({ ok: false, firstBad: { seq: seq + 1, id: idAt(seq + 1), problem: 'missing' } });
  });

  it('should name a forged entry appended past the head as inserted', async () => {
    const result = await verifyAfter(async (trx) => {
      const last = await trx.selectFrom('audit_log').selectAll().where('seq', '=', length).executeTakeFirstOrThrow();
      const { id: _id, ...copy } = last;
      await trx
        .insertInto('audit_log')
        .values({ ...copy, seq: length + 1, prev_hash: last.hash, detail: '{"forged":true}' })
        .execute();
    });
    expect(result).toMatchObject({ ok: false, count: length, firstBad: { seq: length + 1, problem: 'inserted' } });
  });

  it('should name a forged entry that repeats a seq as inserted', async () => {
    const result = await verifyAfter(async (trx) => {
      await sql`drop index audit_log_seq_uq`.execute(trx);
      const row = await trx.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
      const { id: _id, ...copy } = row;
      return trx
        .insertInto('audit_log')
        .values({ ...copy, detail: '{"forged":true}' })
        .returning('id')
        .executeTakeFirstOrThrow();
    });
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 4, problem: 'inserted' } });
    if (!result.ok) expect(result.firstBad.id).toBeGreaterThan(length);
  });

  it('should name two entries that swapped places as reordered', async () => {
    const result = await verifyAfter(async (trx) => {
      await trx.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', 5).execute();
      await trx.updateTable('audit_log').set({ seq: 5 }).where('seq', '=', 6).execute();
      await trx.updateTable('audit_log').set({ seq: 6 }).where('seq', '=', -1).execute();
    });
    expect(result).toMatchObject({ ok: false, count: 4, firstBad: { seq: 5, id: idAt(6), problem: 'reordered' } });
  });

  it('should name the first entry cut off the end as missing, against the recorded head', async () => {
    const result = await verifyAfter((trx) =>
      trx
        .deleteFrom('audit_log')
        .where('seq', '>', length - 2)
        .execute(),
    );
    expect(result).toMatchObject({ ok: false, firstBad: { seq: length - 1, id: null, problem: 'missing' } });
  });

  it('should miss a cut-off tail whose head record was moved back too, unless given the head kept outside', async () => {
    const kept = await t.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const cut = async (trx: Transaction<DB>) => {
      await trx
        .deleteFrom('audit_log')
        .where('seq', '>', length - 2)
        .execute();
      const last = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', length - 2)
        .executeTakeFirstOrThrow();
      await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
    };
    expect(await verifyAfter(cut)).toMatchObject({ ok: true, count: length - 2 });
    const withKept = await thenRollBack(async (trx) => {
      await dropGuards(trx);
      await cut(trx);
      return verifyAuditChain(trx, { actor, expectedHead: kept });
    });
    expect(withKept).toMatchObject({ ok: false, firstBad: { seq: length - 1, id: null, problem: 'missing' } });
  });

  it('should pass when the head kept outside is an earlier point of the same chain', async () => {
    const row = await t.db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.db, { actor, expectedHead: row })).toMatchObject({ ok: true, count: length });
    const wrong = { seq: 3, hash: 'a'.repeat(64) };
    expect(await verifyAuditChain(t.db, { actor, expectedHead: wrong })).toMatchObject({
      ok: false,
      firstBad: { seq: 3, problem: 'altered' },
    });
  });

  it('should refuse a caller who may not read the audit trail', async () => {
    const clerk = { ...actor, via: 'session' as const, userId: 1, roles: new Set(['unit_staff'] as const) };
    await expect(verifyAuditChain(t.db, { actor: clerk })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('append-only guards', () => {
  it('should refuse to change, delete or empty audit entries', async () => {
    await expect(t.db.updateTable('audit_log').set({ detail: '{}' }).where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    if (t.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('should refuse to move the head backwards or remove it', async () => {
    await expect(t.db.updateTable('audit_head').set({ seq: 1 }).execute()).rejects.toThrow(/only moves forward/);
    await expect(t.db.deleteFrom('audit_head').execute()).rejects.toThrow(/append-only/);
  });
});

describe(appendAuditEntries.name, () => {
  it('should chain several entries written together and store before/after canonically', async () => {
    const head = await t.db.selectFrom('audit_head').select(['seq']).executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) =>
      appendAuditEntries(trx, actor, [
        {
          action: 'unit.update',
          objectType: 'unit',
          objectId: 1,
          before: { name: '旧', a: 1 },
          after: { name: '新', a: 2 },
        },
        { action: 'unit.update', objectType: 'unit', objectId: 2 },
      ]),
    );
    const rows = await t.db.selectFrom('audit_log').selectAll().where('seq', '>', head.seq).orderBy('seq').execute();
    expect(rows.map((row) => row.seq)).toEqual([head.seq + 1, head.seq + 2]);
    expect(rows[0]).toMatchObject({
      before: '{"a":1,"name":"旧"}',
      after: '{"a":2,"name":"新"}',
      detail: '{"by":"test"}',
    });
    expect(rows[1]).toMatchObject({ before: null, after: null, prev_hash: rows[0]?.hash });
    expect(await verifyAuditChain(t.db, { actor })).toMatchObject({ ok: true });
  });

  it('should open a transaction of its own when called outside one', async () => {
    await insertAuditEntry(t.db, actor, { action: 'test.standalone', objectType: 'test', objectId: null });
    expect(await verifyAuditChain(t.db, { actor })).toMatchObject({ ok: true });
  });

  it('should leave no gap when the transaction that wrote an entry rolls back', async () => {
    await thenRollBack((trx) =>
      insertAuditEntry(trx, actor, { action: 'test.undone', objectType: 'test', objectId: 1 }),
    );
    await insertAuditEntry(t.db, actor, { action: 'test.kept', objectType: 'test', objectId: 2 });
    const result = await verifyAuditChain(t.db, { actor });
    const count = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(result).toMatchObject({ ok: true, count: Number(count.n) });
  });
});
