import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { localDate } from '../src/domain/dates.js';
import { loadConfig } from '../src/server/config.js';
import { createDatabase } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { queueHealth } from '../src/server/supervision/health-queue.repository.js';
import { type SweepResult, sweepAll, sweepQueued } from '../src/server/supervision/sweep.service.js';
import { machineInfo } from './bench-report.js';
import { ensureServerBuilt, ROOT, runCli } from './bench-server.js';

// Issue 5's sweep bench, in process on SQLite: a generated organisation with N tasks (`luoshi gen`,
// as `npm run bench` makes it, kept in bench/.data/sweep-sqlite-N), then
//   1. the first full sweep: every open task's light written, and the ladder's backlog fired;
//   2. the daily full sweep on the next day (the steady state: facts read, lights recomputed and
//      written where they changed, due actions checked against those recorded) — target ≤ 60 s;
//   3. the incremental sweep after 1,000 changes (progress updates queued as the services queue
//      them) — target ≤ 2 s.
//
//   npx tsx bench/sweep.ts [--tasks 1000000] [--changes 1000] [--reuse]

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '1000000' },
    changes: { type: 'string', default: '1000' },
    reuse: { type: 'boolean', default: false },
  },
});
const TASKS = Number(args.tasks);
const CHANGES = Number(args.changes);
const FULL_TARGET_S = 60;
const INCREMENTAL_TARGET_S = 2;
const dataDir = path.join(ROOT, 'bench', '.data', `sweep-sqlite-${TASKS}`);
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  if (!(args.reuse && fs.existsSync(path.join(dataDir, 'luoshi.sqlite')))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    log(`Generating ${TASKS} tasks in ${dataDir} …`);
    ensureServerBuilt(log);
    const env: NodeJS.ProcessEnv = { ...process.env, LUOSHI_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const { seconds } = await runCli(
      ['--data', dataDir, 'gen', '--units', '2000', '--users', '20000', '--tasks', String(TASKS)],
      env,
    );
    log(`Generated in ${seconds.toFixed(1)} s.`);
  }
  const config = loadConfig({ LUOSHI_LOG_LEVEL: 'silent' }, { dataDir });
  const { db } = createDatabase(config.database);
  await migrateToLatest(db);
  const timeZone = config.timeZone;
  const today = localDate(new Date(), timeZone);
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const nextDay = tomorrow.toISOString().slice(0, 10);
  const open = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['assigned', 'in_progress', 'returned', 'closure_requested'])
    .executeTakeFirstOrThrow();
  log(`${TASKS} tasks, ${open.n} open; judging as of ${today}.`);

  const timed = async (label: string, work: () => Promise<SweepResult>) => {
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    log(
      `${label}: ${seconds.toFixed(1)} s — ${result.assessed} assessed, ${result.changed} lights written, ${result.fired} actions fired`,
    );
    return { seconds, ...result };
  };

  const actionsBefore = await countActions(db);
  const first = await timed('First full sweep (lights written, ladder backlog fired)', () =>
    sweepAll(db, { today, timeZone }),
  );
  const daily = await timed('Daily full sweep, next day', () => sweepAll(db, { today: nextDay, timeZone }));
  const again = await timed('Daily full sweep, same day again (nothing to write or fire)', () =>
    sweepAll(db, { today: nextDay, timeZone }),
  );

  // The backlog's notices queued their tasks (every timeline entry does): drain that first, so the
  // measured round holds just the 1,000 changes.
  const drained = await timed('Queue left by the backlog (notices issued)', () =>
    sweepQueued(db, { today: nextDay, timeZone }),
  );

  // 1,000 changes as the services make them: a progress update and the task queued for its health.
  const picked = await db
    .selectFrom('tasks')
    .select('id')
    .where('status', 'in', ['in_progress', 'assigned'])
    .orderBy(sql`(id * 7919) % 1000003`)
    .limit(CHANGES)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const row of picked) {
      await trx
        .updateTable('tasks')
        .set({ progress: sql`case when progress >= 90 then 10 else progress + 5 end` })
        .where('id', '=', row.id)
        .execute();
    }
    await queueHealth(
      trx,
      picked.map((row) => row.id),
      new Date().toISOString(),
    );
  });
  const incremental = await timed(`Incremental sweep after ${picked.length} changes`, () =>
    sweepQueued(db, { today: nextDay, timeZone }),
  );
  const actionsAfter = await countActions(db);
  await db.destroy();

  const record = {
    kind: 'sweep',
    at: new Date().toISOString(),
    machine: machineInfo(),
    database: 'sqlite',
    tasks: TASKS,
    openTasks: Number(open.n),
    first,
    daily: { ...daily, target: FULL_TARGET_S, pass: daily.seconds <= FULL_TARGET_S },
    sameDayAgain: again,
    backlogQueue: drained,
    incremental: {
      ...incremental,
      changes: picked.length,
      target: INCREMENTAL_TARGET_S,
      pass: incremental.seconds <= INCREMENTAL_TARGET_S,
    },
    actions: { before: actionsBefore, after: actionsAfter },
  };
  const file = path.join(ROOT, 'bench', 'results', `${record.at.replace(/[:.]/g, '-')}-sweep-sqlite.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  log(
    `Daily full sweep ${daily.seconds.toFixed(1)} s (target ≤ ${FULL_TARGET_S} s: ${record.daily.pass ? 'pass' : 'MISS'}); ` +
      `incremental ${incremental.seconds.toFixed(2)} s (target ≤ ${INCREMENTAL_TARGET_S} s: ${record.incremental.pass ? 'pass' : 'MISS'}).`,
  );
  log(`Written ${path.relative(ROOT, file)}`);
}

async function countActions(db: ReturnType<typeof createDatabase>['db']): Promise<number> {
  const row = await db
    .selectFrom('supervision_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

await main();
