import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { sweepAll } from './sweep.service.js';

// The supervision routes: urging by hand (one task or many, all or nothing), a task's actions, the
// desk, the light filters on the task list, and the supervision and ladder settings.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0 };
const u = { aHead: 0, aStaff: 0, bStaff: 0, sup: 0 };
const as = {} as Record<keyof typeof u | 'admin', ReturnType<typeof caller>>;
let aStaff: Actor;
const timeZone = 'Asia/Shanghai';

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市水务局', unit.city)).id;
  unit.b = (await t.makeUnit('市农业农村局', unit.city)).id;
  u.aHead = await t.makeUser('v.ahead', ['unit_head'], { unitId: unit.a });
  u.aStaff = await t.makeUser('v.astaff', ['unit_staff'], { unitId: unit.a });
  u.bStaff = await t.makeUser('v.bstaff', ['unit_staff'], { unitId: unit.b });
  u.sup = await t.makeUser('v.sup', ['supervisor']);
  for (const who of Object.keys(u) as Array<keyof typeof u>)
    as[who] = caller(t, await t.login(`v.${who.toLowerCase()}`));
  as.admin = caller(t, await t.login('admin'));
  aStaff = await actorOf(t, u.aStaff);
});
afterAll(() => t.close());

async function openTask(deadline: string, title = '推进河湖长制') {
  const task = await makeTask(t, { title, leadUnitId: unit.a, deadline, responsiblePersonId: u.aStaff });
  return advance(t, task.id, ['assign', ['acknowledge', aStaff]]);
}

async function counts() {
  const [actions, notifications, events] = await Promise.all(
    (['supervision_actions', 'notifications', 'task_events'] as const).map(async (table) => {
      const row = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
  return { actions, notifications, events };
}

describe('POST /supervision/urges', () => {
  it('should urge several tasks with a message: one action, notification and timeline entry each', async () => {
    const one = await openTask('2027-06-30', '甲');
    const two = await openTask('2027-06-30', '乙');
    const res = await as.sup('POST', '/supervision/urges', {
      taskIds: [one.id, two.id],
      message: '请于本周五前报送整改情况',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().actions).toHaveLength(2);

    const inbox = await as.aHead('GET', '/notifications');
    const urges = inbox.json().items.filter((n: { kind: string }) => n.kind === 'supervision.urge');
    expect(urges.map((n: { taskId: number }) => n.taskId).sort()).toEqual([one.id, two.id].sort());
    expect(urges[0].params.message).toBe('请于本周五前报送整改情况');

    const detail = await as.aStaff('GET', `/tasks/${one.id}`);
    const urged = detail.json().history.find((e: { action: string }) => e.action === 'urged');
    expect(urged.detail.message).toBe('请于本周五前报送整改情况');
    expect(urged.actor.displayName).toBeTruthy();

    const actions = await as.aStaff('GET', `/tasks/${one.id}/supervision`);
    expect(actions.json()).toMatchObject({ canUrge: false, actions: [{ kind: 'urge', origin: 'manual' }] });
  });

  it('should refuse the whole batch when one task is not visible or not open, changing nothing', async () => {
    const open = await openTask('2027-06-30');
    const draft = await makeTask(t, { title: '草稿', leadUnitId: unit.a });
    const before = await counts();
    const notOpen = await as.sup('POST', '/supervision/urges', { taskIds: [open.id, draft.id] });
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().code).toBe('task_not_open');
    const missing = await as.sup('POST', '/supervision/urges', { taskIds: [open.id, 99_999] });
    expect(missing.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('should let only the supervision office urge, and validate the request', async () => {
    const task = await openTask('2027-06-30');
    expect((await as.aHead('POST', '/supervision/urges', { taskIds: [task.id] })).statusCode).toBe(403);
    const empty = await as.sup('POST', '/supervision/urges', { taskIds: [] });
    expect(empty.statusCode).toBe(400);
    const long = await as.sup('POST', '/supervision/urges', { taskIds: [task.id], message: '催'.repeat(501) });
    expect(long.statusCode).toBe(400);
    const unknown = await as.sup('POST', '/supervision/urges', { taskIds: [task.id], status: 'closed' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('GET /tasks/:id/supervision', () => {
  it('should be hidden from a unit unrelated to the task', async () => {
    const task = await openTask('2027-06-30');
    expect((await as.bStaff('GET', `/tasks/${task.id}/supervision`)).statusCode).toBe(404);
  });
});

describe('GET /supervision/desk and the light filters', () => {
  it('should count lights and flags as the task list finds them', async () => {
    const late = await openTask('2026-12-01', '逾期任务');
    await sweepAll(t.db, { today: '2026-12-10', timeZone });
    const desk = await as.sup('GET', '/supervision/desk');
    expect(desk.statusCode).toBe(200);
    const body = desk.json();
    const red = await as.sup('GET', '/tasks?light=red&limit=200');
    const overdue = await as.sup('GET', '/tasks?flag=overdue&limit=200');
    expect(body.lights.red).toBe(red.json().items.length);
    expect(body.flags.overdue).toBe(overdue.json().items.length);
    expect(red.json().items.map((item: { id: number }) => item.id)).toContain(late.id);
    const item = red.json().items.find((i: { id: number }) => i.id === late.id);
    expect(item.health).toMatchObject({ light: 'red', flags: { overdue: true }, reasons: [{ code: 'overdue' }] });
    expect(body.recentActions.length).toBeGreaterThan(0);
    expect((await as.aHead('GET', '/supervision/desk')).statusCode).toBe(403);
  });

  it('should refuse an unknown light', async () => {
    expect((await as.sup('GET', '/tasks?light=purple')).statusCode).toBe(400);
  });
});

describe('PUT /settings/ladder and /settings/supervision', () => {
  it('should refuse duplicate rule ids with the field, and save a valid ladder with a version check', async () => {
    const current = (await as.admin('GET', '/settings/ladder')).json();
    expect(current.rules.map((r: { id: string }) => r.id)).toContain('overdue-urge');
    const rule = current.rules[0];
    const duplicate = await as.admin('PUT', '/settings/ladder', {
      version: current.version,
      rules: [rule, rule],
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json()).toMatchObject({ code: 'ladder_rules_invalid', field: 'rules.1.id' });
    const saved = await as.admin('PUT', '/settings/ladder', {
      version: current.version,
      rules: current.rules.slice(0, 3),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().rules).toHaveLength(3);
    const stale = await as.admin('PUT', '/settings/ladder', { version: current.version, rules: current.rules });
    expect(stale.statusCode).toBe(409);
    expect((await as.sup('PUT', '/settings/ladder', { version: 2, rules: [] })).statusCode).toBe(403);
  });

  it('should refuse an amber threshold above the red one', async () => {
    const current = (await as.admin('GET', '/settings/supervision')).json();
    const { version, ...values } = current;
    const bad = await as.admin('PUT', '/settings/supervision', {
      ...values,
      version,
      planLagAmberPoints: 40,
      planLagRedPoints: 30,
    });
    expect(bad.statusCode).toBe(400);
    const good = await as.admin('PUT', '/settings/supervision', { ...values, version, sweepMinutes: 10 });
    expect(good.statusCode).toBe(200);
    expect(good.json().sweepMinutes).toBe(10);
  });
});
