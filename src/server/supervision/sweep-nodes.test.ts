import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, dueLadderActions } from '../../domain/escalation-ladder.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDialect } from '../test/test-database.js';
import { sweepAll } from './sweep.service.js';

// Several app nodes on one PostgreSQL (issue 5, must show): 10,000 tasks crossing their deadlines,
// two processes sweeping them at the same time, one of them killed mid-sweep. Every reminder, urge,
// notice and interview proposal the ladder owes must exist exactly once, each with its timeline entry
// (and its notice), because each is one row under a unique (task, occurrence) key written in the same
// transaction as its consequences. Then one more process killed alone mid-sweep, and the next sweep
// completes its work.

const TASKS = 10_000;
const timeZone = 'Asia/Shanghai';
const ROOT = path.resolve(import.meta.dirname, '../../..');

let t: TestApp;
let dataDir: string;
const unit = { city: 0, a: 0 };

describe.runIf(testDialect() === 'postgres')('sweeps on several nodes', () => {
  beforeAll(async () => {
    t = await createTestApp();
    dataDir = await mkdtemp(path.join(tmpdir(), 'luoshi-nodes-'));
    unit.city = (await t.makeUnit('市人民政府')).id;
    unit.a = (await t.makeUnit('市发展改革委', unit.city)).id;
    await t.makeUser('n.head', ['unit_head'], { unitId: unit.a });
    await t.makeUser('n.sup', ['supervisor']);
    const leader = await t.makeUser('n.leader', ['leader'], { unitsInChargeIds: [unit.city] });
    await seedTasks(leader);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should record every due action exactly once with two processes sweeping and one killed', async () => {
    const today = '2026-12-18';
    const expected = await expectedActions([today]);
    expect(expected.total).toBeGreaterThan(TASKS);

    const a = sweepProcess(today);
    const b = sweepProcess(today);
    await untilSomeActions(1);
    a.kill('SIGKILL');
    expect(await exitOf(b)).toBe(0);
    await exitOf(a);

    await expectExactly(expected);
    // Nothing left for a later sweep: every action was recorded once.
    expect((await sweepAll(t.db, { today, timeZone })).fired).toBe(0);
  }, 600_000);

  it('should leave nothing half-done when the only sweeping process is killed, and the next sweep completes it', async () => {
    const today = '2026-12-25';
    // Owed by now: today's rungs and the reminders recorded a week ago, whose day has passed.
    const expected = await expectedActions(['2026-12-18', today]);
    const before = await countLadderActions();
    expect(expected.total).toBeGreaterThan(before);

    const c = sweepProcess(today);
    await untilSomeActions(before + 1);
    c.kill('SIGKILL');
    await exitOf(c);
    const partial = await countLadderActions();
    expect(partial).toBeGreaterThan(before);
    expect(partial).toBeLessThan(expected.total);
    await expectConsistent();

    const finish = await sweepAll(t.db, { today, timeZone });
    expect(finish.fired).toBe(expected.total - partial);
    await expectExactly(expected);
  }, 600_000);
});

/** 10,000 acknowledged tasks of unit A, assigned 2026-09-01, deadlines spread over 2026-11-25…12-23. */
async function seedTasks(leaderId: number) {
  const lead = await t.db.selectFrom('units').select('path').where('id', '=', unit.a).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await sql`
    insert into tasks (parent_id, path, depth, year, seq, number, title, tags, is_key, priority, is_public,
      lead_unit_id, lead_unit_path, responsible_leader_id, start_date, deadline, original_deadline, weight,
      progress, child_count, status, assigned_at, created_at, updated_at, version)
    select null, '', 0, 2026, 100000 + g, 'N-' || g, '节点测试任务 ' || g, '[]', 0, 'normal', 0,
      ${unit.a}, ${lead.path}, ${leaderId}, '2026-09-01',
      to_char(date '2026-12-23' - (g % 29), 'YYYY-MM-DD'), to_char(date '2026-12-23' - (g % 29), 'YYYY-MM-DD'),
      1, 30, 0, 'in_progress', '2026-09-01T02:00:00.000Z', ${now}, ${now}, 2
    from generate_series(1, ${TASKS}) g`.execute(t.db);
  await sql`update tasks set path = '/' || id || '/' where path = ''`.execute(t.db);
  await sql`
    insert into task_units (task_id, unit_id, role, unit_path, acknowledged_at)
    select id, ${unit.a}, 'lead', ${lead.path}, '2026-09-01T03:00:00.000Z' from tasks where number like 'N-%'`.execute(
    t.db,
  );
}

/**
 * What the default ladder owes the seeded tasks after sweeps on these days, by the pure rules (the
 * oracle): every occurrence due on one of the days, once.
 */
async function expectedActions(days: readonly string[]) {
  const calendar = await loadWorkingCalendar(t.db);
  const rows = await t.db.selectFrom('tasks').select(['id', 'deadline']).where('number', 'like', 'N-%').execute();
  const kinds = new Map<string, string>();
  for (const today of days) {
    for (const row of rows) {
      const due = dueLadderActions(
        DEFAULT_LADDER,
        {
          status: 'in_progress',
          deadline: row.deadline,
          assignedOn: '2026-09-01',
          acknowledged: true,
          missingReports: [],
          stalled: false,
          stalledSince: null,
          unansweredInstructions: [],
        },
        today,
        calendar,
      );
      for (const action of due) kinds.set(`${row.id}|${action.occurrenceKey}`, action.action);
    }
  }
  const byKind = new Map<string, number>();
  for (const kind of kinds.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  return { total: kinds.size, byKind };
}

async function countLadderActions(): Promise<number> {
  const row = await t.db
    .selectFrom('supervision_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('origin', '=', 'ladder')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each recorded action has its timeline entry, each notice rung its notice, and nothing else exists. */
async function expectConsistent() {
  const [actions, events, notices, noticeRungs, orphanEvents] = await Promise.all([
    countLadderActions(),
    t.db
      .selectFrom('task_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'like', 'ladder_%')
      .executeTakeFirstOrThrow(),
    t.db
      .selectFrom('supervision_notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    t.db
      .selectFrom('supervision_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'notice')
      .where('notice_id', 'is not', null)
      .executeTakeFirstOrThrow(),
    sql<{ n: number }>`select count(*) as n from supervision_actions a
      where a.origin = 'ladder' and not exists (select 1 from notifications n
        where n.subject_type = 'supervision_action' and n.subject_id = a.id)
        and a.kind <> 'notice'`.execute(t.db),
  ]);
  expect(Number(events.n)).toBe(actions);
  expect(Number(notices.n)).toBe(Number(noticeRungs.n));
  expect(Number(orphanEvents.rows[0]?.n)).toBe(0);
}

async function expectExactly(expected: { total: number; byKind: Map<string, number> }) {
  const rows = await t.db
    .selectFrom('supervision_actions')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('origin', '=', 'ladder')
    .groupBy('kind')
    .execute();
  expect(new Map(rows.map((row) => [row.kind, Number(row.n)]))).toEqual(expected.byKind);
  const duplicates = await sql<{ n: number }>`select count(*) as n from (select task_id, occurrence_key
    from supervision_actions group by task_id, occurrence_key having count(*) > 1) d`.execute(t.db);
  expect(Number(duplicates.rows[0]?.n)).toBe(0);
  await expectConsistent();
}

/** `luoshi sweep --full --force` in its own process, on the test's database. */
function sweepProcess(today: string): ChildProcess {
  if (t.config.database.kind !== 'postgres') throw new Error('PostgreSQL only');
  return spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/luoshi.ts'), 'sweep', '--full', '--force', '--today', today],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.config.database.url,
        LUOSHI_DATA_DIR: dataDir,
        LUOSHI_LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Waits until at least `n` ladder actions are committed (the sweep is under way). */
async function untilSomeActions(n: number) {
  for (let i = 0; i < 600; i++) {
    if ((await countLadderActions()) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no sweep made progress within a minute');
}
