import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { createDatabase, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import * as auditChain from '../db/migrations/2026_11_27_0003_audit_chain.js';
import { migrations } from '../db/migrations/index.js';
import { createTestDatabaseConfig } from '../test/test-database.js';
import { verifyAuditChain } from './audit.service.js';

// Databases that kept an audit log before the chain existed: migration 0003 chains their entries
// in id order, so `luoshi audit verify` passes on them right after upgrading.

let db: Database;
let drop: () => Promise<void>;
const actor = systemActor('test');

const legacy = [
  { action: 'unit.create', object_type: 'unit', object_id: '1', detail: '{"name":"旧市政府"}' },
  { action: 'auth.login', object_type: 'user', object_id: '1', detail: '{}', ip: '10.0.0.8', request_id: 'r-1' },
  { action: 'unit.update', object_type: 'unit', object_id: '1', detail: '{"to":{"name":"新市政府"},"from":{}}' },
];

beforeAll(async () => {
  const test = await createTestDatabaseConfig();
  drop = test.drop;
  db = createDatabase(test.database).db;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateTo('2026_11_27_0002_unit_integrity');
  if (result.error) throw result.error;
  // The table as it was before 0003 (no chain columns yet), hence the cast past today's row type.
  for (const [i, entry] of legacy.entries()) {
    await db
      .insertInto('audit_log')
      .values({ at: `2026-11-2${i}T08:00:00.000Z`, actor_user_id: null, ip: null, request_id: null, ...entry } as never)
      .execute();
  }
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  await drop();
});

describe('migration 2026_11_27_0003_audit_chain', () => {
  it('should chain entries written before it, in id order, ending at the recorded head', async () => {
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((row) => [row.seq, row.action])).toEqual(legacy.map((entry, i) => [i + 1, entry.action]));
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(head).toEqual({ seq: 3, hash: rows[2]?.hash });
    expect(await verifyAuditChain(db, { actor })).toEqual({ ok: true, count: 3, head });
  });

  it('should undo cleanly and chain the same entries to the same hashes when applied again', async () => {
    const before = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute();
    await auditChain.down(db);
    await expect(db.selectFrom('audit_head').selectAll().execute()).rejects.toThrow();
    await auditChain.up(db);
    expect(await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute()).toEqual(before);
    expect(await verifyAuditChain(db, { actor })).toMatchObject({ ok: true, count: 3 });
  });
});
