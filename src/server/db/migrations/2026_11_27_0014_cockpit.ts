import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. The cockpit's summary tables (issue 8), kept equal to the rows
// they summarise by triggers — so every writer (services, imports, the generator, the sweep, a test
// fixture) keeps them current in its own transaction, and no code path can forget to.
//
// - unit_closure: every (unit, ancestor) pair, each unit its own ancestor, and 0 — "everything" —
//   the ancestor of all (and the only one of a task without a lead unit). Kept by triggers on units:
//   a new unit takes its parent's ancestors; a move re-parents the whole subtree.
// - task_stats: the number of tasks per (ancestor of the lead unit, tag or '' for all, key flag,
//   status group, light, stalled key task, trajectory of a key task, deadline month of a task that
//   can be overdue, closure month and on-time flag of a closed task). A unit's subtree is then its
//   own rows — a few thousand at most, read by primary-key prefix — however many tasks lie under it.
// - task_bar_stats: open tasks only per (ancestor, tag, key flag, light, deadline month), narrow, for
//   the per-unit bars and heat map, which read the rows of many units at once.
// - report_slot_stats: report slots per (ancestor of the reporting unit, due date, outcome), for
//   "reports on time".
// - cockpit_snapshots: a day's headline figures per unit, for "change since last week".
// - tasks.closed_on: the local day a task was closed (written with closed_at), so "closed on time"
//   is judged against the deadline in local time.
//
// Key columns are never null (0 or '' instead): a null is distinct from every other null in a unique
// index, so an upsert would never meet its row.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

const OPEN = `('assigned', 'in_progress', 'closure_requested', 'returned')`;
const OVERDUE = `('assigned', 'in_progress', 'returned')`;

/** One summary of tasks: its table, its key columns after (unit_id, tag), their expressions on a task row `r`, and which tasks it counts. */
interface Summary {
  table: string;
  columns: string[];
  expressions: (r: string, pg: boolean) => string[];
  /** A condition on `r`: only these tasks are counted. */
  counts: (r: string) => string;
}

/** The status group: `open` (can be overdue), `closing` (closure requested), `closed`, `other`. */
const group = (r: string) => `case when ${r}.status in ${OVERDUE} then 'open'
  when ${r}.status = 'closure_requested' then 'closing' when ${r}.status = 'closed' then 'closed' else 'other' end`;
const dueMonth = (r: string) =>
  `case when ${r}.status in ${OVERDUE} and ${r}.deadline is not null then substr(${r}.deadline, 1, 7) else '' end`;
const closedDay = (r: string, pg: boolean) =>
  pg
    ? `coalesce(${r}.closed_on, to_char(${r}.closed_at at time zone 'UTC', 'YYYY-MM-DD'))`
    : `coalesce(${r}.closed_on, substr(${r}.closed_at, 1, 10))`;

/**
 * task_stats: every task, for the headline figures, trajectory and completions. The source is not
 * a key (thousands of sources would multiply the rows a view reads; a source's tasks are counted
 * directly), and the statuses are grouped as the figures use them.
 */
const TASK_STATS: Summary = {
  table: 'task_stats',
  columns: ['is_key', 'status_group', 'light', 'stalled', 'trajectory', 'due_month', 'closed_month', 'on_time'],
  expressions: (r, pg) => [
    `${r}.is_key`,
    group(r),
    `coalesce(${r}.health_light, '')`,
    `case when ${r}.is_key = 1 and ${r}.status in ${OPEN} and (${r}.health_flags & 2) <> 0 then 1 else 0 end`,
    `case when ${r}.is_key = 1 and ${r}.status in ${OPEN} and ${r}.health_expected is not null then
       case when ${r}.progress >= ${r}.health_expected then 'on_track'
            when ${r}.progress > ${r}.health_expected - 10 then 'slightly_behind'
            when ${r}.progress > ${r}.health_expected - 30 then 'behind'
            else 'far_behind' end
     else '' end`,
    dueMonth(r),
    `case when ${r}.status = 'closed' and ${r}.closed_at is not null then substr(${closedDay(r, pg)}, 1, 7) else '' end`,
    `case when ${r}.status = 'closed' and ${r}.closed_at is not null
       and (${r}.deadline is null or ${closedDay(r, pg)} <= ${r}.deadline) then 1 else 0 end`,
  ],
  counts: () => '1 = 1',
};

/** task_bar_stats: open tasks only, narrow, for the per-unit bars and the overdue heat map. */
const TASK_BAR_STATS: Summary = {
  table: 'task_bar_stats',
  columns: ['is_key', 'light', 'due_month'],
  expressions: (r) => [`${r}.is_key`, `coalesce(${r}.health_light, '')`, dueMonth(r)],
  counts: (r) => `${r}.status in ${OPEN}`,
};

const SUMMARIES = [TASK_STATS, TASK_BAR_STATS];
const keyOf = (summary: Summary) => ['unit_id', 'tag', ...summary.columns].join(', ');

/** Adds `delta` to a summary's rows of one task (`r`): one per ancestor of its lead unit and per tag ('' and each). */
function summaryUpsert(summary: Summary, r: string, delta: string, pg: boolean): string {
  const tags = pg
    ? `(select '' as tag union select jsonb_array_elements_text(${r}.tags::jsonb)) g`
    : `(select '' as tag union select value from json_each(${r}.tags)) g`;
  return `insert into ${summary.table} (${keyOf(summary)}, n)
    select c.ancestor_id, g.tag, ${summary.expressions(r, pg).join(', ')}, ${delta}
    from unit_closure c, ${tags}
    where c.unit_id = coalesce(${r}.lead_unit_id, 0) and ${summary.counts(r)}
    on conflict (${keyOf(summary)}) do update set n = ${summary.table}.n + excluded.n`;
}

/** A report slot's outcome: its report's, or `open` when it has none submitted. */
function slotOutcome(report: string): string {
  return `case when ${report}.submitted_at is null then 'open'
    when coalesce(${report}.late_working_days, 0) > 0 then 'late' else 'on_time' end`;
}

/** Adds `delta` to slot outcome `outcome` of slot `periodId` (every ancestor of its unit). */
function slotStatsUpsert(periodId: string, outcome: string, delta: string): string {
  return `insert into report_slot_stats (unit_id, due_date, outcome, n)
    select c.ancestor_id, p.due_date, ${outcome}, ${delta}
    from report_periods p join unit_closure c on c.unit_id = p.unit_id
    where p.id = ${periodId}
    on conflict (unit_id, due_date, outcome) do update set n = report_slot_stats.n + excluded.n`;
}

/**
 * What a unit move does to the summaries: the moved unit's own rows (its whole subtree) leave the
 * old parent's ancestors and join the new parent's; the subtree's closure rows follow. 0 is an
 * ancestor of both sides and is left alone.
 */
function moveStatements(oldParent: string, newParent: string, unit: string): string[] {
  const shift = (table: string, key: string, parent: string, sign: string) =>
    `insert into ${table} (${key}, n)
      select a.ancestor_id, ${key
        .split(', ')
        .slice(1)
        .map((col) => `s.${col}`)
        .join(', ')}, ${sign} s.n
      from ${table} s, unit_closure a
      where s.unit_id = ${unit} and s.n <> 0 and a.unit_id = coalesce(${parent}, 0) and a.ancestor_id <> 0
      on conflict (${key}) do update set n = ${table}.n + excluded.n`;
  const tables: Array<[string, string]> = [
    ...SUMMARIES.map((summary): [string, string] => [summary.table, keyOf(summary)]),
    ['report_slot_stats', 'unit_id, due_date, outcome'],
  ];
  return [
    ...tables.map(([table, key]) => shift(table, key, oldParent, '-')),
    `delete from unit_closure
      where unit_id in (select d.unit_id from unit_closure d where d.ancestor_id = ${unit})
        and ancestor_id in (select a.ancestor_id from unit_closure a
          where a.unit_id = coalesce(${oldParent}, 0) and a.ancestor_id <> 0)`,
    `insert into unit_closure (unit_id, ancestor_id)
      select d.unit_id, a.ancestor_id from unit_closure d, unit_closure a
      where d.ancestor_id = ${unit} and a.unit_id = coalesce(${newParent}, 0) and a.ancestor_id <> 0`,
    ...tables.map(([table, key]) => shift(table, key, newParent, '')),
  ];
}

const TASK_COLUMNS = [
  'lead_unit_id',
  'tags',
  'is_key',
  'status',
  'health_light',
  'health_flags',
  'health_expected',
  'progress',
  'deadline',
  'closed_at',
  'closed_on',
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema.alterTable('tasks').addColumn('closed_on', 'text').execute();

  await db.schema
    .createTable('unit_closure')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('ancestor_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_closure_pk', ['unit_id', 'ancestor_id'])
    .execute();
  await db.schema
    .createIndex('unit_closure_ancestor_idx')
    .on('unit_closure')
    .columns(['ancestor_id', 'unit_id'])
    .execute();

  for (const summary of SUMMARIES) {
    let table = db.schema
      .createTable(summary.table)
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull());
    for (const column of summary.columns) {
      const integer = ['is_key', 'stalled', 'on_time'].includes(column);
      table = table.addColumn(column, integer ? 'integer' : 'text', (c) => c.notNull());
    }
    await table
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${summary.table}_pk`, keyOf(summary).split(', ') as any)
      .execute();
  }

  await db.schema
    .createTable('report_slot_stats')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_slot_stats_pk', ['unit_id', 'due_date', 'outcome'])
    .execute();

  await db.schema
    .createTable('cockpit_snapshots')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('cockpit_snapshots_pk', ['unit_id', 'day'])
    .execute();

  // The closure of the units there are, from their materialised paths.
  await run(`insert into unit_closure (unit_id, ancestor_id) values (0, 0)`);
  const units = await db.selectFrom('units').select(['id', 'path']).execute();
  const pairs: Array<{ unit_id: number; ancestor_id: number }> = [];
  for (const unit of units as Array<{ id: number; path: string }>) {
    pairs.push({ unit_id: unit.id, ancestor_id: 0 });
    const ids = new Set(unit.path.split('/').filter(Boolean).map(Number));
    ids.add(unit.id);
    for (const ancestor of ids) pairs.push({ unit_id: unit.id, ancestor_id: ancestor });
  }
  for (let i = 0; i < pairs.length; i += 500) {
    await db
      .insertInto('unit_closure')
      .values(pairs.slice(i, i + 500))
      .execute();
  }

  // The summaries of the rows there are: every task under each ancestor, once for all ('') and
  // once per tag.
  const eachTag = pg
    ? `cross join lateral jsonb_array_elements_text(t.tags::jsonb) as j(value)`
    : `, json_each(t.tags) j`;
  for (const summary of SUMMARIES) {
    const keyed = summary
      .expressions('t', pg)
      .map((expr, i) => `${expr} as ${summary.columns[i]}`)
      .join(', ');
    await run(`insert into ${summary.table} (${keyOf(summary)}, n)
      select ${keyOf(summary)}, count(*)
      from (select c.ancestor_id as unit_id, '' as tag, ${keyed}
            from tasks t join unit_closure c on c.unit_id = coalesce(t.lead_unit_id, 0) where ${summary.counts('t')}
            union all
            select c.ancestor_id as unit_id, j.value as tag, ${keyed}
            from tasks t join unit_closure c on c.unit_id = coalesce(t.lead_unit_id, 0) ${eachTag}
            where ${summary.counts('t')}) k
      group by ${keyOf(summary)}`);
  }
  await run(`insert into report_slot_stats (unit_id, due_date, outcome, n)
    select c.ancestor_id, p.due_date, ${slotOutcome('r')}, count(*)
    from report_periods p join unit_closure c on c.unit_id = p.unit_id left join reports r on r.period_id = p.id
    group by c.ancestor_id, p.due_date, ${slotOutcome('r')}`);

  const changed = (cols: string[]) =>
    cols.map((col) => (pg ? `old.${col} is distinct from new.${col}` : `old.${col} is not new.${col}`)).join(' or ');

  if (pg) {
    await run(`create function task_stats_add(r tasks, delta integer) returns void language sql as $$
      ${SUMMARIES.map((summary) => summaryUpsert(summary, 'r', 'delta', true)).join(';\n      ')} $$`);
    await run(`create function task_stats_change() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then perform task_stats_add(old, -1); end if;
        if tg_op in ('UPDATE', 'INSERT') then perform task_stats_add(new, 1); end if;
        return null;
      end $$`);
    await run(
      `create trigger task_stats_insert after insert on tasks for each row execute function task_stats_change()`,
    );
    await run(
      `create trigger task_stats_delete after delete on tasks for each row execute function task_stats_change()`,
    );
    await run(`create trigger task_stats_update after update on tasks for each row
      when (${changed(TASK_COLUMNS)}) execute function task_stats_change()`);

    await run(`create function unit_closure_change() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into unit_closure (unit_id, ancestor_id)
            select new.id, ancestor_id from unit_closure where unit_id = coalesce(new.parent_id, 0)
            union select new.id, new.id;
        else
          ${moveStatements('old.parent_id', 'new.parent_id', 'new.id').join(';\n          ')};
        end if;
        return null;
      end $$`);
    await run(
      `create trigger unit_closure_insert after insert on units for each row execute function unit_closure_change()`,
    );
    await run(`create trigger unit_closure_move after update of parent_id on units for each row
      when (old.parent_id is distinct from new.parent_id) execute function unit_closure_change()`);

    await run(`create function report_slot_stats_change() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'report_periods' then
          if tg_op = 'INSERT' then
            ${slotStatsUpsert('new.id', `'open'`, '1')};
          else
            insert into report_slot_stats (unit_id, due_date, outcome, n)
              select c.ancestor_id, old.due_date,
                coalesce((select ${slotOutcome('r')} from reports r where r.period_id = old.id), 'open'), -1
              from unit_closure c where c.unit_id = old.unit_id
              on conflict (unit_id, due_date, outcome) do update set n = report_slot_stats.n + excluded.n;
          end if;
        else
          if tg_op = 'INSERT' then
            ${slotStatsUpsert('new.period_id', `'open'`, '-1')};
            ${slotStatsUpsert('new.period_id', slotOutcome('new'), '1')};
          elsif tg_op = 'UPDATE' then
            ${slotStatsUpsert('old.period_id', slotOutcome('old'), '-1')};
            ${slotStatsUpsert('new.period_id', slotOutcome('new'), '1')};
          else
            ${slotStatsUpsert('old.period_id', slotOutcome('old'), '-1')};
            ${slotStatsUpsert('old.period_id', `'open'`, '1')};
          end if;
        end if;
        return null;
      end $$`);
    await run(`create trigger report_slot_stats_periods after insert or delete on report_periods
      for each row execute function report_slot_stats_change()`);
    await run(`create trigger report_slot_stats_reports_change after insert or delete on reports
      for each row execute function report_slot_stats_change()`);
    await run(`create trigger report_slot_stats_reports_update after update on reports for each row
      when (${changed(['period_id', 'submitted_at', 'late_working_days'])}) execute function report_slot_stats_change()`);
  } else {
    const upserts = (r: string, delta: string) =>
      SUMMARIES.map((summary) => `${summaryUpsert(summary, r, delta, false)};`).join('\n      ');
    await run(`create trigger task_stats_insert after insert on tasks begin
      ${upserts('new', '1')} end`);
    await run(`create trigger task_stats_delete after delete on tasks begin
      ${upserts('old', '-1')} end`);
    await run(`create trigger task_stats_update after update on tasks when ${changed(TASK_COLUMNS)} begin
      ${upserts('old', '-1')}
      ${upserts('new', '1')} end`);

    await run(`create trigger unit_closure_insert after insert on units begin
      insert into unit_closure (unit_id, ancestor_id)
        select new.id, ancestor_id from unit_closure where unit_id = coalesce(new.parent_id, 0)
        union select new.id, new.id;
      end`);
    await run(`create trigger unit_closure_move after update of parent_id on units
      when old.parent_id is not new.parent_id begin
      ${moveStatements('old.parent_id', 'new.parent_id', 'new.id').join(';\n      ')};
      end`);

    await run(`create trigger report_slot_stats_period_insert after insert on report_periods begin
      ${slotStatsUpsert('new.id', `'open'`, '1')}; end`);
    await run(`create trigger report_slot_stats_period_delete after delete on report_periods begin
      insert into report_slot_stats (unit_id, due_date, outcome, n)
        select c.ancestor_id, old.due_date,
          coalesce((select ${slotOutcome('r')} from reports r where r.period_id = old.id), 'open'), -1
        from unit_closure c where c.unit_id = old.unit_id
        on conflict (unit_id, due_date, outcome) do update set n = report_slot_stats.n + excluded.n; end`);
    await run(`create trigger report_slot_stats_report_insert after insert on reports begin
      ${slotStatsUpsert('new.period_id', `'open'`, '-1')};
      ${slotStatsUpsert('new.period_id', slotOutcome('new'), '1')}; end`);
    await run(`create trigger report_slot_stats_report_update after update on reports
      when ${changed(['period_id', 'submitted_at', 'late_working_days'])} begin
      ${slotStatsUpsert('old.period_id', slotOutcome('old'), '-1')};
      ${slotStatsUpsert('new.period_id', slotOutcome('new'), '1')}; end`);
    await run(`create trigger report_slot_stats_report_delete after delete on reports begin
      ${slotStatsUpsert('old.period_id', slotOutcome('old'), '-1')};
      ${slotStatsUpsert('old.period_id', `'open'`, '1')}; end`);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  const triggers: Array<[string, string]> = pg
    ? [
        ['task_stats_insert', 'tasks'],
        ['task_stats_delete', 'tasks'],
        ['task_stats_update', 'tasks'],
        ['unit_closure_insert', 'units'],
        ['unit_closure_move', 'units'],
        ['report_slot_stats_periods', 'report_periods'],
        ['report_slot_stats_reports_change', 'reports'],
        ['report_slot_stats_reports_update', 'reports'],
      ]
    : [
        ['task_stats_insert', ''],
        ['task_stats_delete', ''],
        ['task_stats_update', ''],
        ['unit_closure_insert', ''],
        ['unit_closure_move', ''],
        ['report_slot_stats_period_insert', ''],
        ['report_slot_stats_period_delete', ''],
        ['report_slot_stats_report_insert', ''],
        ['report_slot_stats_report_update', ''],
        ['report_slot_stats_report_delete', ''],
      ];
  for (const [name, table] of triggers) await run(`drop trigger if exists ${name}${pg ? ` on ${table}` : ''}`);
  if (pg) {
    await run('drop function if exists task_stats_change()');
    await run('drop function if exists task_stats_add(tasks, integer)');
    await run('drop function if exists unit_closure_change()');
    await run('drop function if exists report_slot_stats_change()');
  }
  await db.schema.dropTable('cockpit_snapshots').execute();
  await db.schema.dropTable('report_slot_stats').execute();
  await db.schema.dropTable('task_bar_stats').execute();
  await db.schema.dropTable('task_stats').execute();
  await db.schema.dropTable('unit_closure').execute();
  await db.schema.alterTable('tasks').dropColumn('closed_on').execute();
}
