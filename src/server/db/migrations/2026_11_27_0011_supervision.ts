import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Supervision (issue 5): each task's health kept on its row, the
// queue of tasks whose health must be recomputed, the actions of the escalation ladder and of
// supervisors (one row per rule, task and occurrence: a unique key, so each fires once however many
// nodes sweep), numbered documents, supervision notices (督办单), extension requests (延期申请) with
// the deadline history, coordination requests (需协调事项), leader instructions (批示), and the
// notification channels: per-user preferences, webhooks and the delivery outbox.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const ts = pg ? 'timestamptz' : 'text';
  const real = pg ? 'double precision' : 'real';

  // Health on the task row: what every list shows and the desk filters on. Written by the sweep only
  // (never bumps version or updated_at: it is not an edit). original_deadline: the deadline as first
  // assigned, kept when extensions move `deadline`.
  await db.schema.alterTable('tasks').addColumn('original_deadline', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('health_light', 'text').execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('health_flags', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('health_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('tasks').addColumn('health_expected', real).execute();
  await db.schema.alterTable('tasks').addColumn('health_forecast', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('health_on', 'text').execute();
  await sql`update tasks set original_deadline = deadline`.execute(db);
  // The desk: tasks of one light, soonest deadline first.
  await db.schema.createIndex('tasks_health_idx').on('tasks').columns(['health_light', 'deadline', 'id']).execute();

  await db.schema.alterTable('task_events').addColumn('detail', 'text').execute();

  await db.schema
    .createTable('health_queue')
    .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('queued_at', ts, (c) => c.notNull())
    .execute();

  // Named runs of periodic work (the daily full sweep, the digest): who holds the lease and until
  // when, and the last day completed. A lease only saves duplicate work; exactly-once comes from keys.
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_day', 'text')
    .addColumn('cursor', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', ts)
    .addColumn('updated_at', ts)
    .execute();

  await db.schema
    .createTable('supervision_actions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text')
    .addColumn('due_on', 'text')
    .addColumn('working_days', 'integer')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('message', 'text')
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notice_id', 'integer')
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addCheckConstraint(
      'supervision_actions_kind_ck',
      sql`kind in ('reminder', 'urge', 'notice', 'interview_proposal', 'accountability_proposal')`,
    )
    .addCheckConstraint('supervision_actions_origin_ck', sql`origin in ('ladder', 'manual')`)
    .execute();
  await db.schema
    .createIndex('supervision_actions_once_idx')
    .on('supervision_actions')
    .columns(['task_id', 'occurrence_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('supervision_actions_recent_idx')
    .on('supervision_actions')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('supervision_actions_unit_idx')
    .on('supervision_actions')
    .columns(['unit_id', 'kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('doc_counters')
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_counters_pk', ['series', 'year'])
    .execute();

  await db.schema
    .createTable('supervision_notices')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('cc_unit_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('action_id', 'integer')
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('response_due', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued'))
    .addColumn('response', 'text')
    .addColumn('responded_at', ts)
    .addColumn('responded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_at', ts)
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('supervision_notices_status_ck', sql`status in ('issued', 'responded', 'accepted', 'returned')`)
    .execute();
  await db.schema
    .createIndex('supervision_notices_number_idx')
    .on('supervision_notices')
    .columns(['year', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('supervision_notices_task_idx')
    .on('supervision_notices')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema
    .createIndex('supervision_notices_unit_idx')
    .on('supervision_notices')
    .columns(['unit_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('supervision_notices_status_idx')
    .on('supervision_notices')
    .columns(['status', 'response_due', 'id'])
    .execute();

  await db.schema
    .createTable('extension_requests')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('progress_note', 'text')
    .addColumn('deadline_at_request', 'text', (c) => c.notNull())
    .addColumn('proposed_deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('needs_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filed_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision_comment', 'text')
    .addColumn('supervisor_decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('supervisor_decided_at', ts)
    .addColumn('leader_decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('leader_decided_at', ts)
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'extension_requests_status_ck',
      sql`status in ('pending_supervisor', 'pending_leader', 'approved', 'rejected', 'withdrawn')`,
    )
    .execute();
  await db.schema
    .createIndex('extension_requests_task_idx')
    .on('extension_requests')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema
    .createIndex('extension_requests_status_idx')
    .on('extension_requests')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('deadline_changes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('from_deadline', 'text')
    .addColumn('to_deadline', 'text')
    .addColumn('extension_id', 'integer', (c) => c.references('extension_requests.id'))
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadline_changes_task_idx').on('deadline_changes').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('coordination_requests')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('to_leader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('commitment_date', 'text')
    .addColumn('response', 'text')
    .addColumn('responded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('responded_at', ts)
    .addColumn('bounce_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('previous_id', 'integer')
    .addColumn('escalated_to_id', 'integer', (c) => c.references('users.id'))
    .addColumn('escalated_at', ts)
    .addColumn('fulfilled_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'coordination_requests_status_ck',
      sql`status in ('open', 'accepted', 'declined', 'passed_on', 'escalated', 'fulfilled', 'withdrawn')`,
    )
    .execute();
  await db.schema
    .createIndex('coordination_requests_task_idx')
    .on('coordination_requests')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema
    .createIndex('coordination_requests_to_idx')
    .on('coordination_requests')
    .columns(['to_unit_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('coordination_requests_status_idx')
    .on('coordination_requests')
    .columns(['status', 'due_date', 'id'])
    .execute();

  await db.schema
    .createTable('instructions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('leader_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('instruction_targets')
    .addColumn('instruction_id', 'integer', (c) => c.notNull().references('instructions.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('response', 'text')
    .addColumn('responded_at', ts)
    .addColumn('responded_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('instruction_targets_pk', ['instruction_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('instruction_targets_task_idx')
    .on('instruction_targets')
    .columns(['task_id', 'instruction_id'])
    .execute();
  await db.schema
    .createIndex('instruction_targets_unit_idx')
    .on('instruction_targets')
    .columns(['unit_id', 'responded_at', 'instruction_id'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('locale', 'text')
    .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('digest_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('muted_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('webhooks_format_ck', sql`format in ('generic', 'wecom', 'dingtalk', 'feishu')`)
    .execute();

  // The outbox: every email and webhook call waits here, written in the transaction of the event it
  // announces, and is sent (with retries and back-off) by the delivery job. dedupe_key keeps one
  // delivery per notification and channel, and one digest per user and day.
  await db.schema
    .createTable('deliveries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('webhook_id', 'integer', (c) => c.references('webhooks.id').onDelete('cascade'))
    .addColumn('notification_id', 'integer')
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('claimed_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addCheckConstraint('deliveries_channel_ck', sql`channel in ('email', 'webhook', 'digest')`)
    .addCheckConstraint('deliveries_status_ck', sql`status in ('pending', 'sent', 'dead')`)
    .execute();
  await db.schema.createIndex('deliveries_dedupe_idx').on('deliveries').columns(['dedupe_key']).unique().execute();
  await db.schema
    .createIndex('deliveries_due_idx')
    .on('deliveries')
    .columns(['status', 'next_attempt_at', 'id'])
    .execute();
  await db.schema.createIndex('deliveries_webhook_idx').on('deliveries').columns(['webhook_id', 'id']).execute();

  const now = new Date().toISOString();
  for (const key of ['supervision', 'ladder', 'notification_channels']) {
    await db
      .insertInto('settings')
      .values({ key, value: '{}', updated_at: now, updated_by: null, version: 1 })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', 'in', ['supervision', 'ladder', 'notification_channels']).execute();
  for (const table of [
    'deliveries',
    'webhooks',
    'notification_prefs',
    'instruction_targets',
    'instructions',
    'coordination_requests',
    'deadline_changes',
    'extension_requests',
    'supervision_notices',
    'doc_counters',
    'supervision_actions',
    'job_runs',
    'health_queue',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('tasks_health_idx').execute();
  await db.schema.alterTable('task_events').dropColumn('detail').execute();
  for (const column of [
    'health_on',
    'health_forecast',
    'health_expected',
    'health_reasons',
    'health_flags',
    'health_light',
    'original_deadline',
  ]) {
    await db.schema.alterTable('tasks').dropColumn(column).execute();
  }
}
