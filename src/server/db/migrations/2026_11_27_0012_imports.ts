import type { Kysely } from 'kysely';

// Frozen: never edit after it lands. Document and spreadsheet import (issue 6): each source keeps
// the hash of the text it was imported from (importing the same document twice is noticed), and
// each imported row or item keeps its key within the source (the sheet's 序号, the document's item
// path), so re-importing an updated sheet updates the tasks it created instead of duplicating them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('content_hash', 'text').execute();
  await db.schema.createIndex('sources_content_hash_idx').on('sources').column('content_hash').execute();

  await db.schema
    .createTable('import_keys')
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('import_keys_pk', ['source_id', 'row_key'])
    .execute();
  await db.schema.createIndex('import_keys_task_idx').on('import_keys').column('task_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_keys').execute();
  await db.schema.dropIndex('sources_content_hash_idx').execute();
  await db.schema.alterTable('sources').dropColumn('content_hash').execute();
}
