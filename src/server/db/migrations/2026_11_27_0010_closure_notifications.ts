import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. The in-app notifications inbox, closure applications (申请办结)
// with every review round kept, and the closure setting row with its default.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('notifications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'integer')
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  // "My unread, newest first" and its count: an equality on user and a null read_at, then ids.
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['user_id', 'read_at', 'id'])
    .execute();
  // "All of mine, newest first", keyset on id.
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('closure_applications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_results', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addColumn('decided_at', ts)
    .addCheckConstraint(
      'closure_applications_status_ck',
      sql`status in ('draft', 'pending_head', 'pending_supervisor', 'pending_leader', 'accepted', 'returned')`,
    )
    .execute();
  // The task's current application is its newest one.
  await db.schema
    .createIndex('closure_applications_task_idx')
    .on('closure_applications')
    .columns(['task_id', 'id'])
    .execute();
  // The review queue: applications waiting in a status, newest step first.
  await db.schema
    .createIndex('closure_applications_status_idx')
    .on('closure_applications')
    .columns(['status', 'updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('closure_rounds')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) =>
      c.notNull().references('closure_applications.id').onDelete('cascade'),
    )
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('snapshot', 'text')
    .execute();
  await db.schema
    .createIndex('closure_rounds_application_idx')
    .on('closure_rounds')
    .columns(['application_id', 'id'])
    .execute();

  await db
    .insertInto('settings')
    .values({
      key: 'closure',
      value: '{"leaderConfirmsKeyTasks":false}',
      updated_at: new Date().toISOString(),
      updated_by: null,
      version: 1,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'closure').execute();
  for (const table of ['closure_rounds', 'closure_applications', 'notifications']) {
    await db.schema.dropTable(table).execute();
  }
}
