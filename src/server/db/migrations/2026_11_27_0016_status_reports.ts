import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Implementation reports (落实情况报告, issue 8 item 3): schedules
// that generate a weekly or monthly report on a source or an assessment period for their owner's
// scope and email it to chosen people, and the record of every run. A run is unique on (schedule,
// due time), so however many nodes find the same schedule due, one of them sends it.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('status_report_schedules')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.references('assessment_periods.id').onDelete('cascade'))
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('day_of_month', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('hour', 'integer', (c) => c.notNull().defaultTo(9))
    // JSON arrays: the formats attached (docx, pdf, xlsx) and the recipients' user ids.
    .addColumn('formats', 'text', (c) => c.notNull())
    .addColumn('recipient_ids', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_run_at', ts)
    .addColumn('next_run_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // Exactly one of source and period.
    .addCheckConstraint('status_report_schedules_subject_ck', sql`(source_id is null) <> (period_id is null)`)
    .execute();
  // The job's work list: enabled schedules by when they are next due.
  await db.schema
    .createIndex('status_report_schedules_due_idx')
    .on('status_report_schedules')
    .columns(['enabled', 'next_run_at'])
    .execute();

  await db.schema
    .createTable('status_report_runs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('schedule_id', 'integer', (c) =>
      c.notNull().references('status_report_schedules.id').onDelete('cascade'),
    )
    // The due time a scheduled run answers; null for "send now".
    .addColumn('due_at', ts)
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('ran_at', ts, (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of { id, name, email } as they were when sent.
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('run_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('status_report_runs_due_key', ['schedule_id', 'due_at'])
    .execute();
  await db.schema
    .createIndex('status_report_runs_schedule_idx')
    .on('status_report_runs')
    .columns(['schedule_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('status_report_runs').execute();
  await db.schema.dropTable('status_report_schedules').execute();
}
