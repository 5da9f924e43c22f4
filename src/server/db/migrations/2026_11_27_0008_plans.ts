import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Plans (办理方案) in versions, cooperating units' parts of each
// version, every review round with a snapshot, and the plans setting row with its default.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('plans')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addColumn('decided_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('plans_task_version_uq', ['task_id', 'version_no'])
    .addCheckConstraint(
      'plans_status_ck',
      sql`status in ('draft', 'pending_head', 'pending_supervisor', 'accepted', 'returned', 'superseded')`,
    )
    .execute();
  // At most one version of a task's plan is being worked on, and at most one is in force: two
  // people revising at once cannot both open a version (partial unique indexes, both dialects).
  await sql`create unique index plans_open_uq on plans (task_id) where status not in ('accepted', 'superseded')`.execute(
    db,
  );
  await sql`create unique index plans_accepted_uq on plans (task_id) where status = 'accepted'`.execute(db);
  // The review queue: versions waiting in a status, oldest submission first.
  await db.schema.createIndex('plans_status_idx').on('plans').columns(['status', 'submitted_at', 'id']).execute();

  await db.schema
    .createTable('plan_parts')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('plan_parts_pk', ['plan_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('plan_rounds')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('snapshot', 'text')
    .execute();
  await db.schema.createIndex('plan_rounds_plan_idx').on('plan_rounds').columns(['plan_id', 'id']).execute();

  await db
    .insertInto('settings')
    .values({
      key: 'plans',
      value: '{"requireAcceptedForKeyTasks":false}',
      updated_at: new Date().toISOString(),
      updated_by: null,
      version: 1,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'plans').execute();
  for (const table of ['plan_rounds', 'plan_parts', 'plans']) {
    await db.schema.dropTable(table).execute();
  }
}
