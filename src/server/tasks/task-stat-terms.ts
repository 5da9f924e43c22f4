import { type RawBuilder, sql } from 'kysely';

// The terms the cockpit counts by, as SQL on a task row (alias `t` or `tasks`): the same meaning as
// the summary triggers of migration 0014 give them, for the queries that count or list tasks
// directly — a period's figures and the task list a cockpit figure drills down to. The cockpit's
// proof test holds the two sides equal.

type Alias = 't' | 'tasks';
type Dialect = 'sqlite' | 'postgres';

const OPEN = ['assigned', 'in_progress', 'closure_requested', 'returned'];
const OVERDUE = ['assigned', 'in_progress', 'returned'];

/** The local day a task was closed (closed_on; the UTC day of closed_at for rows closed before it existed). */
export function closedDay(alias: Alias, dialect: Dialect): RawBuilder<string> {
  const on = sql.ref(`${alias}.closed_on`);
  const at = sql.ref(`${alias}.closed_at`);
  return dialect === 'postgres'
    ? sql<string>`coalesce(${on}, to_char(${at} at time zone 'UTC', 'YYYY-MM-DD'))`
    : sql<string>`coalesce(${on}, substr(${at}, 1, 10))`;
}

/** 1 when a task is closed no later than its deadline (or has none), else 0. */
export function closedOnTime(alias: Alias, dialect: Dialect): RawBuilder<number> {
  const t = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<number>`case when ${t('status')} = 'closed' and ${t('closed_at')} is not null
    and (${t('deadline')} is null or ${closedDay(alias, dialect)} <= ${t('deadline')}) then 1 else 0 end`;
}

/** An open key task's progress against its expected progress: on_track, slightly_behind (<10 points), behind (<30), far_behind; '' otherwise. */
export function trajectoryBucket(alias: Alias): RawBuilder<string> {
  const t = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<string>`case when ${t('is_key')} = 1 and ${t('status')} in (${sql.join(OPEN)}) and ${t('health_expected')} is not null then
    case when ${t('progress')} >= ${t('health_expected')} then 'on_track'
         when ${t('progress')} > ${t('health_expected')} - 10 then 'slightly_behind'
         when ${t('progress')} > ${t('health_expected')} - 30 then 'behind'
         else 'far_behind' end else '' end`;
}

/** Whether a task carries a tag (its JSON array of tags). */
export function hasTag(alias: Alias, dialect: Dialect, tag: string): RawBuilder<boolean> {
  const tags = sql.ref(`${alias}.tags`);
  return dialect === 'postgres'
    ? sql<boolean>`(${tags}::jsonb ? ${tag})`
    : sql<boolean>`exists (select 1 from json_each(${tags}) where json_each.value = ${tag})`;
}

/**
 * Every key column of the cockpit's summary (task_stats, task_bar_stats) as SQL on a task row —
 * for counting directly (a period's or a source's tasks) and for the generator's rebuild.
 */
export function summaryTerms(alias: Alias, dialect: Dialect) {
  const t = (col: string) => sql.ref(`${alias}.${col}`);
  const overdue = sql.join(OVERDUE);
  return {
    statusGroup: sql<string>`case when ${t('status')} in (${overdue}) then 'open'
      when ${t('status')} = 'closure_requested' then 'closing' when ${t('status')} = 'closed' then 'closed' else 'other' end`,
    light: sql<string>`coalesce(${t('health_light')}, '')`,
    stalled: sql<number>`case when ${t('is_key')} = 1 and ${t('status')} in (${sql.join(OPEN)})
      and (${t('health_flags')} & 2) <> 0 then 1 else 0 end`,
    trajectory: trajectoryBucket(alias),
    dueMonth: sql<string>`case when ${t('status')} in (${overdue}) and ${t('deadline')} is not null
      then substr(${t('deadline')}, 1, 7) else '' end`,
    closedMonth: sql<string>`case when ${t('status')} = 'closed' and ${t('closed_at')} is not null
      then substr(${closedDay(alias, dialect)}, 1, 7) else '' end`,
    onTime: closedOnTime(alias, dialect),
  };
}
