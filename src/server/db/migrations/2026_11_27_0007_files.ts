import type { Kysely } from 'kysely';

// Frozen: never edit after it lands. Evidence files (content-addressed blobs on disk, one row per
// upload), the links that make a file the evidence of a report, plan milestone or closure, and the
// files setting row with its default size limit (50 MB).

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('files')
    .addColumn('id', id, (c) => c.primaryKey())
    // A draft task may be deleted with its uploads; their blobs are then unreferenced.
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .execute();
  // A task's files, newest first.
  await db.schema.createIndex('files_task_idx').on('files').columns(['task_id', 'id']).execute();
  // "Does any live row still use this blob?" before a blob is removed.
  await db.schema.createIndex('files_sha256_idx').on('files').column('sha256').execute();

  await db.schema
    .createTable('evidence_links')
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('evidence_links_pk', ['file_id', 'subject_type', 'subject_id'])
    .execute();
  // The evidence of a report, milestone or closure application.
  await db.schema
    .createIndex('evidence_links_subject_idx')
    .on('evidence_links')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await db
    .insertInto('settings')
    .values({
      key: 'files',
      value: '{"maxBytes":52428800}',
      updated_at: new Date().toISOString(),
      updated_by: null,
      version: 1,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'files').execute();
  await db.schema.dropTable('evidence_links').execute();
  await db.schema.dropTable('files').execute();
}
