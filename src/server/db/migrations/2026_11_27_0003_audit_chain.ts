import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Turns audit_log into a hash chain: each entry gets a gap-free
// `seq`, the hash of the entry before it and its own hash; `before`/`after` hold the changed fields.
// audit_head (one row) holds the newest seq and hash: writers lock it, so concurrent transactions on
// PostgreSQL append one after another and the chain never forks. Triggers refuse to change or
// delete entries and to move the head backwards (someone with database access can drop them; the
// chain still shows what they did). Entries written before this migration are chained here, in id
// order, with a copy of the canonical form as it stood when this migration was written.

const GENESIS_HASH = '0'.repeat(64);

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

/** Sorted-key, whitespace-free JSON (the form src/domain/audit-chain.ts had for chain version 1). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    .join(',')}}`;
}

/** Chains the entries that exist already (none on a new install). */
async function chainExistingEntries(db: Kysely<any>): Promise<{ seq: number; hash: string }> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_user_id', 'action', 'object_type', 'object_id', 'detail', 'ip', 'request_id'])
    .orderBy('id')
    .execute();
  let head = { seq: 0, hash: GENESIS_HASH };
  for (const row of rows) {
    const seq = head.seq + 1;
    const fields = {
      seq,
      at: typeof row.at === 'string' ? row.at : (row.at as Date).toISOString(),
      actor_user_id: row.actor_user_id,
      action: row.action,
      object_type: row.object_type,
      object_id: row.object_id,
      detail: row.detail,
      before: null,
      after: null,
      ip: row.ip,
      request_id: row.request_id,
      prev_hash: head.hash,
    };
    const hash = createHash('sha256').update(canonical(fields), 'utf8').digest('hex');
    await db.updateTable('audit_log').set({ seq, prev_hash: head.hash, hash }).where('id', '=', row.id).execute();
    head = { seq, hash };
  }
  return head;
}

async function addChainColumns(db: Kysely<any>, pg: boolean): Promise<void> {
  // SQLite cannot add a NOT NULL column without a default; the defaults (0, '') never verify, so a
  // row written without the chain's values is reported rather than trusted.
  const required = [
    ['seq', 'integer', 0],
    ['prev_hash', 'text', ''],
    ['hash', 'text', ''],
  ] as const;
  for (const [name, type, fallback] of required) {
    await db.schema
      .alterTable('audit_log')
      .addColumn(name, type, (c) => (pg ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  await db.schema.alterTable('audit_log').addColumn('before', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('after', 'text').execute();
}

async function addGuards(db: Kysely<any>, pg: boolean): Promise<void> {
  if (pg) {
    await sql`create function audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = '42501';
      end $$`.execute(db);
    await sql`create function audit_head_forward_only() returns trigger language plpgsql as $$
      begin
        if new.seq < old.seq then
          raise exception 'audit_head only moves forward' using errcode = '42501';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_head_no_delete before delete on audit_head
      for each row execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_head_forward_only before update on audit_head
      for each row execute function audit_head_forward_only()`.execute(db);
    return;
  }
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_head_no_delete before delete on audit_head
    begin select raise(abort, 'audit_head is append-only'); end`.execute(db);
  await sql`create trigger audit_head_forward_only before update on audit_head when new.seq < old.seq
    begin select raise(abort, 'audit_head only moves forward'); end`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await addChainColumns(db, pg);
  const head = await chainExistingEntries(db);
  if (pg) {
    for (const name of ['seq', 'prev_hash', 'hash']) {
      await db.schema
        .alterTable('audit_log')
        .alterColumn(name, (c) => c.setNotNull())
        .execute();
    }
  }
  // Verification walks by seq; the audit screen's date filter uses `at`.
  await db.schema.createIndex('audit_log_seq_uq').unique().on('audit_log').column('seq').execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'id']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: head.seq, hash: head.hash }).execute();
  await addGuards(db, pg);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
    await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
    await db.schema.dropTable('audit_head').execute();
    await sql`drop function audit_head_forward_only()`.execute(db);
    await sql`drop function audit_append_only()`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await db.schema.dropTable('audit_head').execute();
  }
  await db.schema.dropIndex('audit_log_at_idx').execute();
  await db.schema.dropIndex('audit_log_seq_uq').execute();
  for (const name of ['after', 'before', 'hash', 'prev_hash', 'seq']) {
    await db.schema.alterTable('audit_log').dropColumn(name).execute();
  }
}
