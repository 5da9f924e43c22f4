import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Makes two unit rules hold under concurrency on PostgreSQL too
// (SQLite serialises writers anyway): sibling names are unique among active units, and tree moves
// take one shared row lock so two moves can never combine into a cycle.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index units_sibling_name_uq on units (coalesce(parent_id, 0), name) where archived_at is null`.execute(
    db,
  );
  await db.schema
    .createTable('mutexes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .execute();
  await db.insertInto('mutexes').values({ name: 'unit_tree' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mutexes').execute();
  await db.schema.dropIndex('units_sibling_name_uq').execute();
}
