import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. The holiday calendar (dates that differ from "Monday to Friday
// are working days") and a small key/value settings table. The official schedules are not inserted
// here: a start-up service seeds them, so shipping a newly published year needs no migration. The
// two settings rows every install needs are created here with their defaults.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addCheckConstraint('calendar_days_kind_ck', sql`kind in ('holiday', 'workday')`)
    .addCheckConstraint('calendar_days_source_ck', sql`source in ('seed', 'admin', 'import')`)
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('settings')
    .values([
      { key: 'tasks', value: '{"acknowledgeWorkingDays":2}', updated_at: now, updated_by: null, version: 1 },
      {
        key: 'calendar',
        value: '{"publishedYears":[],"seededYears":[]}',
        updated_at: now,
        updated_by: null,
        version: 1,
      },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('calendar_days').execute();
}
