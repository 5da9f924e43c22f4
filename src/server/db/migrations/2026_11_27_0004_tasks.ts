import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Sources, the task forest, units per task, task history and
// per-year task numbers; full-text (substring) search by FTS5 trigram on SQLite, pg_trgm on PostgreSQL.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';
  const real = pg ? 'double precision' : 'real';

  await db.schema
    .createTable('sources')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('issuer', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('full_text', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('sources_updated_idx').on('sources').columns(['updated_at', 'id']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('parent_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('category', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('lead_unit_path', 'text')
    .addColumn('responsible_leader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('responsible_person_id', 'integer', (c) => c.references('users.id'))
    .addColumn('start_date', 'text')
    .addColumn('deadline', 'text')
    .addColumn('deadline_working_days', 'integer')
    .addColumn('weight', real, (c) => c.notNull().defaultTo(1))
    .addColumn('progress', real, (c) => c.notNull().defaultTo(0))
    .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('suspended_from', 'text')
    .addColumn('assigned_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('tasks_parent_idx').on('tasks').columns(['parent_id', 'id']).execute();
  // Subtrees are `path LIKE '/12/40/%'`: PostgreSQL serves that from a btree only with
  // text_pattern_ops (its default collation is not "C"); SQLite does with case_sensitive_like on.
  if (pg) await sql`create index tasks_path_idx on tasks (path text_pattern_ops)`.execute(db);
  else await db.schema.createIndex('tasks_path_idx').on('tasks').column('path').execute();
  await db.schema.createIndex('tasks_updated_idx').on('tasks').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('tasks_status_deadline_idx').on('tasks').columns(['status', 'deadline', 'id']).execute();
  // Lead unit (one unit, or each unit of a subtree by path) → status → deadline, then the default
  // sort key and the id: "tasks led under this unit, in these statuses, overdue, newest first" is
  // answered from the index alone (an index-only scan on PostgreSQL, which needs the id in it), and
  // only the page's rows are read (task-list.repository.ts).
  await db.schema
    .createIndex('tasks_lead_path_idx')
    .on('tasks')
    .columns(['lead_unit_path', 'status', 'deadline', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('tasks_lead_unit_idx')
    .on('tasks')
    .columns(['lead_unit_id', 'status', 'deadline', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('tasks_source_idx').on('tasks').columns(['source_id', 'id']).execute();
  await db.schema.createIndex('tasks_person_idx').on('tasks').columns(['responsible_person_id', 'id']).execute();
  await db.schema.createIndex('tasks_leader_idx').on('tasks').columns(['responsible_leader_id', 'id']).execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('part', 'text')
    .addColumn('acknowledged_at', ts)
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_units_unit_idx').on('task_units').columns(['unit_id', 'role', 'task_id']).execute();
  await db.schema.createIndex('task_units_path_idx').on('task_units').columns(['unit_path', 'task_id']).execute();

  await db.schema
    .createTable('task_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('task_events_task_idx').on('task_events').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('task_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  if (pg) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index tasks_search_trgm_idx on tasks using gin ((title || ' ' || coalesce(description, '')) gin_trgm_ops)`.execute(
      db,
    );
  } else {
    await sql`create virtual table tasks_fts using fts5(title, description, content='tasks', content_rowid='id', tokenize='trigram')`.execute(
      db,
    );
    await sql`create trigger tasks_fts_insert after insert on tasks begin
      insert into tasks_fts(rowid, title, description) values (new.id, new.title, coalesce(new.description, ''));
    end`.execute(db);
    await sql`create trigger tasks_fts_delete after delete on tasks begin
      insert into tasks_fts(tasks_fts, rowid, title, description) values ('delete', old.id, old.title, coalesce(old.description, ''));
    end`.execute(db);
    await sql`create trigger tasks_fts_update after update of title, description on tasks begin
      insert into tasks_fts(tasks_fts, rowid, title, description) values ('delete', old.id, old.title, coalesce(old.description, ''));
      insert into tasks_fts(rowid, title, description) values (new.id, new.title, coalesce(new.description, ''));
    end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists tasks_fts`.execute(db);
  for (const table of ['task_counters', 'task_events', 'task_units', 'tasks', 'sources']) {
    await db.schema.dropTable(table).execute();
  }
}
