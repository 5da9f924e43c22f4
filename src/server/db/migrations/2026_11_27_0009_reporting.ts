import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Reporting (进展反馈): per-task cycles, the schedule that says
// when each task's next period ends, the report slots opened per period and unit, the reports with
// every review round, the per-task reporting state (stalled), and the reports setting row.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';
  const real = pg ? 'double precision' : 'real';

  await db.schema
    .createTable('report_cycles')
    .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('custom_dates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('anchor_date', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addCheckConstraint(
      'report_cycles_kind_ck',
      sql`kind in ('none', 'weekly', 'biweekly', 'monthly', 'quarterly', 'custom')`,
    )
    .execute();

  // When each task's next period ends: the slot job visits only tasks whose next period has ended
  // (an index range below today), never the whole task table. '' = recompute from today.
  await db.schema
    .createTable('report_schedules')
    .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('next_period_end', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_schedules_next_idx')
    .on('report_schedules')
    .columns(['next_period_end', 'task_id'])
    .execute();

  // How far the slot job has read task_events (assignments, reopenings, resumptions).
  await db.schema
    .createTable('report_slot_cursor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('report_slot_cursor').values({ id: 1, last_event_id: 0 }).execute();

  await db.schema
    .createTable('report_periods')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    // 1 once the slot job has looked at it after its due date (and told the unit if it was missing).
    .addColumn('due_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('report_periods_slot_uq', ['task_id', 'unit_id', 'period_end'])
    .addCheckConstraint('report_periods_role_ck', sql`role in ('lead', 'cooperating')`)
    .execute();
  // A task's periods newest first (the unique constraint leads with task_id, then unit).
  await db.schema
    .createIndex('report_periods_task_idx')
    .on('report_periods')
    .columns(['task_id', 'period_end', 'unit_id'])
    .execute();
  // "Lead reports due before today" across tasks (missing reports, reminders).
  await db.schema
    .createIndex('report_periods_due_idx')
    .on('report_periods')
    .columns(['role', 'due_date', 'task_id'])
    .execute();
  // The slots whose due date passed and that nobody has checked yet: the missing-report job's work list.
  await db.schema
    .createIndex('report_periods_unchecked_idx')
    .on('report_periods')
    .columns(['due_checked', 'due_date', 'id'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('period_id', 'integer', (c) => c.notNull().unique().references('report_periods.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('done_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_steps', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('coordination', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('percent', real)
    .addColumn('target_values', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('milestones_done', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('explanation', 'text')
    .addColumn('norm_length', 'integer')
    .addColumn('similarity', real)
    .addColumn('similar_report_id', 'integer')
    .addColumn('submitted_at', ts)
    .addColumn('late_working_days', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint(
      'reports_status_ck',
      sql`status in ('draft', 'pending_head', 'pending_supervisor', 'accepted', 'returned')`,
    )
    .addCheckConstraint('reports_role_ck', sql`role in ('lead', 'cooperating')`)
    .execute();
  // A unit's earlier reports on a task (the previous report to compare with), newest first.
  await db.schema
    .createIndex('reports_task_unit_idx')
    .on('reports')
    .columns(['task_id', 'unit_id', 'period_end'])
    .execute();
  // The same unit's reports on other tasks for the same period, of a comparable length.
  await db.schema
    .createIndex('reports_unit_period_idx')
    .on('reports')
    .columns(['unit_id', 'period_end', 'norm_length'])
    .execute();
  // The supervision queue: reports waiting in a status, oldest first.
  await db.schema.createIndex('reports_status_idx').on('reports').columns(['status', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('report_rounds')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('snapshot', 'text')
    .execute();
  await db.schema.createIndex('report_rounds_report_idx').on('report_rounds').columns(['report_id', 'id']).execute();

  await db.schema
    .createTable('task_report_state')
    .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('stalled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stalled_since', ts)
    .addColumn('last_percent', real)
    .addColumn('last_report_at', ts)
    // The period whose accepted lead report last changed the percent (or first gave one).
    .addColumn('change_period_end', 'text')
    .execute();
  await db.schema
    .createIndex('task_report_state_stalled_idx')
    .on('task_report_state')
    .columns(['stalled', 'task_id'])
    .execute();

  await db
    .insertInto('settings')
    .values({
      key: 'reports',
      value: '{"defaultCycle":"monthly","dueWorkingDays":3,"stalledCycles":2}',
      updated_at: new Date().toISOString(),
      updated_by: null,
      version: 1,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'reports').execute();
  for (const table of [
    'task_report_state',
    'report_rounds',
    'reports',
    'report_periods',
    'report_slot_cursor',
    'report_schedules',
    'report_cycles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
