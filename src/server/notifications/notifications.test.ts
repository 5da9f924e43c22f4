import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationText } from '../../shared/notifications-api.js';
import type { Actor } from '../auth/actor.js';
import { actorOf, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { notify, resolveRecipients } from './notifications.service.js';

// The in-app inbox: who a notification reaches (units and roles, leaders over units, the
// supervision office, minus the actor, once each), and that each person reads and marks only their own.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0, c: 0 };
const u = {} as Record<
  | 'aHead'
  | 'aStaff'
  | 'aStaff2'
  | 'aGone'
  | 'bHead'
  | 'bStaff'
  | 'cStaff'
  | 'sup'
  | 'sup2'
  | 'supGone'
  | 'cityLeader'
  | 'aLeader'
  | 'cLeader',
  number
>;
let supActor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市发展改革委', unit.city)).id;
  unit.b = (await t.makeUnit('市财政局', unit.city)).id;
  unit.c = (await t.makeUnit('市教育局', unit.city)).id;
  u.aHead = await t.makeUser('n.ahead', ['unit_head'], { unitId: unit.a });
  u.aStaff = await t.makeUser('n.astaff', ['unit_staff'], { unitId: unit.a });
  u.aStaff2 = await t.makeUser('n.astaff2', ['unit_staff'], { unitId: unit.a });
  u.aGone = await t.makeUser('n.agone', ['unit_staff'], { unitId: unit.a });
  u.bHead = await t.makeUser('n.bhead', ['unit_head'], { unitId: unit.b });
  u.bStaff = await t.makeUser('n.bstaff', ['unit_staff'], { unitId: unit.b });
  u.cStaff = await t.makeUser('n.cstaff', ['unit_staff'], { unitId: unit.c });
  u.sup = await t.makeUser('n.sup', ['supervisor']);
  u.sup2 = await t.makeUser('n.sup2', ['supervisor']);
  u.supGone = await t.makeUser('n.supgone', ['supervisor']);
  u.cityLeader = await t.makeUser('n.cityleader', ['leader'], { unitsInChargeIds: [unit.city] });
  u.aLeader = await t.makeUser('n.aleader', ['leader'], { unitsInChargeIds: [unit.a] });
  u.cLeader = await t.makeUser('n.cleader', ['leader'], { unitsInChargeIds: [unit.c] });
  await t.db
    .updateTable('users')
    .set({ deactivated_at: new Date().toISOString() })
    .where('id', 'in', [u.aGone, u.supGone])
    .execute();
  supActor = await actorOf(t, u.sup);
});
afterAll(() => t.close());

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

async function inbox(userId: number) {
  return t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

describe(resolveRecipients.name, () => {
  it('should address the active people holding the roles in the given units only', async () => {
    expect(
      await resolveRecipients(t.db, {
        kind: 'plan.pending_head',
        taskId: null,
        unitIds: [unit.a],
        roles: ['unit_head'],
      }),
    ).toEqual([u.aHead]);
    const both = await resolveRecipients(t.db, {
      kind: 'task.assigned',
      taskId: null,
      unitIds: [unit.a, unit.b],
      roles: ['unit_head', 'unit_staff'],
    });
    expect(both).toEqual(sorted([u.aHead, u.aStaff, u.aStaff2, u.bHead, u.bStaff]));
  });

  it('should address every active supervisor, whatever the units', async () => {
    const ids = await resolveRecipients(t.db, {
      kind: 'plan.pending_supervisor',
      taskId: null,
      unitIds: [unit.c],
      roles: ['supervisor'],
    });
    expect(ids).toEqual(sorted([u.sup, u.sup2]));
  });

  it('should address the leaders in charge of the unit or a unit above it', async () => {
    const ids = await resolveRecipients(t.db, {
      kind: 'closure.pending_leader',
      taskId: null,
      unitIds: [unit.a],
      roles: ['leader'],
    });
    expect(ids).toEqual(sorted([u.cityLeader, u.aLeader]));
  });

  it('should leave out the actor and deactivated people, and name each person once', async () => {
    const ids = await resolveRecipients(t.db, {
      kind: 'plan.returned',
      taskId: null,
      userIds: [u.aHead, u.aHead, u.aGone, u.cStaff],
      unitIds: [unit.a],
      roles: ['unit_head', 'unit_staff', 'supervisor'],
      actor: supActor,
    });
    expect(ids).toEqual(sorted([u.aHead, u.aStaff, u.aStaff2, u.cStaff, u.sup2]));
  });
});

describe(notify.name, () => {
  it('should write one row per recipient with the params, and nothing when the transaction rolls back', async () => {
    const task = await makeTask(t, { title: '推进营商环境改革', leadUnitId: unit.c });
    const count = await notify(t.db, {
      kind: 'plan.returned',
      taskId: task.id,
      subjectType: 'plan',
      subjectId: 7,
      userIds: [u.cStaff],
      params: { reason: '目标不够具体' },
    });
    expect(count).toBe(1);
    const [row] = await inbox(u.cStaff);
    expect(row).toMatchObject({
      kind: 'plan.returned',
      task_id: task.id,
      subject_type: 'plan',
      subject_id: 7,
      read_at: null,
    });
    expect(JSON.parse(row?.params ?? '{}')).toEqual({ reason: '目标不够具体' });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notify(trx, { kind: 'plan.accepted', taskId: task.id, userIds: [u.cStaff] });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await inbox(u.cStaff)).toHaveLength(1);
  });
});

describe('assigning a task', () => {
  it('should notify the heads and staff of the lead and cooperating units, not the supervisor who assigned', async () => {
    const task = await makeTask(t, {
      title: '建设城市更新示范区',
      leadUnitId: unit.a,
      cooperatingUnits: [{ unitId: unit.b }],
    });
    const sup = caller(t, await t.login('n.sup'));
    const res = await sup('POST', `/tasks/${task.id}/assign`, { version: task.version });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.selectFrom('notifications').selectAll().where('task_id', '=', task.id).execute();
    expect(sorted(rows.map((row) => row.user_id))).toEqual(sorted([u.aHead, u.aStaff, u.aStaff2, u.bHead, u.bStaff]));
    expect(rows.every((row) => row.kind === 'task.assigned')).toBe(true);
  });
});

describe('GET /notifications', () => {
  it('should list only my own, newest first, page by page, with the task while I can see it', async () => {
    const visible = await makeTask(t, { title: '可见任务', leadUnitId: unit.b });
    const hidden = await makeTask(t, { title: '不可见任务', leadUnitId: unit.c });
    for (let i = 0; i < 3; i++) {
      await notify(t.db, {
        kind: 'report.due',
        taskId: visible.id,
        userIds: [u.bStaff],
        params: { period: `${i + 1}月`, dueDate: '2026-03-05' },
      });
    }
    await notify(t.db, { kind: 'plan.accepted', taskId: hidden.id, userIds: [u.bStaff] });
    await notify(t.db, { kind: 'plan.accepted', taskId: hidden.id, userIds: [u.bHead] });
    const staff = caller(t, await t.login('n.bstaff'));
    const mine = (await inbox(u.bStaff)).map((row) => row.id).reverse();
    const first = await staff('GET', '/notifications?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((n: { id: number }) => n.id)).toEqual(mine.slice(0, 2));
    const [newest, second] = first.json().items;
    expect(newest).toMatchObject({ kind: 'plan.accepted', taskId: hidden.id, readAt: null });
    expect(newest).not.toHaveProperty('taskTitle');
    expect(newest).not.toHaveProperty('taskNumber');
    expect(second).toMatchObject({
      kind: 'report.due',
      taskId: visible.id,
      taskNumber: visible.number,
      taskTitle: '可见任务',
      params: { period: '3月', dueDate: '2026-03-05' },
    });
    const rest = await staff('GET', `/notifications?limit=2&cursor=${first.json().nextCursor}`);
    const all = [...first.json().items, ...rest.json().items];
    let cursor = rest.json().nextCursor;
    while (cursor) {
      const page = await staff('GET', `/notifications?limit=2&cursor=${cursor}`);
      all.push(...page.json().items);
      cursor = page.json().nextCursor;
    }
    expect(all.map((n: { id: number }) => n.id)).toEqual(mine);
  });

  it('should filter unread ones and refuse a forged cursor', async () => {
    const staff = caller(t, await t.login('n.bstaff'));
    const [oldest] = await inbox(u.bStaff);
    await staff('POST', '/notifications/read', { ids: [oldest?.id] });
    const unread = await staff('GET', '/notifications?unread=true&limit=200');
    const ids = unread.json().items.map((n: { id: number }) => n.id);
    expect(ids).not.toContain(oldest?.id);
    expect(ids).toHaveLength((await inbox(u.bStaff)).length - 1);
    const bad = await staff('GET', '/notifications?cursor=bm9wZQ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });
});

describe('POST /notifications/read', () => {
  it('should mark only my own notifications read and keep the count', async () => {
    await notify(t.db, { kind: 'task.assigned', taskId: null, userIds: [u.cStaff, u.cLeader] });
    const [others] = (await inbox(u.cLeader)).reverse();
    const staff = caller(t, await t.login('n.cstaff'));
    const before = (await staff('GET', '/notifications/unread-count')).json().unread;
    expect(before).toBe((await inbox(u.cStaff)).filter((row) => !row.read_at).length);
    const [mineNewest] = (await inbox(u.cStaff)).reverse();
    const res = await staff('POST', '/notifications/read', { ids: [mineNewest?.id, others?.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 1, unread: before - 1 });
    expect((await inbox(u.cLeader)).every((row) => row.read_at === null)).toBe(true);
    const again = await staff('POST', '/notifications/read', { ids: [mineNewest?.id] });
    expect(again.json()).toEqual({ updated: 0, unread: before - 1 });
    const all = await staff('POST', '/notifications/read', { all: true });
    expect(all.json()).toEqual({ updated: before - 1, unread: 0 });
    expect((await staff('GET', '/notifications/unread-count')).json()).toEqual({ unread: 0 });
    const leader = caller(t, await t.login('n.cleader'));
    expect((await leader('GET', '/notifications/unread-count')).json().unread).toBeGreaterThan(0);
  });

  it('should refuse an empty, mixed or malformed body and change nothing', async () => {
    await notify(t.db, { kind: 'task.assigned', taskId: null, userIds: [u.aStaff2] });
    const staff = caller(t, await t.login('n.astaff2'));
    const before = await inbox(u.aStaff2);
    for (const payload of [
      {},
      { ids: [] },
      { all: false },
      { ids: [before[0]?.id], all: true },
      { ids: ['1'] },
      { all: true, extra: 1 },
    ]) {
      const res = await staff('POST', '/notifications/read', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect(await inbox(u.aStaff2)).toEqual(before);
  });
});

describe(notificationText.name, () => {
  it('should fill the task and params in each language, and not name a task the reader cannot see', () => {
    const params = { reason: '数据不实' };
    const task = { number: '2026-0001', title: '推进营商环境改革' };
    expect(notificationText('zh-CN', { kind: 'closure.returned', params, task })).toBe(
      '2026-0001「推进营商环境改革」 的办结申请被退回：数据不实',
    );
    expect(notificationText('en', { kind: 'closure.returned', params })).toBe(
      'The closure application for a task was returned: 数据不实',
    );
    expect(notificationText('zh-TW', { kind: 'report.due', params: {} })).toBe('一項任務 的進展回饋應於  前報送。');
  });
});
