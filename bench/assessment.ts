import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { scorePeriod } from '../src/domain/assessment-scoring.js';
import { localDate } from '../src/domain/dates.js';
import { createPeriod } from '../src/server/assessment/assessment.service.js';
import { localDayReader, periodInstants } from '../src/server/assessment/assessment-clock.js';
import { computePeriod } from '../src/server/assessment/assessment-compute.service.js';
import { gatherPeriodFacts } from '../src/server/assessment/assessment-facts.repository.js';
import { resolvePeriodTasks } from '../src/server/assessment/assessment-members.repository.js';
import { explainScore, getResults } from '../src/server/assessment/assessment-queries.service.js';
import { systemActor } from '../src/server/auth/actor.js';
import { ensureCalendarSeeded } from '../src/server/calendar/calendar-seed.service.js';
import { loadWorkingCalendar } from '../src/server/calendar/working-calendar.service.js';
import { loadConfig } from '../src/server/config.js';
import { createDatabase, type Database } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { generateDataset } from '../src/server/gen/gen.service.js';
import { DEFAULT_SCORING_SCHEME } from '../src/shared/assessment-api.js';
import { machineInfo } from './bench-report.js';
import { ROOT } from './bench-server.js';

// Issue 7's assessment bench, in process on SQLite: a generated organisation (2,000 units) with
// N tasks (the generator, in process, kept in bench/.data/assessment-sqlite-N; 118,000 by default,
// of which about 100,800 were open at some time in 2026 — the rest are drafts or closed in the two
// years before), given the facts the
// generator does not make — report slots and reports (late, missing, returned, near-copies),
// urges and notices, approved extensions, bounced coordination requests, plans, lights, ratings —
// then one period over the whole of 2026 computed (target ≤ 30 s), computed again (same
// fingerprint), and its phases timed one by one to show where the time goes.
//
//   npx tsx bench/assessment.ts [--tasks 118000] [--reuse]

const { values: args } = parseArgs({
  options: { tasks: { type: 'string', default: '118000' }, reuse: { type: 'boolean', default: false } },
});
const TASKS = Number(args.tasks);
const TARGET_S = 30;
const dataDir = path.join(ROOT, 'bench', '.data', `assessment-sqlite-${TASKS}`);
const log = (line: string) => process.stdout.write(`${line}\n`);
const ts = (day: string) => `${day}T02:00:00.000Z`;

/** The facts beyond tasks, set-based (a handful of INSERT … SELECT), with fixed patterns by id. */
async function seedFacts(db: Database): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => query.execute(db);
  const months = [
    ['2026-08-01', '2026-08-31', '2026-09-03'],
    ['2026-09-01', '2026-09-30', '2026-10-12'],
    ['2026-10-01', '2026-10-31', '2026-11-04'],
  ];
  for (const [start, end, due] of months) {
    await run(sql`insert into report_periods (task_id, unit_id, role, period_start, period_end, due_date, due_checked)
      select tu.task_id, tu.unit_id, tu.role, ${start}, ${end}, ${due}, 1 from task_units tu
      join tasks t on t.id = tu.task_id where t.status <> 'draft' and (tu.role = 'lead' or ${end} = '2026-10-31')`);
  }
  // Four slots in five get a report; one report in seven is late, one in fifty a near-copy.
  await run(sql`insert into reports (period_id, task_id, unit_id, role, period_end, status, done_text, problems,
      next_steps, coordination, percent, target_values, milestones_done, submitted_at, late_working_days, version,
      created_at, updated_at)
    select id, task_id, unit_id, role, period_end, 'accepted', '按计划推进', '', '', '', 50, '{}', '[]',
      due_date || 'T02:00:00.000Z', case when id % 7 = 0 then 2 else 0 end, 1, due_date || 'T02:00:00.000Z',
      due_date || 'T02:00:00.000Z' from report_periods where id % 5 <> 0`);
  await run(sql`update reports set similar_report_id = id - 1, similarity = 0.96 where id % 50 = 0`);
  await run(sql`insert into report_rounds (report_id, at, action, reason)
    select id, submitted_at, 'return', '内容空泛' from reports where id % 30 = 0`);
  for (const [kind, every, day] of [
    ['urge', 10, '2026-10-20'],
    ['notice', 40, '2026-10-22'],
  ] as const) {
    await run(sql`insert into supervision_actions (task_id, kind, origin, occurrence_key, unit_id, recipients, created_at)
      select id, ${kind}, 'ladder', ${`bench:${kind}`}, lead_unit_id, '[]', ${ts(day)} from tasks
      where id % ${every} = 0 and lead_unit_id is not null and status <> 'draft'`);
  }
  await run(sql`insert into extension_requests (task_id, unit_id, reason, progress, deadline_at_request,
      proposed_deadline, status, needs_leader, supervisor_decided_at, created_at, updated_at, version)
    select id, lead_unit_id, '客观原因', 50, deadline, deadline, 'approved', 0, ${ts('2026-06-15')}, ${ts('2026-06-10')},
      ${ts('2026-06-15')}, 2 from tasks where id % 20 = 0 and lead_unit_id is not null and deadline is not null
      and status <> 'draft'`);
  await run(sql`insert into coordination_requests (task_id, from_unit_id, to_unit_id, matter, due_date, status,
      responded_at, bounce_count, created_at, updated_at, version)
    select tu.task_id, t.lead_unit_id, min(tu.unit_id), '请协助提供数据', '2026-07-01', 'declined', ${ts('2026-07-02')}, 1,
      ${ts('2026-06-20')}, ${ts('2026-07-02')}, 1 from task_units tu join tasks t on t.id = tu.task_id
    where tu.role = 'cooperating' and tu.task_id % 25 = 0 group by tu.task_id, t.lead_unit_id`);
  await run(sql`insert into plans (task_id, version_no, status, content, created_at, updated_at, version)
    select id, 1, 'accepted', '{}', assigned_at, assigned_at, 1 from tasks where id % 3 = 0 and assigned_at is not null`);
  await run(sql`insert into plan_rounds (plan_id, at, action)
    select p.id, case when p.task_id % 2 = 0 then ${ts('2026-12-30')} else t.assigned_at end, 'accept'
    from plans p join tasks t on t.id = p.task_id`);
  await run(sql`update tasks set health_light = case when id % 15 = 0 then 'red' else 'amber' end, health_on = '2026-11-27'
    where id % 6 = 0 and status in ('assigned', 'in_progress', 'returned', 'closure_requested')`);
}

async function count(
  db: Database,
  table: 'tasks' | 'report_periods' | 'reports' | 'supervision_actions',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function main() {
  const fresh = !(args.reuse && fs.existsSync(path.join(dataDir, 'luoshi.sqlite')));
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ LUOSHI_LOG_LEVEL: 'silent' }, { dataDir });
  const { db, dialect } = createDatabase(config.database);
  await migrateToLatest(db);
  await ensureCalendarSeeded(db);
  if (fresh) {
    log(`Generating ${TASKS} tasks and 2,000 units in ${dataDir} …`);
    const started = performance.now();
    await generateDataset(
      { db, dialect, timeZone: config.timeZone },
      { units: 2000, users: 4000, tasks: TASKS, seed: 7, force: false },
    );
    await seedFacts(db);
    await sql`analyze`.execute(db);
    log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  const sizes = {
    tasks: await count(db, 'tasks'),
    reportSlots: await count(db, 'report_periods'),
    reports: await count(db, 'reports'),
    actions: await count(db, 'supervision_actions'),
  };
  log(`Data: ${JSON.stringify(sizes)}`);
  const actor = systemActor('bench');
  const deps = { db, config };
  const selection = {
    sourceIds: [],
    tags: [],
    keyOnly: false,
    taskIds: [],
    handPickedOnly: false,
    includeOpenRectifications: true,
  };
  const period = await createPeriod(db, {
    name: '2026年度考核',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    selection,
    actor,
  });
  const rater = await db
    .selectFrom('users')
    .select((eb) => eb.fn.min('id').as('id'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('assessment_ratings')
    .columns(['period_id', 'task_id', 'unit_id', 'rater_id', 'rating', 'comment', 'created_at', 'updated_at'])
    .expression(
      db
        .selectFrom('tasks')
        .select((eb) => [eb.lit(period.id).as('period_id'), 'id as task_id', 'lead_unit_id as unit_id'])
        .select((eb) => [
          eb.lit(Number(rater.id)).as('rater_id'),
          eb.lit(4).as('rating'),
          sql.lit('扎实').as('comment'),
        ])
        .select([sql.lit(ts('2026-11-01')).as('created_at'), sql.lit(ts('2026-11-01')).as('updated_at')])
        .where(sql<boolean>`id % 50 = 0`)
        .where('lead_unit_id', 'is not', null),
    )
    .execute();

  const timed = async <T>(label: string, work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    log(`${label}: ${seconds.toFixed(2)} s`);
    return { seconds, result };
  };
  const first = await timed('Compute (one transaction: members, facts, scoring, rows written)', () =>
    computePeriod(deps, { periodId: period.id, actor }),
  );
  const second = await timed('Compute again (replaces everything)', () =>
    computePeriod(deps, { periodId: period.id, actor }),
  );
  const p = first.result;
  log(
    `Period: ${p.taskCount} tasks ${JSON.stringify(p.outcomes)}; hash ${p.computedHash} (again: ${second.result.computedHash === p.computedHash ? 'same' : 'DIFFERENT'})`,
  );

  // Where the time goes: the same steps, one by one, in a transaction rolled back at the end.
  const phases: Record<string, number> = {};
  const today = localDate(new Date(), config.timeZone);
  await db
    .transaction()
    .execute(async (trx) => {
      const { from, until } = periodInstants('2026-01-01', '2026-12-31', config.timeZone);
      const step = async <T>(name: string, work: () => Promise<T> | T) => {
        const started = performance.now();
        const result = await work();
        phases[name] = Number(((performance.now() - started) / 1000).toFixed(2));
        return result;
      };
      await step('members', () => resolvePeriodTasks(trx, { periodId: period.id, selection, from, until }));
      const facts = await step('facts', () =>
        gatherPeriodFacts(trx, {
          periodId: period.id,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          from,
          until,
          day: localDayReader(config.timeZone),
        }),
      );
      const calendar = await loadWorkingCalendar(trx);
      const window = { startsOn: '2026-01-01', endsOn: '2026-12-31', today };
      const scoring = await step('scoring', () =>
        scorePeriod({ facts, window, scheme: DEFAULT_SCORING_SCHEME, calendar }),
      );
      phases.pointLines = scoring.points.length;
      phases.results = scoring.results.length;
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  log(`Phases (s): ${JSON.stringify(phases)}`);
  const league = await timed('League table (lead)', () => getResults(db, { periodId: period.id, role: 'lead', actor }));
  const worst = league.result.items.at(-1);
  const explain = await timed('Explanation of the last unit', () =>
    explainScore(db, { periodId: period.id, unitId: worst?.unitId ?? 0, role: 'lead', actor }),
  );
  log(`Last unit: ${worst?.unitName} ${worst?.score} (${explain.result.items.length} lines)`);
  await db.destroy();

  const record = {
    kind: 'assessment',
    at: new Date().toISOString(),
    machine: machineInfo(),
    database: 'sqlite',
    sizes,
    periodTasks: p.taskCount,
    compute: { seconds: first.seconds, target: TARGET_S, pass: first.seconds <= TARGET_S && p.taskCount >= 100_000 },
    computeAgain: { seconds: second.seconds, sameHash: second.result.computedHash === p.computedHash },
    phases,
    leagueTableSeconds: league.seconds,
    explanationSeconds: explain.seconds,
  };
  const file = path.join(ROOT, 'bench', 'results', `${record.at.replace(/[:.]/g, '-')}-assessment-sqlite.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  log(
    `Compute ${first.seconds.toFixed(1)} s for ${p.taskCount} tasks (target ≤ ${TARGET_S} s: ${record.compute.pass ? 'pass' : 'MISS'}).`,
  );
  log(`Written ${path.relative(ROOT, file)}`);
}

await main();
