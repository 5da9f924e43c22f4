import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. The public accountability page (公开督办, issue 8 item 4): a
// report's public summary (written separately from its internal text; shown only once accepted),
// the public's satisfaction ratings with their moderation, and the indexes the anonymous pages read.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema.alterTable('reports').addColumn('public_summary', 'text').execute();
  // The timeline of a public task: its accepted reports, newest first.
  await db.schema.createIndex('reports_task_status_idx').on('reports').columns(['task_id', 'status', 'id']).execute();

  // The public list: only public tasks are indexed (a small slice of all), by lead unit path so an
  // area filter is a prefix range, and by id for the newest-first page.
  await db.schema
    .createIndex('tasks_public_idx')
    .on('tasks')
    .columns(['lead_unit_path', 'id'])
    .where(sql.ref('is_public'), '=', 1)
    .execute();
  await db.schema
    .createIndex('tasks_public_id_idx')
    .on('tasks')
    .column('id')
    .where(sql.ref('is_public'), '=', 1)
    .execute();

  await db.schema
    .createTable('public_ratings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('moderated_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // A task's approved ratings (average, comments) and the moderation queue by status.
  await db.schema
    .createIndex('public_ratings_task_idx')
    .on('public_ratings')
    .columns(['task_id', 'status', 'id'])
    .execute();
  await db.schema.createIndex('public_ratings_status_idx').on('public_ratings').columns(['status', 'id']).execute();
  // The rate limit: one address's ratings in the last hour / day.
  await db.schema
    .createIndex('public_ratings_address_idx')
    .on('public_ratings')
    .columns(['address_hash', 'created_at'])
    .execute();

  // The salt visitors' addresses are hashed with (made here, never shown); and the row rating writers lock.
  await db.schema
    .createTable('public_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('public_secrets')
    .values({ name: 'address_salt', value: randomBytes(32).toString('hex') })
    .execute();
  await db.insertInto('mutexes').values({ name: 'public_ratings' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('mutexes').where('name', '=', 'public_ratings').execute();
  await db.schema.dropTable('public_secrets').execute();
  await db.schema.dropTable('public_ratings').execute();
  await db.schema.dropIndex('tasks_public_id_idx').execute();
  await db.schema.dropIndex('tasks_public_idx').execute();
  await db.schema.dropIndex('reports_task_status_idx').execute();
  await db.schema.alterTable('reports').dropColumn('public_summary').execute();
}
