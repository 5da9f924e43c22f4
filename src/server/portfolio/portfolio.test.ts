import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../shared/portfolio-api.js';
import { advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { countByUnit, listCappedTasks } from './portfolio.repository.js';

// 我的分管 through the API on a real database: a leader in charge of two units sees exactly the
// open tasks led in those subtrees, grouped by lead unit with the lights counted and the worst
// unit first; another leader sees none of them; unit staff are refused; units outside the charge
// are 404; the key-only filter.

let t: TestApp;
const unit = { city: 0, a: 0, a1: 0, b: 0, c: 0 };
const task = { t1: 0, t2: 0, t3: 0, sub: 0, t4: 0, t5: 0, t6: 0, draft: 0, closed: 0 };
const as = {} as Record<'lead1' | 'lead2' | 'staff' | 'sup' | 'admin', ReturnType<typeof caller>>;

async function open(
  title: string,
  leadUnitId: number,
  light: 'red' | 'amber' | 'green',
  extra: { isKey?: boolean; parentId?: number; deadline?: string } = {},
) {
  const made = await makeTask(t, { title, leadUnitId, isKey: extra.isKey ?? false, parentId: extra.parentId ?? null });
  await advance(t, made.id, ['assign']);
  await t.db
    .updateTable('tasks')
    .set({ health_light: light, ...(extra.deadline ? { deadline: extra.deadline } : {}) })
    .where('id', '=', made.id)
    .execute();
  return made.id;
}

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住房城乡建设局', unit.city)).id;
  unit.a1 = (await t.makeUnit('市住建局城建科', unit.a)).id;
  unit.b = (await t.makeUnit('市自然资源局', unit.city)).id;
  unit.c = (await t.makeUnit('市卫生健康委', unit.city)).id;
  await t.makeUser('p.lead1', ['leader'], { unitsInChargeIds: [unit.a, unit.b] });
  await t.makeUser('p.lead2', ['leader'], { unitsInChargeIds: [unit.c] });
  await t.makeUser('p.staff', ['unit_staff'], { unitId: unit.a });
  await t.makeUser('p.sup', ['supervisor'], { unitId: unit.city });
  for (const who of ['lead1', 'lead2', 'staff', 'sup'] as const) as[who] = caller(t, await t.login(`p.${who}`));
  as.admin = caller(t, await t.login('admin'));

  task.t1 = await open('老旧小区改造', unit.a, 'red', { isKey: true });
  task.t2 = await open('保障性住房', unit.a, 'amber');
  task.t3 = await open('物业管理', unit.a, 'green', { deadline: '2000-01-10' });
  task.sub = await open('改造一期', unit.a, 'green', { parentId: task.t1 });
  task.t4 = await open('城建档案', unit.a1, 'red');
  task.t5 = await open('国土空间规划', unit.b, 'amber', { isKey: true });
  task.t6 = await open('医联体建设', unit.c, 'red', { isKey: true });
  task.draft = (await makeTask(t, { title: '草稿', leadUnitId: unit.a })).id;
  task.closed = await open('已办结', unit.b, 'red');
  await t.db.updateTable('tasks').set({ status: 'closed', health_light: null }).where('id', '=', task.closed).execute();
});
afterAll(() => t.close());

function ok(res: LightMyRequestResponse): Portfolio {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function summary(p: Portfolio) {
  return p.units.map((u) => ({ id: u.id, tasks: u.tasks.map((x) => x.id), counts: u.counts, more: u.more }));
}

describe('GET /portfolio', () => {
  it("groups the open tasks led in a leader's subtrees by unit, worst first, with the lights", async () => {
    const p = ok(await as.lead1('GET', '/portfolio'));
    expect(p.charge.map((c) => c.id).sort()).toEqual([unit.a, unit.b].sort());
    expect(summary(p)).toEqual([
      {
        id: unit.a,
        tasks: [task.t1, task.t2, task.t3, task.sub],
        counts: { total: 4, red: 1, amber: 1, green: 2, unlit: 0, overdue: 1 },
        more: 0,
      },
      {
        id: unit.a1,
        tasks: [task.t4],
        counts: { total: 1, red: 1, amber: 0, green: 0, unlit: 0, overdue: 0 },
        more: 0,
      },
      { id: unit.b, tasks: [task.t5], counts: { total: 1, red: 0, amber: 1, green: 0, unlit: 0, overdue: 0 }, more: 0 },
    ]);
    expect(p.totals).toEqual({ total: 6, red: 2, amber: 2, green: 2, unlit: 0, overdue: 1 });
    const first = p.units[0]?.tasks[0];
    expect(first).toMatchObject({ id: task.t1, isKey: true, status: 'assigned', health: { light: 'red' } });
    expect(p.units[0]?.tasks[2]).toMatchObject({ id: task.t3, overdue: true, deadline: '2000-01-10' });
    expect(p.units[0]?.tasks[3]).toMatchObject({ id: task.sub, parentId: task.t1, depth: 1 });
  });

  it('shows another leader none of them', async () => {
    const p = ok(await as.lead2('GET', '/portfolio'));
    expect(summary(p).map((u) => [u.id, u.tasks])).toEqual([[unit.c, [task.t6]]]);
  });

  it('refuses unit staff', async () => {
    const res = await as.staff('GET', '/portfolio');
    expect(res.statusCode).toBe(403);
  });

  it('narrows to one unit of the charge; unknown or outside the charge is 404', async () => {
    const p = ok(await as.lead1('GET', `/portfolio?unitId=${unit.a1}`));
    expect(summary(p).map((u) => u.id)).toEqual([unit.a1]);
    expect((await as.lead1('GET', `/portfolio?unitId=${unit.c}`)).statusCode).toBe(404);
    expect((await as.lead1('GET', `/portfolio?unitId=${unit.city}`)).statusCode).toBe(404);
    expect((await as.lead1('GET', '/portfolio?unitId=99999999')).statusCode).toBe(404);
  });

  it('lists key tasks only when asked', async () => {
    const p = ok(await as.lead1('GET', '/portfolio?keyOnly=true'));
    expect(summary(p).map((u) => [u.id, u.tasks, u.counts.total])).toEqual([
      [unit.a, [task.t1], 1],
      [unit.b, [task.t5], 1],
    ]);
  });

  it('lets the supervision office preview any unit, and shows it nothing unasked', async () => {
    expect(ok(await as.sup('GET', '/portfolio')).units).toEqual([]);
    const p = ok(await as.sup('GET', `/portfolio?unitId=${unit.c}`));
    expect(summary(p).map((u) => [u.id, u.tasks])).toEqual([[unit.c, [task.t6]]]);
    const all = ok(await as.admin('GET', `/portfolio?unitId=${unit.city}`));
    expect(all.totals.total).toBe(7);
  });

  it('caps the tasks listed per unit, keeping the most pressing, and still counts them all', async () => {
    const a = await t.db.selectFrom('units').select('path').where('id', '=', unit.a).executeTakeFirstOrThrow();
    const filter = { paths: [a.path], keyOnly: false, today: '2026-01-01' };
    const rows = await listCappedTasks(t.db, t.dialect, filter, 2);
    expect(rows.map((row) => [row.lead_unit_id, row.id])).toEqual([
      [unit.a, task.t1],
      [unit.a, task.t2],
      [unit.a1, task.t4],
    ]);
    const counts = await countByUnit(t.db, t.dialect, filter);
    expect(counts.find((row) => row.lead_unit_id === unit.a)?.total).toBe(4);
  });
});
