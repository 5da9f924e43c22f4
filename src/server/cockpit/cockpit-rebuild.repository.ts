import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import { summaryTerms } from '../tasks/task-stat-terms.js';

// Recomputes the cockpit's unit closure and task summaries from the rows, for the one writer that
// sets the triggers aside: the generator's bulk load (src/server/gen), which drops the task tables'
// triggers (and on PostgreSQL runs with session_replication_role = replica, which silences the
// units' triggers too) while it writes a million rows. Everyone else keeps them current through the
// triggers of migration 0014; cockpit-stats.test.ts holds this rebuild equal to what they keep.

/** Replaces unit_closure with the pairs the units' materialised paths give (0, "everything", above all). */
export async function rebuildUnitClosure(db: Executor): Promise<void> {
  const units = await db.selectFrom('units').select(['id', 'path']).execute();
  const pairs = [{ unit_id: 0, ancestor_id: 0 }];
  for (const unit of units) {
    const ancestors = new Set([0, unit.id, ...unit.path.split('/').filter(Boolean).map(Number)]);
    for (const ancestor of ancestors) pairs.push({ unit_id: unit.id, ancestor_id: ancestor });
  }
  await db.deleteFrom('unit_closure').execute();
  for (let i = 0; i < pairs.length; i += 1000) {
    await db
      .insertInto('unit_closure')
      .values(pairs.slice(i, i + 1000))
      .execute();
  }
}

/** Replaces a summary table with the counts of the task rows it counts (every ancestor; '' and each tag). */
async function rebuild(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  table: 'task_stats' | 'task_bar_stats',
  columns: readonly string[],
  key: RawBuilder<unknown>,
  counts: RawBuilder<boolean>,
): Promise<void> {
  const eachTag =
    dialect === 'postgres'
      ? sql`cross join lateral jsonb_array_elements_text(t.tags::jsonb) as j(value)`
      : sql`, json_each(t.tags) j`;
  const names = sql.raw(['unit_id', 'tag', ...columns].join(', '));
  await db.deleteFrom(table).execute();
  await sql`insert into ${sql.table(table)} (${names}, n)
    select ${names}, count(*) from (
      select c.ancestor_id as unit_id, '' as tag, ${key}
        from tasks t join unit_closure c on c.unit_id = coalesce(t.lead_unit_id, 0) where ${counts}
      union all
      select c.ancestor_id as unit_id, j.value as tag, ${key}
        from tasks t join unit_closure c on c.unit_id = coalesce(t.lead_unit_id, 0) ${eachTag} where ${counts}
    ) k
    group by ${names}`.execute(db);
}

/** Replaces task_stats and task_bar_stats with the counts of the task rows there are. */
export async function rebuildTaskStats(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const k = summaryTerms('t', dialect);
  await rebuild(
    db,
    dialect,
    'task_stats',
    ['is_key', 'status_group', 'light', 'stalled', 'trajectory', 'due_month', 'closed_month', 'on_time'],
    sql`t.is_key as is_key, ${k.statusGroup} as status_group, ${k.light} as light, ${k.stalled} as stalled,
      ${k.trajectory} as trajectory, ${k.dueMonth} as due_month, ${k.closedMonth} as closed_month,
      ${k.onTime} as on_time`,
    sql<boolean>`1 = 1`,
  );
  await rebuild(
    db,
    dialect,
    'task_bar_stats',
    ['is_key', 'light', 'due_month'],
    sql`t.is_key as is_key, ${k.light} as light, ${k.dueMonth} as due_month`,
    sql<boolean>`t.status in (${sql.join(['assigned', 'in_progress', 'closure_requested', 'returned'])})`,
  );
}
