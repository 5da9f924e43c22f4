import type { Kysely } from 'kysely';

// Frozen: never edit after it lands. Closing the loop (issue 7): assessment periods with their
// scoring scheme, the scores they produced (one row per unit and role, and one row per point with
// the fact behind it, so every score explains itself and a frozen period keeps its scores), quality
// ratings, the item-by-item review (逐项分析), rectification items (整改: tasks of kind
// `rectification` with their origin and sign-off 销号), the case library (先进典型/反面典型) with
// adoption by other units, bulletins (通报) and accountability records (问责).

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';

  // A task is an ordinary task or a rectification item; rectifications are listed and carried over
  // by kind (tasks_kind_idx: the open rectifications at a period's start).
  await db.schema
    .alterTable('tasks')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('task'))
    .execute();
  await db.schema.createIndex('tasks_kind_idx').on('tasks').columns(['kind', 'status', 'id']).execute();

  await db.schema
    .createTable('assessment_periods')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('previous_period_id', 'integer', (c) => c.references('assessment_periods.id'))
    .addColumn('computed_at', ts)
    .addColumn('computed_hash', 'text')
    .addColumn('frozen_at', ts)
    .addColumn('frozen_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_periods_ends_idx')
    .on('assessment_periods')
    .columns(['ends_on', 'id'])
    .execute();

  // The tasks a period covers, as resolved when it was last computed (frozen with it).
  await db.schema
    .createTable('assessment_tasks')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('assessment_periods.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_tasks_pk', ['period_id', 'task_id'])
    .execute();
  await db.schema.createIndex('assessment_tasks_task_idx').on('assessment_tasks').column('task_id').execute();

  // A unit's score in a period, as lead or as cooperating unit. Points are hundredths (integers):
  // the same sum on both dialects.
  await db.schema
    .createTable('assessment_results')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('assessment_periods.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_results_pk', ['period_id', 'role', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('assessment_results_rank_idx')
    .on('assessment_results')
    .columns(['period_id', 'role', 'rank'])
    .execute();

  // One point (or deduction) with the fact that produced it: the score's explanation.
  await db.schema
    .createTable('assessment_points')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('assessment_periods.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'integer')
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_points_unit_idx')
    .on('assessment_points')
    .columns(['period_id', 'unit_id', 'role', 'task_id'])
    .execute();

  // A supervisor's or leader's quality rating of one unit's work on one task in a period.
  await db.schema
    .createTable('assessment_ratings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('assessment_periods.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('rater_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('assessment_ratings_key', ['period_id', 'task_id', 'unit_id', 'rater_id'])
    .execute();

  // 逐项分析: each task of a period, done or not, classified.
  await db.schema
    .createTable('assessment_reviews')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('assessment_periods.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text')
    .addColumn('explanation', 'text')
    .addColumn('practices', 'text')
    .addColumn('exemplary_candidate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('assessment_reviews_pk', ['period_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('assessment_reviews_reason_idx')
    .on('assessment_reviews')
    .columns(['period_id', 'reason_code'])
    .execute();

  // 整改: a task of kind `rectification`, where it came from and its sign-off (销号).
  await db.schema
    .createTable('rectifications')
    .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('origin_type', 'text', (c) => c.notNull())
    .addColumn('origin_id', 'integer')
    .addColumn('origin_task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('period_id', 'integer', (c) => c.references('assessment_periods.id'))
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('signed_off_at', ts)
    .addColumn('signed_off_by', 'integer', (c) => c.references('users.id'))
    .addColumn('sign_off_comment', 'text')
    .execute();
  await db.schema
    .createIndex('rectifications_origin_idx')
    .on('rectifications')
    .columns(['origin_type', 'origin_id'])
    .execute();
  await db.schema.createIndex('rectifications_period_idx').on('rectifications').column('period_id').execute();

  // 先进典型 / 反面典型.
  await db.schema
    .createTable('cases')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('write_up', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('period_id', 'integer', (c) => c.references('assessment_periods.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('to_spread', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('cases_kind_idx').on('cases').columns(['kind', 'status', 'id']).execute();
  await db.schema.createIndex('cases_task_idx').on('cases').column('task_id').execute();

  // Other units' adoption of a practice marked "to spread".
  await db.schema
    .createTable('case_adoptions')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('case_adoptions_pk', ['case_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('case_adoptions_unit_idx').on('case_adoptions').column('unit_id').execute();

  // 通报: generated from the data, edited, issued under a number (督通〔2026〕3号).
  await db.schema
    .createTable('bulletins')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('period_id', 'integer', (c) => c.references('assessment_periods.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('number', 'text')
    .addColumn('issued_at', ts)
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('bulletins_number_key', ['year', 'seq'])
    .execute();
  await db.schema.createIndex('bulletins_status_idx').on('bulletins').columns(['status', 'id']).execute();

  // The units a bulletin concerns (it is shown to them), and why: ranked, commended, criticised, overdue.
  await db.schema
    .createTable('bulletin_units')
    .addColumn('bulletin_id', 'integer', (c) => c.notNull().references('bulletins.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('mention', 'text', (c) => c.notNull())
    .addColumn('read_at', ts)
    .addPrimaryKeyConstraint('bulletin_units_pk', ['bulletin_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('bulletin_units_unit_idx')
    .on('bulletin_units')
    .columns(['unit_id', 'bulletin_id'])
    .execute();

  // 问责: restricted records; every read is written to the audit trail by the service.
  await db.schema
    .createTable('accountability_records')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('subject_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('statement_due', 'text')
    .addColumn('statement', 'text')
    .addColumn('statement_at', ts)
    .addColumn('statement_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decision', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', ts)
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('action_id', 'integer', (c) => c.references('supervision_actions.id').unique())
    .addColumn('opened_by', 'integer', (c) => c.references('users.id'))
    .addColumn('opened_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('accountability_number_key', ['year', 'seq'])
    .execute();
  await db.schema
    .createIndex('accountability_status_idx')
    .on('accountability_records')
    .columns(['status', 'id'])
    .execute();
  await db.schema
    .createIndex('accountability_unit_idx')
    .on('accountability_records')
    .column('subject_unit_id')
    .execute();
  await db.schema
    .createIndex('accountability_user_idx')
    .on('accountability_records')
    .column('subject_user_id')
    .execute();

  await db.schema
    .createTable('accountability_tasks')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('accountability_records.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addPrimaryKeyConstraint('accountability_tasks_pk', ['record_id', 'task_id'])
    .execute();
  await db.schema.createIndex('accountability_tasks_task_idx').on('accountability_tasks').column('task_id').execute();

  // Evidence: references to what the system already holds (timeline events, notices, reports,
  // supervision actions, files), with a note.
  await db.schema
    .createTable('accountability_evidence')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('accountability_records.id').onDelete('cascade'))
    .addColumn('ref_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .addColumn('added_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accountability_evidence_record_idx')
    .on('accountability_evidence')
    .column('record_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'accountability_evidence',
    'accountability_tasks',
    'accountability_records',
    'bulletin_units',
    'bulletins',
    'case_adoptions',
    'cases',
    'rectifications',
    'assessment_reviews',
    'assessment_ratings',
    'assessment_points',
    'assessment_results',
    'assessment_tasks',
    'assessment_periods',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('tasks_kind_idx').execute();
  await db.schema.alterTable('tasks').dropColumn('kind').execute();
}
