import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { actorOf, advance, caller, currentTask, makeSource, makeTask, taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { archiveUnit } from '../units/units.service.js';

// Registering, validating, editing, moving, deleting and decomposing tasks through the API, with
// every refusal checked to leave the database exactly as it was.

let t: TestApp;
let sup: ReturnType<typeof caller>;
const unit = { A: 0, B: 0, C: 0, archived: 0 };
const user = { sup: 0, staffA: 0, staffB: 0, leader: 0 };
let sourceId: number;

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.makeUnit('市人民政府');
  unit.A = (await t.makeUnit('市发展和改革委员会', city.id)).id;
  unit.B = (await t.makeUnit('市财政局', city.id)).id;
  unit.C = (await t.makeUnit('市自然资源局', city.id)).id;
  const old = await t.makeUnit('已撤销的指挥部', city.id);
  await archiveUnit(t.db, { unitId: old.id, version: old.version, actor: systemActor('test') });
  unit.archived = old.id;
  user.sup = await t.makeUser('tasks.sup', ['supervisor']);
  user.staffA = await t.makeUser('tasks.staff.a', ['unit_staff'], { unitId: unit.A });
  user.staffB = await t.makeUser('tasks.staff.b', ['unit_staff'], { unitId: unit.B });
  user.leader = await t.makeUser('tasks.leader', ['leader'], { unitsInChargeIds: [unit.A] });
  sup = caller(t, await t.login('tasks.sup'));
  sourceId = (await makeSource(t, { title: '2026年市政府工作报告', docNumber: '市政办〔2026〕12号' })).id;
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Runs a request that must be refused, and checks the answer and that nothing changed. */
async function expectRefused(
  request: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
): Promise<LightMyRequestResponse> {
  const before = await taskSnapshot(t.db);
  const res = await request();
  expect(res.statusCode, res.body).toBe(expected.status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ code: expected.code, ...(expected.field ? { field: expected.field } : {}) });
  expect(await taskSnapshot(t.db)).toEqual(before);
  return res;
}

const sorted = (values: number[]) => [...values].sort((x, y) => x - y);

async function auditOf(taskId: number) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('object_type', '=', 'task')
    .where('object_id', '=', String(taskId))
    .orderBy('seq')
    .execute();
}

describe('POST /tasks', () => {
  it('should register a task with every field', async () => {
    const res = await sup('POST', '/tasks', {
      title: '  推进城市更新行动  ',
      description: '全年实施城市更新项目二十个',
      sourceId,
      category: '城市建设',
      tags: ['城市更新', ' 民生 ', '城市更新'],
      isKey: true,
      priority: 'high',
      isPublic: true,
      leadUnitId: unit.A,
      cooperatingUnits: [{ unitId: unit.B, part: '  保障项目资金  ' }, { unitId: unit.C }],
      responsibleLeaderId: user.leader,
      responsiblePersonId: user.staffA,
      startDate: '2026-03-01',
      deadline: '2026-12-31',
      weight: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      title: '推进城市更新行动',
      description: '全年实施城市更新项目二十个',
      sourceId,
      source: { id: sourceId, kind: 'document', docNumber: '市政办〔2026〕12号', taskCount: 1 },
      category: '城市建设',
      tags: ['城市更新', '民生'],
      isKey: true,
      priority: 'high',
      isPublic: true,
      leadUnit: { id: unit.A, name: '市发展和改革委员会' },
      cooperatingUnitIds: [unit.B, unit.C],
      responsibleLeader: { id: user.leader, displayName: 'tasks.leader' },
      responsiblePerson: { id: user.staffA, displayName: 'tasks.staff.a' },
      startDate: '2026-03-01',
      deadline: '2026-12-31',
      deadlineWorkingDays: null,
      weight: 2,
      progress: 0,
      childCount: 0,
      status: 'draft',
      parentId: null,
      depth: 0,
      ancestors: [],
      children: [],
      version: 1,
      overdue: false,
      unacknowledged: false,
      createdBy: { id: user.sup },
      canEdit: true,
      allowedActions: ['assign', 'cancel'],
    });
    expect(task.number).toMatch(/^2026-\d{4}$/);
    expect(task.units).toEqual([
      {
        unitId: unit.A,
        unitName: '市发展和改革委员会',
        role: 'lead',
        part: null,
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
      {
        unitId: unit.B,
        unitName: '市财政局',
        role: 'cooperating',
        part: '保障项目资金',
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
      {
        unitId: unit.C,
        unitName: '市自然资源局',
        role: 'cooperating',
        part: null,
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
    ]);
    expect(task.history).toMatchObject([{ action: 'create', toStatus: 'draft', actor: { id: user.sup } }]);
    const audit = await auditOf(task.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'task.create', actor_user_id: user.sup });
  });

  it('should let a subtask inherit source, units, leader and deadline, but not the parts', async () => {
    const parent = await makeTask(t, {
      title: '继承父任务',
      sourceId,
      leadUnitId: unit.A,
      cooperatingUnits: [{ unitId: unit.B, part: '父任务的分工' }],
      responsibleLeaderId: user.leader,
      responsiblePersonId: user.staffA,
      deadline: '2026-10-31',
    });
    const res = await sup('POST', '/tasks', { title: '继承子任务', parentId: parent.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      parentId: parent.id,
      depth: 1,
      sourceId,
      leadUnit: { id: unit.A },
      cooperatingUnitIds: [unit.B],
      responsibleLeader: { id: user.leader },
      responsiblePerson: null,
      deadline: '2026-10-31',
      ancestors: [{ id: parent.id, number: parent.number, title: '继承父任务' }],
    });
    expect(res.json().units[1]).toMatchObject({ unitId: unit.B, part: null });
    const detail = (await sup('GET', `/tasks/${parent.id}`)).json();
    expect(detail.childCount).toBe(1);
    expect(detail.children.map((c: { id: number }) => c.id)).toEqual([res.json().id]);
  });

  it('should let a subtask override what it would inherit', async () => {
    const parent = await makeTask(t, {
      sourceId,
      leadUnitId: unit.A,
      cooperatingUnits: [{ unitId: unit.B }],
      responsibleLeaderId: user.leader,
      deadline: '2026-10-31',
    });
    const res = await sup('POST', '/tasks', {
      title: '自定子任务',
      parentId: parent.id,
      sourceId: null,
      leadUnitId: unit.C,
      cooperatingUnits: [],
      responsibleLeaderId: null,
      deadline: '2026-09-30',
    });
    expect(res.json()).toMatchObject({
      sourceId: null,
      leadUnit: { id: unit.C },
      cooperatingUnitIds: [],
      responsibleLeader: null,
      deadline: '2026-09-30',
    });
    const byWorkingDays = await sup('POST', '/tasks', {
      title: '按工作日',
      parentId: parent.id,
      deadlineWorkingDays: 5,
    });
    expect(byWorkingDays.json()).toMatchObject({ deadline: null, deadlineWorkingDays: 5 });
  });

  it('should number tasks per year, consecutively, with at least four digits', async () => {
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await makeTask(t, { title: `编号${i}` })).number);
    const seqs = numbers.map((n) => Number(n.slice(5)));
    expect(numbers.every((n) => /^2026-\d{4,}$/.test(n))).toBe(true);
    expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2]);
  });

  it('should start a new sequence in a new local year (Asia/Shanghai)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T00:30:00+08:00'));
    expect((await makeTask(t, { title: '新年第一项' })).number).toBe('2027-0001');
    expect((await makeTask(t, { title: '新年第二项' })).number).toBe('2027-0002');
    vi.useRealTimers();
    expect((await makeTask(t, { title: '回到今年' })).number).toMatch(/^2026-/);
  });

  it('should give 20 concurrent registrations 20 distinct consecutive numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sup('POST', '/tasks', { title: `并发立项${i}`, leadUnitId: unit.A })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const seqs = responses.map((r) => Number(r.json().number.slice(5))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    expect((seqs[19] ?? 0) - (seqs[0] ?? 0)).toBe(19);
    const counter = await t.db
      .selectFrom('task_counters')
      .selectAll()
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(counter.last_seq).toBe(seqs[19]);
  });
});

describe('POST /tasks validation', () => {
  let parentId: number;
  beforeAll(async () => {
    parentId = (await makeTask(t, { title: '有期限的父任务', leadUnitId: unit.A, deadline: '2026-06-30' })).id;
  });

  const INVALID: Array<[label: string, body: () => object, status: number, code: string, field: string | undefined]> = [
    ['an unknown field', () => ({ title: '未知字段', status: 'closed' }), 400, 'validation_failed', 'status'],
    [
      'a number chosen by the caller',
      () => ({ title: '自定编号', number: '2026-9999' }),
      400,
      'validation_failed',
      'number',
    ],
    ['a blank title', () => ({ title: '   ' }), 400, 'validation_failed', 'title'],
    ['a malformed date', () => ({ title: '坏日期', deadline: '2026/12/31' }), 400, 'validation_failed', 'deadline'],
    ['an impossible date', () => ({ title: '坏日期', deadline: '2026-02-30' }), 400, 'validation_failed', 'deadline'],
    [
      'an impossible start date',
      () => ({ title: '坏日期', startDate: '2026-04-31' }),
      400,
      'validation_failed',
      'startDate',
    ],
    ['a weight of zero', () => ({ title: '零权重', weight: 0 }), 400, 'validation_failed', 'weight'],
    [
      'a deadline after the parent’s',
      () => ({ title: '超期子任务', parentId, deadline: '2026-07-01' }),
      422,
      'deadline_after_parent',
      'deadline',
    ],
    [
      'a start after the deadline',
      () => ({ title: '倒置', startDate: '2026-12-01', deadline: '2026-11-30' }),
      422,
      'start_after_deadline',
      'startDate',
    ],
    [
      'a responsible person outside the lead unit',
      () => ({ title: '错人', leadUnitId: unit.A, responsiblePersonId: user.staffB }),
      422,
      'responsible_person_not_in_unit',
      'responsiblePersonId',
    ],
    [
      'a responsible person without a lead unit',
      () => ({ title: '无牵头', responsiblePersonId: user.staffA }),
      422,
      'responsible_person_not_in_unit',
      'responsiblePersonId',
    ],
    [
      'a responsible leader without the leader role',
      () => ({ title: '错领导', responsibleLeaderId: user.staffB }),
      422,
      'responsible_leader_invalid',
      'responsibleLeaderId',
    ],
    [
      'an unknown responsible leader',
      () => ({ title: '无此人', responsibleLeaderId: 999999 }),
      422,
      'responsible_leader_invalid',
      'responsibleLeaderId',
    ],
    [
      'an archived lead unit',
      () => ({ title: '撤销单位', leadUnitId: unit.archived }),
      422,
      'unit_archived',
      'leadUnitId',
    ],
    ['an unknown lead unit', () => ({ title: '无此单位', leadUnitId: 999999 }), 422, 'unit_not_found', 'leadUnitId'],
    [
      'an archived cooperating unit',
      () => ({ title: '撤销配合', leadUnitId: unit.A, cooperatingUnits: [{ unitId: unit.archived }] }),
      422,
      'unit_archived',
      'cooperatingUnits',
    ],
    [
      'the lead unit also cooperating',
      () => ({ title: '自己配合自己', leadUnitId: unit.A, cooperatingUnits: [{ unitId: unit.A }] }),
      422,
      'cooperating_unit_is_lead',
      'cooperatingUnits',
    ],
    ['an unknown source', () => ({ title: '无此来源', sourceId: 999999 }), 422, 'source_not_found', 'sourceId'],
    ['an unknown parent', () => ({ title: '无此父任务', parentId: 999999 }), 404, 'not_found', undefined],
  ];

  it.each(INVALID)('should refuse %s and change nothing', async (_label, body, status, code, field) => {
    await expectRefused(() => sup('POST', '/tasks', body()), { status, code, ...(field ? { field } : {}) });
  });
});

describe('PATCH /tasks/:id', () => {
  it('should change the given fields, bump the version and record the change', async () => {
    const task = await makeTask(t, { title: '待修改', leadUnitId: unit.A, cooperatingUnits: [{ unitId: unit.B }] });
    const res = await sup('PATCH', `/tasks/${task.id}`, {
      version: task.version,
      title: '已修改',
      isKey: true,
      tags: ['改'],
      deadline: '2026-12-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: '已修改',
      isKey: true,
      tags: ['改'],
      deadline: '2026-12-20',
      cooperatingUnitIds: [unit.B],
      version: task.version + 1,
    });
    expect(res.json().history[0]).toMatchObject({ action: 'update', actor: { id: user.sup } });
    const audit = await auditOf(task.id);
    expect(audit.map((a) => a.action)).toEqual(['task.create', 'task.update']);
    expect(JSON.parse(audit[1]?.before ?? '{}')).toMatchObject({ title: '待修改', deadline: null });
    expect(JSON.parse(audit[1]?.after ?? '{}')).toMatchObject({ title: '已修改', deadline: '2026-12-20' });
  });

  it('should replace the units and keep the acknowledgement of a unit that stays', async () => {
    const task = await makeTask(t, { title: '换单位', leadUnitId: unit.A, cooperatingUnits: [{ unitId: unit.B }] });
    const assigned = await advance(t, task.id, ['assign', ['acknowledge', await actorOf(t, user.staffB)]]);
    const res = await sup('PATCH', `/tasks/${task.id}`, {
      version: assigned.version,
      cooperatingUnits: [{ unitId: unit.B }, { unitId: unit.C, part: '用地保障' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const units = res.json().units;
    expect(units.map((u: { unitId: number }) => u.unitId)).toEqual([unit.A, unit.B, unit.C]);
    expect(units[1].acknowledgedBy).toMatchObject({ id: user.staffB });
    expect(units[2]).toMatchObject({ part: '用地保障', acknowledgedAt: null });
  });

  it('should answer a stale version with 409 and the current task, overwriting nothing', async () => {
    const task = await makeTask(t, { title: '版本一' });
    expect((await sup('PATCH', `/tasks/${task.id}`, { version: task.version, title: '版本二' })).statusCode).toBe(200);
    const res = await expectRefused(
      () => sup('PATCH', `/tasks/${task.id}`, { version: task.version, title: '版本三' }),
      {
        status: 409,
        code: 'version_conflict',
      },
    );
    expect(res.json().current).toMatchObject({ id: task.id, title: '版本二', version: task.version + 1 });
  });

  it('should refuse a deadline after the parent’s or before a subtask’s, changing nothing', async () => {
    const parent = await makeTask(t, { title: '父', leadUnitId: unit.A, deadline: '2026-09-30' });
    const child = await makeTask(t, { title: '子', parentId: parent.id, deadline: '2026-08-31' });
    await expectRefused(() => sup('PATCH', `/tasks/${child.id}`, { version: child.version, deadline: '2026-10-01' }), {
      status: 422,
      code: 'deadline_after_parent',
      field: 'deadline',
    });
    await expectRefused(
      () => sup('PATCH', `/tasks/${parent.id}`, { version: parent.version, deadline: '2026-08-30' }),
      {
        status: 422,
        code: 'deadline_before_subtasks',
        field: 'deadline',
      },
    );
  });

  it('should refuse a responsible person left outside a new lead unit, changing nothing', async () => {
    const task = await makeTask(t, { title: '换牵头', leadUnitId: unit.A, responsiblePersonId: user.staffA });
    await expectRefused(() => sup('PATCH', `/tasks/${task.id}`, { version: task.version, leadUnitId: unit.B }), {
      status: 422,
      code: 'responsible_person_not_in_unit',
      field: 'responsiblePersonId',
    });
    const res = await sup('PATCH', `/tasks/${task.id}`, {
      version: task.version,
      leadUnitId: unit.B,
      responsiblePersonId: user.staffB,
    });
    expect(res.json()).toMatchObject({ leadUnit: { id: unit.B }, responsiblePerson: { id: user.staffB } });
  });

  it('should keep exactly one lead unit once assigned: removing it is refused, changing nothing', async () => {
    const task = await advance(t, (await makeTask(t, { title: '不能没有牵头单位', leadUnitId: unit.A })).id, [
      'assign',
    ]);
    await expectRefused(() => sup('PATCH', `/tasks/${task.id}`, { version: task.version, leadUnitId: null }), {
      status: 422,
      code: 'lead_unit_required',
      field: 'leadUnitId',
    });
    const draft = await makeTask(t, { title: '草稿可以暂不定牵头单位', leadUnitId: unit.A });
    const res = await sup('PATCH', `/tasks/${draft.id}`, { version: draft.version, leadUnitId: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().leadUnit).toBeNull();
  });

  it('should refuse unknown fields with 400, changing nothing', async () => {
    const task = await makeTask(t, { title: '不许改状态' });
    await expectRefused(() => sup('PATCH', `/tasks/${task.id}`, { version: task.version, status: 'closed' }), {
      status: 400,
      code: 'validation_failed',
      field: 'status',
    });
  });
});

describe('POST /tasks/:id/move', () => {
  it('should move a subtree, rewriting the paths, depths and ancestors below it', async () => {
    const from = await makeTask(t, { title: '原上级' });
    const to = await makeTask(t, { title: '新上级' });
    const a = await makeTask(t, { title: '移动甲', parentId: from.id });
    const a1 = await makeTask(t, { title: '移动甲一', parentId: a.id });
    const a11 = await makeTask(t, { title: '移动甲一一', parentId: a1.id });
    const res = await sup('POST', `/tasks/${a.id}/move`, { version: a.version, parentId: to.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ parentId: to.id, depth: 1, version: a.version + 1 });
    const rows = await t.db
      .selectFrom('tasks')
      .select(['id', 'path', 'depth'])
      .where('id', 'in', [a.id, a1.id, a11.id])
      .orderBy('depth')
      .execute();
    expect(rows).toEqual([
      { id: a.id, path: `/${to.id}/${a.id}/`, depth: 1 },
      { id: a1.id, path: `/${to.id}/${a.id}/${a1.id}/`, depth: 2 },
      { id: a11.id, path: `/${to.id}/${a.id}/${a1.id}/${a11.id}/`, depth: 3 },
    ]);
    const audit = await auditOf(a.id);
    expect(audit.map((row) => row.action)).toEqual(['task.create', 'task.move']);
    expect(JSON.parse(audit[1]?.detail ?? '{}')).toMatchObject({ fromParentId: from.id, toParentId: to.id });
    const deep = (await sup('GET', `/tasks/${a11.id}`)).json();
    expect(deep.ancestors.map((x: { id: number }) => x.id)).toEqual([to.id, a.id, a1.id]);
    expect((await currentTask(t.db, from.id)).child_count).toBe(0);
    expect((await currentTask(t.db, to.id)).child_count).toBe(1);
    const top = await sup('POST', `/tasks/${a1.id}/move`, { version: a1.version, parentId: null });
    expect(top.json()).toMatchObject({ parentId: null, depth: 0 });
    expect((await currentTask(t.db, a11.id)).path).toBe(`/${a1.id}/${a11.id}/`);
  });

  it('should refuse moving a task under itself or its own subtask with 422, changing nothing', async () => {
    const root = await makeTask(t, { title: '环根' });
    const child = await makeTask(t, { title: '环子', parentId: root.id });
    const grandchild = await makeTask(t, { title: '环孙', parentId: child.id });
    for (const target of [root.id, child.id, grandchild.id]) {
      await expectRefused(() => sup('POST', `/tasks/${root.id}/move`, { version: root.version, parentId: target }), {
        status: 422,
        code: 'task_move_cycle',
        field: 'parentId',
      });
    }
  });

  it('should refuse a move under a parent with an earlier deadline, changing nothing', async () => {
    const early = await makeTask(t, { title: '早截止', deadline: '2026-03-31' });
    const late = await makeTask(t, { title: '晚截止', deadline: '2026-12-31' });
    await expectRefused(() => sup('POST', `/tasks/${late.id}/move`, { version: late.version, parentId: early.id }), {
      status: 422,
      code: 'deadline_after_parent',
      field: 'deadline',
    });
  });

  it('should refuse a stale version and an unknown parent, changing nothing', async () => {
    const task = await makeTask(t, { title: '移动版本' });
    const target = await makeTask(t, { title: '移动目标' });
    await expectRefused(
      () => sup('POST', `/tasks/${task.id}/move`, { version: task.version + 1, parentId: target.id }),
      {
        status: 409,
        code: 'version_conflict',
      },
    );
    await expectRefused(() => sup('POST', `/tasks/${task.id}/move`, { version: task.version, parentId: 999999 }), {
      status: 404,
      code: 'not_found',
    });
  });
});

describe('moves at the same time', () => {
  /** Every task's path and depth follow from its parent's: no cycle, no stale subtree. */
  async function expectPathsConsistent() {
    const rows = await t.db.selectFrom('tasks').select(['id', 'parent_id', 'path', 'depth']).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) {
      const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
      expect(row.path, `path of ${row.id}`).toBe(`${parent?.path ?? '/'}${row.id}/`);
      expect(row.depth, `depth of ${row.id}`).toBe(parent ? parent.depth + 1 : 0);
    }
  }

  it('should let only one of two crossing moves through, never making a cycle', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await makeTask(t, { title: `交叉甲${round}` });
      const b = await makeTask(t, { title: `交叉乙${round}` });
      const [first, second] = await Promise.all([
        sup('POST', `/tasks/${a.id}/move`, { version: a.version, parentId: b.id }),
        sup('POST', `/tasks/${b.id}/move`, { version: b.version, parentId: a.id }),
      ]);
      expect(sorted([first.statusCode, second.statusCode]), `${first.body} ${second.body}`).toEqual([200, 422]);
      await expectPathsConsistent();
    }
  });

  it('should keep the paths right when a task and its parent move at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const left = await makeTask(t, { title: `左${round}` });
      const right = await makeTask(t, { title: `右${round}` });
      const parent = await makeTask(t, { title: `同动父${round}` });
      const child = await makeTask(t, { title: `同动子${round}`, parentId: parent.id });
      const grandchild = await makeTask(t, { title: `同动孙${round}`, parentId: child.id });
      const results = await Promise.all([
        sup('POST', `/tasks/${parent.id}/move`, { version: parent.version, parentId: left.id }),
        sup('POST', `/tasks/${child.id}/move`, { version: child.version, parentId: right.id }),
      ]);
      expect(results.map((res) => res.statusCode)).toEqual([200, 200]);
      expect((await currentTask(t.db, grandchild.id)).path).toBe(`/${right.id}/${child.id}/${grandchild.id}/`);
      await expectPathsConsistent();
    }
  });
});

describe('DELETE /tasks/:id', () => {
  it('should delete a draft subtree with its units and history, and roll the parent up', async () => {
    const parent = await makeTask(t, { title: '删除父' });
    const keep = await makeTask(t, { title: '保留子', parentId: parent.id });
    const gone = await makeTask(t, { title: '删除子', parentId: parent.id, leadUnitId: unit.A });
    const goneChild = await makeTask(t, { title: '删除孙', parentId: gone.id });
    await t.db.updateTable('tasks').set({ progress: 80 }).where('id', '=', keep.id).execute();
    const res = await sup('DELETE', `/tasks/${gone.id}?version=${gone.version}`);
    expect(res.statusCode, res.body).toBe(204);
    const left = await t.db.selectFrom('tasks').select('id').where('id', 'in', [gone.id, goneChild.id]).execute();
    expect(left).toEqual([]);
    const links = await t.db.selectFrom('task_units').select('task_id').where('task_id', '=', gone.id).execute();
    expect(links).toEqual([]);
    const events = await t.db.selectFrom('task_events').select('id').where('task_id', '=', gone.id).execute();
    expect(events).toEqual([]);
    expect((await auditOf(gone.id)).map((a) => a.action)).toEqual(['task.create', 'task.delete']);
    const after = await currentTask(t.db, parent.id);
    expect({ childCount: after.child_count, progress: after.progress }).toEqual({ childCount: 1, progress: 80 });
    expect((await sup('GET', `/tasks/${gone.id}`)).statusCode).toBe(404);
  });

  it('should refuse deleting a task that is not a draft, or has a subtask that is not, changing nothing', async () => {
    const assigned = await makeTask(t, { title: '已交办', leadUnitId: unit.A });
    const moved = await advance(t, assigned.id, ['assign']);
    await expectRefused(() => sup('DELETE', `/tasks/${assigned.id}?version=${moved.version}`), {
      status: 409,
      code: 'task_not_draft',
    });
    const parent = await makeTask(t, { title: '草稿父' });
    const child = await makeTask(t, { title: '交办子', parentId: parent.id, leadUnitId: unit.A });
    await advance(t, child.id, ['assign']);
    const fresh = await currentTask(t.db, parent.id);
    await expectRefused(() => sup('DELETE', `/tasks/${parent.id}?version=${fresh.version}`), {
      status: 409,
      code: 'task_not_draft',
    });
  });

  it('should refuse a stale version with 409, deleting nothing', async () => {
    const task = await makeTask(t, { title: '删除版本' });
    await expectRefused(() => sup('DELETE', `/tasks/${task.id}?version=${task.version + 1}`), {
      status: 409,
      code: 'version_conflict',
    });
  });
});

describe('POST /tasks/:id/subtasks', () => {
  it('should decompose a task into several subtasks at once', async () => {
    const parent = await makeTask(t, { title: '分解', leadUnitId: unit.A, deadline: '2026-12-31' });
    const res = await sup('POST', `/tasks/${parent.id}/subtasks`, {
      version: parent.version,
      subtasks: [
        { title: '分解一' },
        { title: '分解二', leadUnitId: unit.B, weight: 3 },
        { title: '分解三', deadline: '2026-11-30' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toMatchObject([
      { title: '分解一', leadUnit: { id: unit.A }, deadline: '2026-12-31', depth: 1 },
      { title: '分解二', leadUnit: { id: unit.B }, weight: 3 },
      { title: '分解三', deadline: '2026-11-30' },
    ]);
    expect((await currentTask(t.db, parent.id)).child_count).toBe(3);
  });

  it('should create none of the subtasks when one of them is refused', async () => {
    const parent = await makeTask(t, { title: '全有或全无', leadUnitId: unit.A, deadline: '2026-06-30' });
    const batch = (bad: object) => ({
      version: parent.version,
      subtasks: [{ title: '好一' }, { title: '好二' }, { title: '坏', ...bad }],
    });
    await expectRefused(() => sup('POST', `/tasks/${parent.id}/subtasks`, batch({ deadline: '2026-07-01' })), {
      status: 422,
      code: 'deadline_after_parent',
      field: 'subtasks.2.deadline',
    });
    await expectRefused(() => sup('POST', `/tasks/${parent.id}/subtasks`, batch({ leadUnitId: unit.archived })), {
      status: 422,
      code: 'unit_archived',
    });
    await expectRefused(() => sup('POST', `/tasks/${parent.id}/subtasks`, batch({ status: 'closed' })), {
      status: 400,
      code: 'validation_failed',
    });
    await expectRefused(
      () => sup('POST', `/tasks/${parent.id}/subtasks`, { ...batch({}), version: parent.version + 1 }),
      { status: 409, code: 'version_conflict' },
    );
  });
});
