import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { createDatabase } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testPostgresAdminUrl } from '../test/test-database.js';
import { createUnit } from '../units/units.service.js';
import { insertAuditEntry } from './audit.repository.js';
import { verifyAuditChain } from './audit.service.js';

// Many writers appending at once must still build one linear chain: on PostgreSQL they really run
// in parallel (and below, from two separate pools, like two app nodes) and queue on the head row;
// on SQLite they queue behind BEGIN IMMEDIATE. Either way: seqs 1..n, every link intact.

let t: TestApp;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Verifies the chain and checks that its seqs are exactly 1..n. */
async function expectLinearChain(): Promise<number> {
  const rows = await t.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
  expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  expect(await verifyAuditChain(t.db, { actor })).toMatchObject({ ok: true, count: rows.length });
  return rows.length;
}

describe('audit chain under concurrency', () => {
  it('should stay linear when 20 units are created at once', async () => {
    const before = await expectLinearChain();
    const units = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createUnit(t.db, { name: `并发审计单位${i}`, actor })),
    );
    expect(new Set(units.map((unit) => unit.id)).size).toBe(20);
    expect(await expectLinearChain()).toBe(before + 20);
  });

  it('should stay linear and gap-free when 40 transactions append at once and some roll back', async () => {
    const before = await expectLinearChain();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        inTransaction(t.db, async (trx) => {
          await trx.selectFrom('units').select('id').limit(1).execute();
          await pause(i % 3);
          await insertAuditEntry(trx, actor, { action: 'test.concurrent', objectType: 'test', objectId: i });
          if (i % 4 === 0) throw new Error('rolled back on purpose');
        }),
      ),
    );
    const kept = results.filter((result) => result.status === 'fulfilled').length;
    expect(kept).toBe(30);
    expect(await expectLinearChain()).toBe(before + kept);
  });

  it('should stay linear when two app nodes (two connection pools) write at once', async (context) => {
    if (t.dialect !== 'postgres') context.skip();
    const name = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
    const url = new URL(testPostgresAdminUrl());
    url.pathname = `/${name.rows[0]?.name}`;
    const other = createDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 }).db;
    try {
      const before = await expectLinearChain();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          inTransaction(i % 2 ? other : t.db, (trx) =>
            insertAuditEntry(trx, actor, { action: 'test.two_nodes', objectType: 'test', objectId: i }),
          ),
        ),
      );
      expect(await expectLinearChain()).toBe(before + 30);
    } finally {
      await other.destroy();
    }
  });
});
