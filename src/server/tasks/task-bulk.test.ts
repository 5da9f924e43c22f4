import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, caller, currentTask, makeTask, taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Bulk operations on a selection (assign, set a deadline, add a cooperating unit): one
// transaction, so a single task that cannot take the operation leaves every task as it was.

let t: TestApp;
let sup: ReturnType<typeof caller>;
let supCookie: string;
const unit = { A: 0, B: 0, C: 0 };

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.makeUnit('市人民政府');
  unit.A = (await t.makeUnit('市商务局', city.id)).id;
  unit.B = (await t.makeUnit('市市场监管局', city.id)).id;
  unit.C = (await t.makeUnit('市税务局', city.id)).id;
  await t.makeUser('bulk.sup', ['supervisor']);
  supCookie = await t.login('bulk.sup');
  sup = caller(t, supCookie);
});
afterAll(() => t.close());

function bulk(taskIds: number[], operation: object) {
  return sup('POST', '/tasks/bulk', { taskIds, operation });
}

/** Expects the batch to be refused as a whole, naming the task that could not take it. */
async function expectBatchRefused(taskIds: number[], operation: object, culpritNumber: string, status = 422) {
  const before = await taskSnapshot(t.db);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tasks/bulk',
    payload: { taskIds, operation },
    headers: { cookie: supCookie, 'accept-language': 'en' },
  });
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({ code: 'bulk_item_failed', field: 'taskIds' });
  expect(res.json().detail).toContain(culpritNumber);
  expect(await taskSnapshot(t.db)).toEqual(before);
  return res;
}

describe('POST /tasks/bulk', () => {
  it('should assign every task in the selection, each as a recorded transition', async () => {
    const tasks = [
      await makeTask(t, { title: '批量交办一', leadUnitId: unit.A }),
      await makeTask(t, { title: '批量交办二', leadUnitId: unit.B, cooperatingUnits: [{ unitId: unit.C }] }),
    ];
    const res = await bulk(
      tasks.map((task) => task.id),
      { kind: 'assign' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    for (const task of tasks) {
      const detail = (await sup('GET', `/tasks/${task.id}`)).json();
      expect(detail).toMatchObject({ status: 'assigned', unacknowledged: true, version: task.version + 1 });
      expect(detail.assignedAt).not.toBeNull();
      expect(detail.history[0]).toMatchObject({ action: 'assign', fromStatus: 'draft', toStatus: 'assigned' });
    }
  });

  it('should assign none when one task cannot be assigned, naming that task', async () => {
    const ready = await makeTask(t, { title: '可以交办', leadUnitId: unit.A });
    const noLead = await makeTask(t, { title: '没有牵头单位' });
    const res = await expectBatchRefused([ready.id, noLead.id], { kind: 'assign' }, noLead.number);
    expect(res.json().detail).toMatch(/lead unit/i);
    const already = await makeTask(t, { title: '已经交办', leadUnitId: unit.B });
    await advance(t, already.id, ['assign']);
    await expectBatchRefused([ready.id, already.id], { kind: 'assign' }, already.number, 422);
  });

  it('should set the deadline of every task in the selection', async () => {
    const tasks = [
      await makeTask(t, { title: '改期一' }),
      await makeTask(t, { title: '改期二', deadline: '2026-06-30' }),
    ];
    const res = await bulk(
      tasks.map((task) => task.id),
      { kind: 'set_deadline', deadline: '2026-12-15' },
    );
    expect(res.statusCode, res.body).toBe(200);
    for (const task of tasks) {
      expect(await currentTask(t.db, task.id)).toMatchObject({ deadline: '2026-12-15', version: task.version + 1 });
    }
  });

  it('should set no deadline when one task would end after its parent or before its subtasks', async () => {
    const free = await makeTask(t, { title: '随便改期' });
    const parent = await makeTask(t, { title: '父期限', deadline: '2026-09-30' });
    const child = await makeTask(t, { title: '子期限', parentId: parent.id, deadline: '2026-09-01' });
    await expectBatchRefused([free.id, child.id], { kind: 'set_deadline', deadline: '2026-10-31' }, child.number);
    await expectBatchRefused([free.id, parent.id], { kind: 'set_deadline', deadline: '2026-08-31' }, parent.number);
  });

  it('should add a cooperating unit with its part to every task in the selection', async () => {
    const tasks = [
      await makeTask(t, { title: '加配合一', leadUnitId: unit.A }),
      await makeTask(t, {
        title: '加配合二',
        leadUnitId: unit.B,
        cooperatingUnits: [{ unitId: unit.C, part: '原有分工' }],
      }),
    ];
    const res = await bulk(
      tasks.map((task) => task.id),
      { kind: 'add_cooperating_unit', unitId: unit.C, part: '税收政策支持' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const first = (await sup('GET', `/tasks/${tasks[0]?.id}`)).json();
    expect(first.units).toMatchObject([
      { unitId: unit.A, role: 'lead' },
      { unitId: unit.C, role: 'cooperating', part: '税收政策支持' },
    ]);
    const second = (await sup('GET', `/tasks/${tasks[1]?.id}`)).json();
    expect(second.units).toMatchObject([
      { unitId: unit.B, role: 'lead' },
      { unitId: unit.C, role: 'cooperating', part: '原有分工' },
    ]);
  });

  it('should add the unit to none when it already leads one of the tasks, naming that task', async () => {
    const other = await makeTask(t, { title: '别家牵头', leadUnitId: unit.A });
    const own = await makeTask(t, { title: '自家牵头', leadUnitId: unit.C });
    await expectBatchRefused([other.id, own.id], { kind: 'add_cooperating_unit', unitId: unit.C }, own.number);
  });

  it('should change nothing when a task of the selection does not exist', async () => {
    const task = await makeTask(t, { title: '存在的任务', leadUnitId: unit.A });
    const before = await taskSnapshot(t.db);
    const res = await bulk([task.id, 999999], { kind: 'assign' });
    expect(res.statusCode).toBe(404);
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should refuse malformed operations with 400, changing nothing', async () => {
    const task = await makeTask(t, { title: '坏操作' });
    const before = await taskSnapshot(t.db);
    for (const operation of [
      { kind: 'close' },
      { kind: 'set_deadline', deadline: '2026-02-30' },
      { kind: 'assign', status: 'closed' },
    ]) {
      expect((await bulk([task.id], operation)).statusCode, JSON.stringify(operation)).toBe(400);
    }
    expect((await bulk([], { kind: 'assign' })).statusCode).toBe(400);
    expect(await taskSnapshot(t.db)).toEqual(before);
  });
});
