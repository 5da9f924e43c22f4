import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBefore } from '../../domain/cockpit-figures.js';
import { localDate } from '../../domain/dates.js';
import type { Cockpit } from '../../shared/cockpit-api.js';
import { advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { takeCockpitSnapshots } from './cockpit.service.js';

// The cockpit through the API: who may open it, what a leader sees (only the units in their
// charge, in every chart and every list behind it), a period's view, what needs the viewer's
// attention, and "change since last week" from the daily snapshots. Figures against direct counts
// after random changes: cockpit-stats.test.ts.

let t: TestApp;
const unit = { city: 0, a: 0, a1: 0, b: 0, c: 0 };
const task = { a: 0, a1: 0, b: 0, c: 0 };
let periodId = 0;
let today = '';
const as = {} as Record<'leader' | 'staff' | 'sup' | 'auditor' | 'admin', ReturnType<typeof caller>>;

async function open(
  title: string,
  leadUnitId: number,
  light: 'red' | 'amber' | 'green',
  isKey: boolean,
  deadline: string,
) {
  const made = await makeTask(t, { title, leadUnitId, isKey, deadline: '2099-12-31' });
  await advance(t, made.id, ['assign']);
  await t.db.updateTable('tasks').set({ health_light: light, deadline }).where('id', '=', made.id).execute();
  return made.id;
}

async function cockpit(who: ReturnType<typeof caller>, query = ''): Promise<Cockpit> {
  const res = await who('GET', `/cockpit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Cockpit;
}

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市教育局', unit.city)).id;
  unit.a1 = (await t.makeUnit('教育局基教科', unit.a)).id;
  unit.b = (await t.makeUnit('市交通运输局', unit.city)).id;
  unit.c = (await t.makeUnit('市文旅局')).id;
  await t.makeUser('c.leader', ['leader'], { unitsInChargeIds: [unit.a] });
  await t.makeUser('c.staff', ['unit_staff'], { unitId: unit.a });
  await t.makeUser('c.sup', ['supervisor'], { unitId: unit.city });
  await t.makeUser('c.auditor', ['auditor'], { unitId: unit.city });
  for (const who of ['leader', 'staff', 'sup', 'auditor'] as const) as[who] = caller(t, await t.login(`c.${who}`));
  as.admin = caller(t, await t.login('admin'));

  const lastMonth = daysBefore(today, 40);
  task.a = await open('新建学校', unit.a, 'red', true, lastMonth);
  task.a1 = await open('课后服务', unit.a1, 'red', true, daysBefore(today, 70));
  task.b = await open('公交线网优化', unit.b, 'red', true, lastMonth);
  task.c = await open('景区提升', unit.c, 'amber', false, lastMonth);

  // A period over a's, a1's and b's tasks, computed, with two failure reasons classified.
  const period = await as.sup('POST', '/assessment/periods', {
    name: '驾驶舱考核期',
    startsOn: daysBefore(today, 90),
    endsOn: today,
    selection: { taskIds: [task.a, task.a1, task.b], handPickedOnly: true },
  });
  expect(period.statusCode, period.body).toBe(201);
  periodId = period.json().id;
  expect((await as.sup('POST', `/assessment/periods/${periodId}/compute`, {})).statusCode).toBeLessThan(300);
  for (const [taskId, reasonCode] of [
    [task.a1, 'funding'],
    [task.b, 'inaction'],
  ] as const) {
    const res = await as.sup('PUT', `/assessment/periods/${periodId}/review/${taskId}`, {
      outcome: 'not_done',
      reasonCode,
      explanation: '资金未到位，工程推迟',
      version: 0,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  // The leader's instruction on a's task, not answered yet.
  const instruction = await as.leader('POST', '/instructions', {
    taskIds: [task.a],
    body: '请加快推进并于月底前报告',
    respondBy: today,
  });
  expect(instruction.statusCode, instruction.body).toBe(201);
});
afterAll(() => t.close());

describe('GET /cockpit', () => {
  it('should answer leaders, the supervision office, administrators and auditors, and refuse unit staff', async () => {
    for (const who of [as.leader, as.sup, as.admin, as.auditor])
      expect((await who('GET', '/cockpit')).statusCode).toBe(200);
    const refused = await as.staff('GET', '/cockpit');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('should show a leader only the units in their charge, in every chart', async () => {
    const view = await cockpit(as.leader);
    expect(view.seesAll).toBe(false);
    expect(view.scope.map((u) => u.id)).toEqual([unit.a]);
    expect(view.figures).toMatchObject({ open: 2, red: 2, redKey: 2, overdue: 2 });
    // The bars: the unit's own tasks and its sub-unit's; nothing of b or c anywhere.
    expect(view.unitLights.map((bar) => [bar.unit.id, bar.own, bar.red])).toEqual([
      [unit.a, true, 1],
      [unit.a1, false, 1],
    ]);
    expect(view.overdueHeat.units.map((u) => u.id).sort()).toEqual([unit.a, unit.a1].sort());
    expect(view.league.map((row) => row.unit.id)).not.toContain(unit.b);
    expect(view.league.map((row) => row.unit.id)).not.toContain(unit.c);
    expect(view.reasons.map((r) => [r.code, r.count])).toEqual([['funding', 1]]);
    expect(view.attention.redKeyTasks.map((row) => row.id).sort()).toEqual([task.a, task.a1].sort());
    expect(JSON.stringify(view)).not.toContain('公交线网优化');
    expect(JSON.stringify(view)).not.toContain('景区提升');
  });

  it('should keep the lists behind a leader’s charts inside the charge', async () => {
    const res = await as.leader('GET', `/tasks?unitId=${unit.b}&includeSubunits=true&unitRole=lead&light=red`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    const own = await as.leader('GET', `/tasks?leadUnits=${unit.a}&light=red`);
    expect((own.json().items as Array<{ id: number }>).map((row) => row.id).sort()).toEqual([task.a, task.a1].sort());
    const outside = await as.leader('GET', `/tasks?leadUnits=${unit.c}`);
    expect(outside.json().items).toEqual([]);
  });

  it('should refuse a unit outside the charge, an unknown period and bad filters', async () => {
    expect((await as.leader('GET', `/cockpit?unitId=${unit.b}`)).statusCode).toBe(404);
    expect((await as.leader('GET', '/cockpit?unitId=999999')).statusCode).toBe(404);
    expect((await as.sup('GET', '/cockpit?periodId=999999')).statusCode).toBe(404);
    expect((await as.sup('GET', `/cockpit?tag=${'长'.repeat(31)}`)).statusCode).toBe(400);
    expect((await as.sup('GET', '/cockpit?keyOnly=yes')).statusCode).toBe(400);
    expect((await as.sup('GET', '/cockpit?colour=red')).statusCode).toBe(400);
  });

  it('should show everything to the supervision office, with the top-level units as bars', async () => {
    const view = await cockpit(as.sup);
    expect(view.seesAll).toBe(true);
    expect(view.figures).toMatchObject({ open: 4, red: 3, amber: 1, redKey: 3 });
    expect(view.unitLights.map((bar) => bar.unit.id)).toEqual([unit.city, unit.c]);
    expect(view.unitLights[0]).toMatchObject({ red: 3, hasChildren: true, own: false });
    const one = await cockpit(as.sup, `?unitId=${unit.a}`);
    expect(one.figures.open).toBe(2);
  });

  it('should count a period’s tasks only under a period filter, with its league table and reasons', async () => {
    const view = await cockpit(as.sup, `?periodId=${periodId}`);
    expect(view.period).toMatchObject({ id: periodId, name: '驾驶舱考核期' });
    expect(view.figures).toMatchObject({ open: 3, red: 3, amber: 0 });
    expect(view.figures.reports).toBeNull();
    expect(view.league.map((row) => row.unit.id).sort()).toEqual([unit.a, unit.a1, unit.b].sort());
    expect(view.reasons.map((r) => r.code).sort()).toEqual(['funding', 'inaction']);
    expect(view.reasons[0]?.labels?.['zh-CN']).toBeTruthy();
  });

  it('should list what waits for the viewer', async () => {
    const view = await cockpit(as.leader);
    expect(view.attention.instructionsUnanswered).toBe(1);
    const sup = await cockpit(as.sup);
    expect(sup.attention.instructionsUnanswered).toBe(0);
    expect(sup.attention.redKeyTasks).toHaveLength(3);
  });

  it('should compare with the snapshot of a week ago', async () => {
    expect((await cockpit(as.sup)).weekAgo).toBeNull();
    // A light that changed leaves a summary row counting zero; the daily run sweeps it away.
    await t.db.updateTable('tasks').set({ health_light: 'amber' }).where('id', '=', task.c).execute();
    await t.db.updateTable('tasks').set({ health_light: 'green' }).where('id', '=', task.c).execute();
    const zero = () =>
      t.db
        .selectFrom('task_bar_stats')
        .select('n')
        .where('n', '=', 0)
        .execute()
        .then((rows) => rows.length);
    expect(await zero()).toBeGreaterThan(0);
    expect(await takeCockpitSnapshots({ db: t.db, dialect: t.dialect, config: t.config })).toBeGreaterThan(0);
    expect(await zero()).toBe(0);
    // Taken once a day: a second run finds today's and writes nothing.
    expect(
      await takeCockpitSnapshots({ db: t.db, dialect: t.dialect, config: t.config }, { onlyIfMissing: true }),
    ).toBe(0);
    await t.db
      .updateTable('cockpit_snapshots')
      .set({ day: daysBefore(today, 8) })
      .execute();
    await t.db.updateTable('tasks').set({ health_light: 'green' }).where('id', '=', task.b).execute();
    const view = await cockpit(as.sup);
    expect(view.weekAgoDay).toBe(daysBefore(today, 8));
    expect(view.weekAgo).toMatchObject({ red: 3, open: 4, amber: 0, green: 1 });
    expect(view.figures).toMatchObject({ red: 2, green: 2 });
    const leader = await cockpit(as.leader);
    expect(leader.weekAgo).toMatchObject({ red: 2, open: 2 });
    // A filtered view has no snapshot to compare with.
    expect((await cockpit(as.sup, '?keyOnly=true')).weekAgo).toBeNull();
  });
});
