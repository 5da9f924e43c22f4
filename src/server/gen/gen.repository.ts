import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database, Dialect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import { type BulkInserter, postgresInserter, sqliteInserter, type TableSpec } from './gen-bulk.repository.js';
import * as tables from './gen-tables.js';
import type { GenTaskEventRow, GenTaskRow, GenTaskUnitRow } from './gen-task-rows.js';

// The generator's database work outside the row inserts: session settings that make a bulk load
// fast (restored afterwards), the task tables' indexes and full-text triggers set aside during the
// load, PostgreSQL's sequences, and planner statistics.

/** The tables a load fills by the million: their secondary indexes and triggers wait until the end. */
const BULK_TABLES = ['tasks', 'task_units', 'task_events'] as const;

/** One index or trigger of the bulk tables, as sqlite_master (or pg_indexes) holds it. */
export interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** The secondary indexes and triggers of the bulk tables (SQLite: sqlite_master; PostgreSQL: pg_indexes). */
export async function bulkTableObjects(db: Kysely<DB>, dialect: Dialect): Promise<SchemaObject[]> {
  const list = sql.join(BULK_TABLES.map((t) => sql.lit(t)));
  if (dialect === 'postgres') {
    const { rows } = await sql<SchemaObject>`
      select 'index' as type, i.indexname as name, i.indexdef as sql from pg_indexes i
       where i.schemaname = current_schema() and i.tablename in (${list})
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
       order by i.indexname`.execute(db);
    return rows;
  }
  const { rows } = await sql<SchemaObject>`
    select type, name, sql from sqlite_master
     where type in ('index', 'trigger') and sql is not null and tbl_name in (${list})
     order by type, name`.execute(db);
  return rows;
}

let migratedSqlite: Promise<SchemaObject[]> | undefined;
/**
 * SQLite's indexes and triggers of the bulk tables exactly as the migrations create them, read from
 * a throw-away in-memory database migrated for the purpose. Re-creating them from this list (not
 * from a copy of the DDL kept here) cannot drift from the migrations, and also repairs a database
 * whose generation was interrupted while they were set aside.
 */
export function migratedSqliteObjects(): Promise<SchemaObject[]> {
  migratedSqlite ??= (async () => {
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    try {
      await migrateToLatest(db);
      return await bulkTableObjects(db, 'sqlite');
    } finally {
      await db.destroy();
    }
  })();
  return migratedSqlite;
}

/** What the load sets aside: on PostgreSQL the indexes present now are what comes back. */
async function objectsToRestore(db: Kysely<DB>, dialect: Dialect): Promise<SchemaObject[]> {
  return dialect === 'sqlite' ? migratedSqliteObjects() : bulkTableObjects(db, dialect);
}

async function dropObjects(db: Kysely<DB>, objects: readonly SchemaObject[]): Promise<void> {
  for (const object of objects) await sql`drop ${sql.raw(object.type)} if exists ${sql.ref(object.name)}`.execute(db);
}

/** Creates whichever of `wanted` are missing: indexes first (one sort each), then triggers. */
async function createMissing(db: Kysely<DB>, dialect: Dialect, wanted: readonly SchemaObject[]): Promise<void> {
  const present = new Set((await bulkTableObjects(db, dialect)).map((o) => o.name));
  for (const type of ['index', 'trigger'] as const) {
    for (const object of wanted) {
      if (object.type === type && !present.has(object.name)) await sql.raw(object.sql).execute(db);
    }
  }
}

/** How many tasks exist. */
export async function countTasks(db: Database): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next free id of each table the generator fills with explicit ids. */
export async function nextIds(
  db: Kysely<DB>,
): Promise<{ units: number; users: number; sources: number; tasks: number }> {
  const max = async (table: 'units' | 'users' | 'sources' | 'tasks') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  };
  return {
    units: await max('units'),
    users: await max('users'),
    sources: await max('sources'),
    tasks: await max('tasks'),
  };
}

/** The last number used per year (task_counters), so generated numbers continue them. */
export async function readCounters(db: Kysely<DB>): Promise<Map<number, number>> {
  const rows = await db.selectFrom('task_counters').selectAll().execute();
  return new Map(rows.map((r) => [Number(r.year), Number(r.last_seq)]));
}

/** Stores the last number used per year, so registrations after the generation continue from there. */
export async function writeCounters(db: Kysely<DB>, counters: Map<number, number>): Promise<void> {
  for (const [year, last] of counters) {
    await db
      .insertInto('task_counters')
      .values({ year, last_seq: last })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: last }))
      .execute();
  }
}

/** Deletes every task, its units and history, every source and the number counters (`--force`). */
export async function deleteTaskData(db: Kysely<DB>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    // cascade: whatever other modules keep about tasks (plans, reports, files, notifications…) goes too.
    await sql`truncate task_events, task_units, tasks, sources, task_counters cascade`.execute(db);
    return;
  }
  const objects = await bulkTableObjects(db, dialect);
  await dropObjects(db, objects);
  for (const table of [
    ...(await sqliteDependents(db, ['tasks', 'sources'])),
    'task_events',
    'task_units',
    'tasks',
    'sources',
    'task_counters',
  ]) {
    await sql`delete from ${sql.table(table)}`.execute(db);
  }
  await sql`insert into tasks_fts(tasks_fts) values('delete-all')`.execute(db);
  await createMissing(db, dialect, await migratedSqliteObjects());
}

/** Row writers for every table the generator fills, and a transaction around a batch of them. */
export interface GenWriter {
  /** The pinned connection: every query during the load goes through it. */
  db: Kysely<DB>;
  units: BulkInserter<tables.GenUnitRow>;
  users: BulkInserter<tables.GenUserRow>;
  userRoles: BulkInserter<tables.GenUserRoleRow>;
  leaderUnits: BulkInserter<tables.GenLeaderUnitRow>;
  sources: BulkInserter<tables.GenSourceRow>;
  tasks: BulkInserter<GenTaskRow>;
  taskUnits: BulkInserter<GenTaskUnitRow>;
  taskEvents: BulkInserter<GenTaskEventRow>;
  transaction(work: () => Promise<void>): Promise<void>;
  /** SQLite: rebuilds the full-text index from the tasks table in one pass. */
  rebuildSearchIndex(): Promise<void>;
  /** Re-creates the indexes and triggers set aside for the load. */
  restoreIndexes(): Promise<void>;
}

/** Session settings for the load, and how to put them back. */
async function tuneSession(db: Kysely<DB>, dialect: Dialect): Promise<() => Promise<void>> {
  if (dialect === 'postgres') {
    await sql`set synchronous_commit = off`.execute(db);
    await sql`set maintenance_work_mem = '512MB'`.execute(db);
    // Foreign-key checks are row triggers: skipping them (replica mode, for superusers only) makes
    // the load several times faster; the generator writes parents before children, and gen.test.ts
    // checks the references. Without the privilege the load just runs with the checks.
    const { rows } = await sql<{
      ok: boolean;
    }>`select rolsuper as ok from pg_roles where rolname = current_user`.execute(db);
    const replica = rows[0]?.ok === true;
    if (replica) await sql`set session_replication_role = replica`.execute(db);
    return async () => {
      if (replica) await sql`reset session_replication_role`.execute(db);
      await sql`reset synchronous_commit`.execute(db);
      await sql`reset maintenance_work_mem`.execute(db);
    };
  }
  const saved: Array<[string, unknown]> = [];
  for (const [name, value] of [
    ['synchronous', 'OFF'],
    ['cache_size', '-524288'],
    ['temp_store', 'MEMORY'],
  ] as const) {
    const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
    saved.push([name, Object.values(rows[0] ?? {})[0]]);
    await sql`pragma ${sql.raw(name)} = ${sql.raw(value)}`.execute(db);
  }
  return async () => {
    for (const [name, value] of saved) await sql`pragma ${sql.raw(name)} = ${sql.raw(String(value))}`.execute(db);
  };
}

/**
 * Runs a bulk load on one pinned connection. SQLite: synchronous=OFF, a 512 MiB page cache and
 * in-memory temp storage; PostgreSQL: synchronous_commit off and more maintenance memory for index
 * builds — on this connection only, restored afterwards. The task tables' secondary indexes and
 * triggers (SQLite's full-text triggers among them) are set aside and re-created at the end: one
 * sort per index instead of a million scattered index updates.
 *
 * If the load fails halfway: on PostgreSQL it is one transaction (DDL included), so nothing
 * changes; on SQLite (where one transaction of millions of rows would grow the WAL to gigabytes)
 * each batch commits, the indexes and triggers are re-created on the way out, and any missing ones
 * are re-created from the migrations by the next run.
 */
export async function withBulkLoad(
  db: Database,
  dialect: Dialect,
  work: (writer: GenWriter) => Promise<void>,
): Promise<void> {
  await db.connection().execute(async (pinned) => {
    const restoreSession = await tuneSession(pinned, dialect);
    const single = dialect === 'postgres';
    const run = async (statement: string) => {
      await sql.raw(statement).execute(pinned);
    };
    let wanted: SchemaObject[] = [];
    try {
      if (single) await run('begin');
      wanted = await objectsToRestore(pinned, dialect);
      await dropObjects(pinned, await bulkTableObjects(pinned, dialect));
      const make = <Row>(spec: TableSpec<Row>) =>
        dialect === 'sqlite' ? sqliteInserter(pinned, spec) : postgresInserter(pinned, spec);
      await work({
        db: pinned,
        units: make(tables.UNITS),
        users: make(tables.USERS),
        userRoles: make(tables.USER_ROLES),
        leaderUnits: make(tables.LEADER_UNITS),
        sources: make(tables.SOURCES),
        tasks: make(tables.TASKS),
        taskUnits: make(tables.TASK_UNITS),
        taskEvents: make(tables.TASK_EVENTS),
        transaction: async (inner) => {
          if (single) return inner();
          await run('begin immediate');
          try {
            await inner();
            await run('commit');
          } catch (error) {
            await run('rollback');
            throw error;
          }
        },
        rebuildSearchIndex: async () => {
          if (dialect === 'sqlite') await run("insert into tasks_fts(tasks_fts) values('rebuild')");
        },
        restoreIndexes: () => createMissing(pinned, dialect, wanted),
      });
      await createMissing(pinned, dialect, wanted);
      if (single) await run('commit');
    } catch (error) {
      if (single) await run('rollback');
      else await createMissing(pinned, dialect, await objectsToRestore(pinned, dialect));
      throw error;
    } finally {
      await restoreSession();
    }
  });
}

/**
 * After a load: PostgreSQL's serial sequences move past the explicit ids and VACUUM sets the
 * visibility map (index-only scans need it; autovacuum would get there later); both databases
 * gather planner statistics (a fresh million-row table has none, and plans depend on them).
 */
export async function finishLoad(db: Database, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    for (const table of ['units', 'users', 'sources', 'tasks']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
        db,
      );
    }
    await sql`vacuum (analyze)`.execute(db);
    return;
  }
  await sql`analyze`.execute(db);
}

/**
 * SQLite tables that reference the given tables (directly or through each other), the most
 * dependent first, so deleting in that order never trips a foreign key. The task tables themselves
 * are left out (the caller deletes them in its own order).
 */
async function sqliteDependents(db: Kysely<DB>, roots: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string; target: string }>`
    select m.name as name, f."table" as target
    from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table'`.execute(db);
  const own = new Set(['task_events', 'task_units', 'tasks', 'sources', 'task_counters']);
  const order: string[] = [];
  const visit = (table: string, seen: Set<string>) => {
    for (const row of rows) {
      if (row.target !== table || own.has(row.name) || seen.has(row.name)) continue;
      seen.add(row.name);
      visit(row.name, seen);
      if (!order.includes(row.name)) order.push(row.name);
    }
  };
  for (const root of roots) visit(root, new Set());
  return order;
}
