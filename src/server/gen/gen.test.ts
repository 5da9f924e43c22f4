import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createTestDatabaseConfig } from '../test/test-database.js';
import { bulkTableObjects } from './gen.repository.js';
import { type GenOptions, GenRefusedError, type GenSummary, generateDataset } from './gen.service.js';
import { GEN_CITY } from './gen-data.js';

// The generator's invariants at a small size, on the dialect under test: the denormalised columns
// agree with the rows they copy, roll-ups follow the weights, numbers are unique, the indexes and
// triggers set aside for the load come back exactly as migrated, and search finds generated text.

const OPTIONS: GenOptions = { units: 60, users: 400, tasks: 2000, seed: 42, force: false, today: '2026-11-27' };

let t: TestApp;
let summary: GenSummary;

beforeAll(async () => {
  t = await createTestApp();
  summary = await generateDataset({ db: t.db, dialect: t.dialect, timeZone: 'Asia/Shanghai' }, OPTIONS);
}, 120_000);
afterAll(() => t.close());

async function allTasks() {
  return t.db
    .selectFrom('tasks')
    .select(['id', 'parent_id', 'path', 'depth', 'number', 'year', 'seq', 'child_count', 'progress', 'weight'])
    .select(['lead_unit_id', 'lead_unit_path', 'status', 'deadline', 'title'])
    .orderBy('id')
    .execute();
}

describe(generateDataset.name, () => {
  it('should build the requested numbers of units, people and tasks in trees at most four levels deep', async () => {
    expect(summary).toMatchObject({ units: 60, people: 400, tasks: 2000, reusedOrganisation: false });
    const tasks = await allTasks();
    expect(tasks).toHaveLength(2000);
    expect(Math.max(...tasks.map((task) => task.depth))).toBeLessThanOrEqual(3);
    const units = await t.db.selectFrom('units').select(['depth']).execute();
    expect(Math.max(...units.map((u) => u.depth))).toBe(3);
  });

  it('should give every task a path and depth that follow its parent', async () => {
    const tasks = await allTasks();
    const byId = new Map(tasks.map((task) => [task.id, task]));
    for (const task of tasks) {
      const parent = task.parent_id === null ? undefined : byId.get(task.parent_id);
      expect(task.path).toBe(`${parent?.path ?? '/'}${task.id}/`);
      expect(task.depth).toBe(parent ? parent.depth + 1 : 0);
      if (parent?.deadline && task.deadline) expect(task.deadline <= parent.deadline).toBe(true);
    }
  });

  it('should keep child counts and progress roll-ups consistent with the children and their weights', async () => {
    const tasks = await allTasks();
    const { rows } = await sql<{ parent_id: number; n: number; weighted: number; weights: number }>`
      select parent_id, count(*) as n, sum(progress * weight) as weighted, sum(weight) as weights
        from tasks where parent_id is not null group by parent_id`.execute(t.db);
    const children = new Map(rows.map((r) => [Number(r.parent_id), r]));
    for (const task of tasks) {
      const agg = children.get(task.id);
      expect(task.child_count).toBe(agg ? Number(agg.n) : 0);
      if (agg)
        expect(task.progress).toBeCloseTo(Math.round((Number(agg.weighted) / Number(agg.weights)) * 100) / 100, 6);
    }
  });

  it("should copy the lead unit's path and list the lead unit among the task's units", async () => {
    const mismatched = await t.db
      .selectFrom('tasks')
      .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
      .select('tasks.id')
      .whereRef('tasks.lead_unit_path', '!=', 'units.path')
      .execute();
    expect(mismatched).toEqual([]);
    const badUnitPaths = await t.db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select('task_units.task_id')
      .whereRef('task_units.unit_path', '!=', 'units.path')
      .execute();
    expect(badUnitPaths).toEqual([]);
    const leads = await t.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'tasks.lead_unit_id'])
      .where('task_units.role', '=', 'lead')
      .execute();
    expect(leads).toHaveLength(2000);
    expect(leads.every((row) => row.unit_id === row.lead_unit_id)).toBe(true);
  });

  it('should number tasks uniquely per year and leave the counters at the last number', async () => {
    const tasks = await allTasks();
    expect(new Set(tasks.map((task) => task.number)).size).toBe(tasks.length);
    const counters = await t.db.selectFrom('task_counters').selectAll().execute();
    for (const year of new Set(tasks.map((task) => task.year))) {
      const last = Math.max(...tasks.filter((task) => task.year === year).map((task) => task.seq));
      expect(counters.find((c) => Number(c.year) === year)?.last_seq).toBe(last);
    }
  });

  it('should re-create the indexes and triggers it set aside, exactly as migrated', async () => {
    const fresh = await createTestDatabaseConfig();
    const { db } = createDatabase(fresh.database);
    try {
      await migrateToLatest(db);
      expect(await bulkTableObjects(t.db, t.dialect)).toEqual(await bulkTableObjects(db, t.dialect));
    } finally {
      await db.destroy();
      await fresh.drop();
    }
  });

  it('should leave the cockpit summary counting every task under every ancestor of its lead unit', async () => {
    const total = async (unitId: number, status?: string) => {
      let query = t.db
        .selectFrom('task_stats')
        .select((eb) => eb.fn.sum<number>('n').as('n'))
        .where('unit_id', '=', unitId)
        .where('tag', '=', '');
      if (status) query = query.where('status_group', '=', status);
      return Number((await query.executeTakeFirstOrThrow()).n ?? 0);
    };
    expect(await total(0)).toBe(OPTIONS.tasks);
    const unit = await t.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('depth', '=', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const direct = await t.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lead_unit_path', 'like', `${unit.path}%`)
      .where('status', 'in', ['assigned', 'in_progress', 'returned'])
      .executeTakeFirstOrThrow();
    expect(await total(unit.id, 'open')).toBe(Number(direct.n));
  });

  it('should let a generated supervisor find generated text by Chinese substrings of 5 and 2 characters', async () => {
    const rows = await t.db.selectFrom('tasks').select(['id', 'title', 'description']).orderBy('id').execute();
    const cookie = await t.login(summary.accounts.supervisor, DEMO_PASSWORD);
    const root = rows[0];
    if (!root) throw new Error('no task');
    for (const q of [[...root.title].slice(2, 7).join(''), [...root.title].slice(-4, -2).join('')]) {
      const expected = rows.filter((r) => `${r.title} ${r.description ?? ''}`.includes(q)).map((r) => r.id);
      const found: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/tasks?q=${encodeURIComponent(q)}&limit=200&sort=number${cursor ? `&cursor=${cursor}` : ''}`,
          headers: { cookie },
        });
        expect(res.statusCode).toBe(200);
        const page = res.json() as { items: Array<{ id: number }>; nextCursor: string | null };
        found.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(expected.length).toBeGreaterThan(0);
      expect(found.sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('should refuse to generate over existing tasks without force', async () => {
    await expect(
      generateDataset({ db: t.db, dialect: t.dialect, timeZone: 'Asia/Shanghai' }, { ...OPTIONS, tasks: 10 }),
    ).rejects.toBeInstanceOf(GenRefusedError);
  });

  it('should replace the tasks with force and reuse the organisation', async () => {
    const again = await generateDataset(
      { db: t.db, dialect: t.dialect, timeZone: 'Asia/Shanghai' },
      { ...OPTIONS, tasks: 300, force: true },
    );
    expect(again).toMatchObject({ tasks: 300, units: 60, reusedOrganisation: true });
    const roots = await t.db.selectFrom('units').select('id').where('name', '=', GEN_CITY).execute();
    expect(roots).toHaveLength(1);
    expect(await allTasks()).toHaveLength(300);
  });
});
