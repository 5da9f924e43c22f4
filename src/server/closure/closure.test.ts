import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import type { TaskFieldsInput } from '../tasks/task-fields.js';
import { actorOf, advance, caller, currentTask, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Closure applications (申请办结 / 办结审核) through the API: the review flow with every round kept,
// the task following it (closure_requested, closed, returned), key tasks' evidence and optional
// leader confirmation, parents with open children, and the old direct lifecycle actions refused.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0, c: 0 };
const u = { aStaff: 0, aHead: 0, bStaff: 0, cStaff: 0, sup: 0, aLeader: 0, cLeader: 0, cityLeader: 0, aud: 0 };
type Who = keyof typeof u | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let aStaffActor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住房城乡建设局', unit.city)).id;
  unit.b = (await t.makeUnit('市自然资源局', unit.city)).id;
  unit.c = (await t.makeUnit('市卫生健康委', unit.city)).id;
  u.aStaff = await t.makeUser('c.astaff', ['unit_staff'], { unitId: unit.a });
  u.aHead = await t.makeUser('c.ahead', ['unit_head'], { unitId: unit.a });
  u.bStaff = await t.makeUser('c.bstaff', ['unit_staff'], { unitId: unit.b });
  u.cStaff = await t.makeUser('c.cstaff', ['unit_staff'], { unitId: unit.c });
  u.sup = await t.makeUser('c.sup', ['supervisor']);
  u.aLeader = await t.makeUser('c.aleader', ['leader'], { unitsInChargeIds: [unit.a] });
  u.cLeader = await t.makeUser('c.cleader', ['leader'], { unitsInChargeIds: [unit.c] });
  u.cityLeader = await t.makeUser('c.cityleader', ['leader'], { unitsInChargeIds: [unit.city] });
  u.aud = await t.makeUser('c.aud', ['auditor']);
  for (const who of Object.keys(u) as Array<keyof typeof u>) {
    as[who] = caller(t, await t.login(`c.${who.toLowerCase()}`));
  }
  as.admin = caller(t, await t.login('admin'));
  aStaffActor = await actorOf(t, u.aStaff);
});
afterAll(() => t.close());

/** A task led by unit A (B cooperating), assigned and acknowledged: in progress. */
async function openTask(fields: TaskFieldsInput & { title?: string; parentId?: number } = {}) {
  const task = await makeTask(t, {
    title: '推进城镇老旧小区改造',
    leadUnitId: unit.a,
    cooperatingUnits: [{ unitId: unit.b }],
    ...fields,
  });
  return advance(t, task.id, ['assign', ['acknowledge', aStaffActor]]);
}

/** A file uploaded to the task (the row only: evidence links need no bytes). */
async function addFile(taskId: number, name = '验收报告.pdf'): Promise<number> {
  const row = await t.db
    .insertInto('files')
    .values({
      task_id: taskId,
      sha256: 'a'.repeat(64),
      size_bytes: 1024,
      content_type: 'application/pdf',
      original_name: name,
      uploaded_by: u.aStaff,
      unit_id: unit.a,
      uploaded_at: nowIso(),
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An accepted plan with these targets, written directly (the plans feature is tested on its own). */
async function acceptPlan(taskId: number, targetIds: string[]): Promise<void> {
  const content = {
    targets: targetIds.map((id) => ({
      id,
      name: `目标${id}`,
      measureUnit: '个',
      baseline: 0,
      targetValue: 10,
      dueDate: null,
    })),
    steps: [],
    milestones: [],
    expectedProgress: [],
    progressBasis: 'reports',
  };
  const now = nowIso();
  await t.db
    .insertInto('plans')
    .values({
      task_id: taskId,
      version_no: 1,
      status: 'accepted',
      content: JSON.stringify(content),
      created_by: u.aStaff,
      created_at: now,
      updated_by: u.aStaff,
      updated_at: now,
      submitted_at: now,
      decided_at: now,
      version: 1,
    })
    .execute();
}

function save(who: Who, taskId: number, body: object) {
  return as[who]('PUT', `/tasks/${taskId}/closure`, body);
}

function act(who: Who, taskId: number, body: object) {
  return as[who]('POST', `/tasks/${taskId}/closure/actions`, body);
}

function expectOk(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
}

/** Everything a refused closure request could have touched. */
async function stateOf(taskId: number) {
  const count = async (table: 'audit_log' | 'notifications' | 'task_events') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    task: await currentTask(t.db, taskId),
    applications: await t.db.selectFrom('closure_applications').selectAll().where('task_id', '=', taskId).execute(),
    rounds: await t.db.selectFrom('closure_rounds').selectAll().orderBy('id').execute(),
    links: await t.db.selectFrom('evidence_links').selectAll().orderBy('file_id').execute(),
    audit: await count('audit_log'),
    notifications: await count('notifications'),
    events: await count('task_events'),
  };
}

async function notified(userId: number, taskId: number) {
  const rows = await t.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.kind);
}

describe('the closure flow', () => {
  it('should take an application through a head return, a supervision return and resubmission to closed, keeping every round', async () => {
    const task = await openTask();
    await acceptPlan(task.id, ['t1', 't2']);
    const fileId = await addFile(task.id);

    const empty = expectOk(await as.aStaff('GET', `/tasks/${task.id}/closure`));
    expect(empty).toMatchObject({ application: null, rounds: [], canEdit: true, allowedActions: [] });
    expect(empty.targets.map((target: { id: string }) => target.id)).toEqual(['t1', 't2']);

    let app = expectOk(
      await save('aStaff', task.id, {
        version: 0,
        summary: '  完成改造小区 12 个  ',
        targetResults: [{ targetId: 't1', achieved: 12, comment: '超额完成' }],
        fileIds: [fileId],
      }),
    ).application;
    expect(app).toMatchObject({ status: 'draft', version: 1, summary: '完成改造小区 12 个' });
    expect(app.evidence.map((f: { id: number }) => f.id)).toEqual([fileId]);

    const before = await stateOf(task.id);
    const incomplete = await act('aStaff', task.id, { action: 'submit', version: 1 });
    expectProblem(incomplete, 422, 'closure_targets_incomplete');
    expect(await stateOf(task.id)).toEqual(before);

    const results = [
      { targetId: 't1', achieved: 12, comment: '超额完成' },
      { targetId: 't2', achieved: 10, comment: '' },
    ];
    app = expectOk(
      await save('aStaff', task.id, {
        version: 1,
        summary: '完成改造小区 12 个',
        targetResults: results,
        fileIds: [fileId],
      }),
    ).application;
    expect(app.version).toBe(2);

    let view = expectOk(await act('aStaff', task.id, { action: 'submit', version: 2 }));
    expect(view.application.status).toBe('pending_head');
    expect((await currentTask(t.db, task.id)).status).toBe('in_progress');
    expect(await notified(u.aHead, task.id)).toContain('closure.pending_head');
    expect(await notified(u.aStaff, task.id)).not.toContain('closure.pending_head');
    expectProblem(await save('aStaff', task.id, { version: 3, summary: '改' }), 409, 'closure_not_editable');

    expectProblem(await act('aHead', task.id, { action: 'return', version: 3 }), 422, 'reason_required');
    view = expectOk(await act('aHead', task.id, { action: 'return', version: 3, reason: '请补充资金使用情况' }));
    expect(view.application.status).toBe('returned');
    expect((await currentTask(t.db, task.id)).status).toBe('in_progress');
    const returnedNote = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', u.aStaff)
      .where('kind', '=', 'closure.returned')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(returnedNote.params)).toEqual({ reason: '请补充资金使用情况' });

    expectOk(
      await save('aStaff', task.id, {
        version: 4,
        summary: '完成改造小区 12 个，资金 3000 万元',
        targetResults: results,
        fileIds: [fileId],
      }),
    );
    expectOk(await act('aStaff', task.id, { action: 'submit', version: 5 }));
    view = expectOk(await act('aHead', task.id, { action: 'approve', version: 6 }));
    expect(view.application.status).toBe('pending_supervisor');
    expect((await currentTask(t.db, task.id)).status).toBe('closure_requested');
    expect(await notified(u.sup, task.id)).toContain('closure.pending_supervisor');

    view = expectOk(await act('sup', task.id, { action: 'return', version: 7, reason: '缺少竣工验收材料' }));
    expect(view.application.status).toBe('returned');
    expect((await currentTask(t.db, task.id)).status).toBe('returned');

    expectOk(await act('aStaff', task.id, { action: 'submit', version: 8 }));
    expectOk(await act('aHead', task.id, { action: 'approve', version: 9 }));
    expect((await currentTask(t.db, task.id)).status).toBe('closure_requested');
    expect(expectOk(await as.sup('GET', `/tasks/${task.id}/closure`)).allowedActions).toEqual(['return', 'accept']);
    view = expectOk(await act('sup', task.id, { action: 'accept', version: 10 }));
    expect(view.application).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const closed = await currentTask(t.db, task.id);
    expect(closed).toMatchObject({ status: 'closed', closed_at: expect.any(String) });
    for (const id of [u.aStaff, u.aHead, u.bStaff]) expect(await notified(id, task.id)).toContain('closure.accepted');
    expect(await notified(u.sup, task.id)).not.toContain('closure.accepted');

    expect(view.rounds.map((r: { action: string; reason: string | null }) => [r.action, r.reason])).toEqual([
      ['submit', null],
      ['return', '请补充资金使用情况'],
      ['submit', null],
      ['approve', null],
      ['return', '缺少竣工验收材料'],
      ['submit', null],
      ['approve', null],
      ['accept', null],
    ]);
    expect(view.rounds[0].actor).toEqual({ id: u.aStaff, displayName: 'c.astaff' });
    expect(view.rounds[0].snapshot).toEqual({
      summary: '完成改造小区 12 个',
      targetResults: results,
      fileIds: [fileId],
    });
    expect(view.rounds[2].snapshot.summary).toBe('完成改造小区 12 个，资金 3000 万元');
    const links = await t.db.selectFrom('evidence_links').selectAll().where('file_id', '=', fileId).execute();
    expect(links).toEqual([{ file_id: fileId, subject_type: 'closure', subject_id: app.id, locked: 1 }]);

    const detail = expectOk(await as.sup('GET', `/tasks/${task.id}`));
    const history = detail.history.map((e: { action: string }) => e.action);
    for (const action of [
      'closure.submit',
      'closure.return',
      'closure.approve',
      'request_closure',
      'return',
      'closure.accept',
      'close',
    ]) {
      expect(history).toContain(action);
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'closure')
      .where('object_id', '=', String(app.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'closure.create',
      'closure.update',
      'closure.submit',
      'closure.return',
      'closure.update',
      'closure.submit',
      'closure.approve',
      'closure.return',
      'closure.submit',
      'closure.approve',
      'closure.accept',
    ]);
  });

  it("should let a unit head's submission go straight to the supervision office, recording the implied approval", async () => {
    const task = await openTask({ title: '无计划的任务' });
    expectOk(await save('aHead', task.id, { version: 0, summary: '已完成' }));
    const view = expectOk(await act('aHead', task.id, { action: 'submit', version: 1 }));
    expect(view.application.status).toBe('pending_supervisor');
    expect(view.rounds.map((r: { action: string }) => r.action)).toEqual(['submit', 'approve']);
    expect(view.rounds.every((r: { actor: { id: number } }) => r.actor.id === u.aHead)).toBe(true);
    expect((await currentTask(t.db, task.id)).status).toBe('closure_requested');
  });

  it('should answer an action the status does not allow with 409 and the possible actions', async () => {
    const task = await openTask({ title: '非法操作' });
    expectOk(await save('aStaff', task.id, { version: 0, summary: '已完成' }));
    const before = await stateOf(task.id);
    const res = await act('sup', task.id, { action: 'accept', version: 1 });
    expectProblem(res, 409, 'closure_action_illegal');
    expect(res.json().allowed).toEqual(['submit']);
    expect(await stateOf(task.id)).toEqual(before);
  });
});

describe('key tasks', () => {
  it('should require at least one evidence file to submit', async () => {
    const task = await openTask({ title: '重点任务无佐证', isKey: true });
    expectOk(await save('aStaff', task.id, { version: 0, summary: '已完成' }));
    const before = await stateOf(task.id);
    const res = await act('aStaff', task.id, { action: 'submit', version: 1 });
    expectProblem(res, 422, 'closure_evidence_required');
    expect(res.json().field).toBe('fileIds');
    expect(await stateOf(task.id)).toEqual(before);
    expect(expectOk(await as.aStaff('GET', `/tasks/${task.id}/closure`)).evidenceRequired).toBe(true);
    const fileId = await addFile(task.id);
    expectOk(await save('aStaff', task.id, { version: 1, summary: '已完成', fileIds: [fileId] }));
    expect(expectOk(await act('aStaff', task.id, { action: 'submit', version: 2 })).application.status).toBe(
      'pending_head',
    );
  });

  describe('with leader confirmation switched on', () => {
    beforeAll(async () => {
      const { version } = expectOk(await as.admin('GET', '/settings/closure'));
      expectOk(await as.admin('PUT', '/settings/closure', { version, leaderConfirmsKeyTasks: true }));
    });
    afterAll(async () => {
      const { version } = expectOk(await as.admin('GET', '/settings/closure'));
      expectOk(await as.admin('PUT', '/settings/closure', { version, leaderConfirmsKeyTasks: false }));
    });

    async function acceptedBySupervisor(fields: TaskFieldsInput & { title: string }) {
      const task = await openTask({ isKey: true, ...fields });
      const fileId = await addFile(task.id);
      expectOk(await save('aHead', task.id, { version: 0, summary: '已完成', fileIds: [fileId] }));
      expectOk(await act('aHead', task.id, { action: 'submit', version: 1 }));
      const view = expectOk(await act('sup', task.id, { action: 'accept', version: 2 }));
      return { task, view };
    }

    it("should send the supervisor's acceptance to the responsible leader, who confirms it: closed", async () => {
      const { task, view } = await acceptedBySupervisor({
        title: '重点任务领导确认',
        responsibleLeaderId: u.cityLeader,
      });
      expect(view.application.status).toBe('pending_leader');
      expect(view.leaderConfirms).toBe(true);
      expect((await currentTask(t.db, task.id)).status).toBe('closure_requested');
      expect(await notified(u.cityLeader, task.id)).toContain('closure.pending_leader');
      expect(await notified(u.aLeader, task.id)).not.toContain('closure.pending_leader');
      const before = await stateOf(task.id);
      expectProblem(await act('aLeader', task.id, { action: 'confirm', version: 3 }), 403, 'forbidden');
      expectProblem(await act('sup', task.id, { action: 'confirm', version: 3 }), 403, 'forbidden');
      expectProblem(await act('sup', task.id, { action: 'accept', version: 3 }), 409, 'closure_action_illegal');
      expect(await stateOf(task.id)).toEqual(before);
      expect(expectOk(await as.cityLeader('GET', `/tasks/${task.id}/closure`)).allowedActions).toEqual([
        'return',
        'confirm',
      ]);
      const done = expectOk(await act('cityLeader', task.id, { action: 'confirm', version: 3 }));
      expect(done.application.status).toBe('accepted');
      expect(done.rounds.at(-1)).toMatchObject({ action: 'confirm', actor: { id: u.cityLeader } });
      expect((await currentTask(t.db, task.id)).status).toBe('closed');
      expect(await notified(u.sup, task.id)).toContain('closure.accepted');
    });

    it('should let a leader in charge of the lead unit decide when no leader is named, and return with reasons', async () => {
      const { task } = await acceptedBySupervisor({ title: '重点任务无责任领导', responsibleLeaderId: null });
      expect(await notified(u.aLeader, task.id)).toContain('closure.pending_leader');
      expect(await notified(u.cityLeader, task.id)).toContain('closure.pending_leader');
      expectProblem(await act('cLeader', task.id, { action: 'confirm', version: 3 }), 404, 'not_found');
      expectProblem(await act('aLeader', task.id, { action: 'return', version: 3 }), 422, 'reason_required');
      const view = expectOk(
        await act('aLeader', task.id, { action: 'return', version: 3, reason: '群众满意度调查未完成' }),
      );
      expect(view.application.status).toBe('returned');
      expect((await currentTask(t.db, task.id)).status).toBe('returned');
      expect(await notified(u.sup, task.id)).toContain('closure.returned');
      expect(expectOk(await as.aStaff('GET', `/tasks/${task.id}/closure`)).canEdit).toBe(true);
    });

    it('should close a task that is not key on acceptance, without a leader', async () => {
      const task = await openTask({ title: '一般任务', responsibleLeaderId: u.cityLeader });
      expectOk(await save('aHead', task.id, { version: 0, summary: '已完成' }));
      expectOk(await act('aHead', task.id, { action: 'submit', version: 1 }));
      expect(expectOk(await act('sup', task.id, { action: 'accept', version: 2 })).application.status).toBe('accepted');
      expect((await currentTask(t.db, task.id)).status).toBe('closed');
    });
  });
});

describe('parents', () => {
  it('should refuse closure while a child is open, when applying and when accepting', async () => {
    const parent = await openTask({ title: '父任务' });
    const child = await openTask({ title: '子任务', parentId: parent.id });
    expectOk(await save('aHead', parent.id, { version: 0, summary: '已完成' }));
    const before = await stateOf(parent.id);
    const refused = await as.aHead('POST', `/tasks/${parent.id}/closure/actions`, { action: 'submit', version: 1 });
    expectProblem(refused, 409, 'children_open');
    expect(refused.json().detail).toContain('1');
    expect(await stateOf(parent.id)).toEqual(before);

    await advance(t, child.id, [['request_closure', aStaffActor], 'close']);
    expectOk(await act('aHead', parent.id, { action: 'submit', version: 1 }));
    await advance(t, child.id, ['reopen']);
    const pending = await stateOf(parent.id);
    expectProblem(await act('sup', parent.id, { action: 'accept', version: 2 }), 409, 'children_open');
    expect(await stateOf(parent.id)).toEqual(pending);
    await advance(t, child.id, ['cancel']);
    expectOk(await act('sup', parent.id, { action: 'accept', version: 2 }));
    expect((await currentTask(t.db, parent.id)).status).toBe('closed');
  });
});

describe('the direct lifecycle actions', () => {
  it('should answer 409 closure_application_required to request-closure, close and return, changing nothing', async () => {
    const task = await openTask({ title: '直接申请办结' });
    const requested = await openTask({ title: '已申请办结' });
    expectOk(await save('aHead', requested.id, { version: 0, summary: '已完成' }));
    expectOk(await act('aHead', requested.id, { action: 'submit', version: 1 }));
    const current = await currentTask(t.db, requested.id);
    const cases: Array<[Who, number, string, number]> = [
      ['aStaff', task.id, 'request-closure', task.version],
      ['sup', requested.id, 'close', current.version],
      ['sup', requested.id, 'return', current.version],
    ];
    for (const [who, id, action, version] of cases) {
      const before = await stateOf(id);
      const res = await as[who]('POST', `/tasks/${id}/${action}`, { version, reason: '理由' });
      expectProblem(res, 409, 'closure_application_required');
      expect(await stateOf(id)).toEqual(before);
    }
    expectProblem(
      await as.cStaff('POST', `/tasks/${task.id}/request-closure`, { version: task.version }),
      404,
      'not_found',
    );
    const detail = expectOk(await as.aStaff('GET', `/tasks/${task.id}`));
    expect(detail.allowedActions).not.toContain('request_closure');
    expect(expectOk(await as.sup('GET', `/tasks/${requested.id}`)).allowedActions).toEqual(['cancel']);
  });
});

describe('refusals', () => {
  it('should answer a stale version with 409 and change nothing', async () => {
    const task = await openTask({ title: '版本冲突' });
    expectOk(await save('aStaff', task.id, { version: 0, summary: '初稿' }));
    expectOk(await save('aStaff', task.id, { version: 1, summary: '二稿' }));
    const before = await stateOf(task.id);
    expectProblem(await save('aStaff', task.id, { version: 1, summary: '旧稿' }), 409, 'version_conflict');
    expectProblem(await save('aStaff', task.id, { version: 0, summary: '另一份' }), 409, 'version_conflict');
    expectProblem(await act('aStaff', task.id, { action: 'submit', version: 1 }), 409, 'version_conflict');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should hide the closure of a task out of scope (404) and let only the lead unit edit', async () => {
    const task = await openTask({ title: '范围检查' });
    expectOk(await save('aStaff', task.id, { version: 0, summary: '初稿' }));
    const before = await stateOf(task.id);
    expectProblem(await as.cStaff('GET', `/tasks/${task.id}/closure`), 404, 'not_found');
    expectProblem(await save('cStaff', task.id, { version: 1, summary: '越权' }), 404, 'not_found');
    expectProblem(await act('cStaff', task.id, { action: 'submit', version: 1 }), 404, 'not_found');
    expectProblem(await as.cLeader('GET', `/tasks/${task.id}/closure`), 404, 'not_found');
    const coop = expectOk(await as.bStaff('GET', `/tasks/${task.id}/closure`));
    expect(coop).toMatchObject({ canEdit: false, allowedActions: [] });
    expectProblem(await save('bStaff', task.id, { version: 1, summary: '越权' }), 403, 'forbidden');
    expectProblem(await act('bStaff', task.id, { action: 'submit', version: 1 }), 403, 'forbidden');
    expectProblem(await save('sup', task.id, { version: 1, summary: '越权' }), 403, 'forbidden');
    expectProblem(await act('aud', task.id, { action: 'submit', version: 1 }), 403, 'forbidden');
    expect(expectOk(await as.aud('GET', `/tasks/${task.id}/closure`)).application.summary).toBe('初稿');
    expectProblem(await as.sup('GET', '/tasks/999999/closure'), 404, 'not_found');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should refuse bad input with 4xx and change nothing', async () => {
    const task = await openTask({ title: '输入检查' });
    const other = await openTask({ title: '别的任务' });
    await acceptPlan(task.id, ['t1']);
    const foreignFile = await addFile(other.id);
    const before = await stateOf(task.id);
    const cases: Array<[object, number, string]> = [
      [{ version: 0, summary: 'x', targetResults: [{ targetId: 'zz', achieved: 1 }] }, 422, 'closure_target_unknown'],
      [
        {
          version: 0,
          summary: 'x',
          targetResults: [
            { targetId: 't1', achieved: 1 },
            { targetId: 't1', achieved: 2 },
          ],
        },
        422,
        'closure_target_unknown',
      ],
      [{ version: 0, summary: 'x', fileIds: [foreignFile] }, 422, 'evidence_file_other_task'],
      [{ version: 0, summary: 'x', fileIds: [999999] }, 422, 'evidence_file_not_found'],
      [{ version: 0, summary: 'x'.repeat(20001) }, 400, 'validation_failed'],
      [{ version: 0, summary: 'x', status: 'accepted' }, 400, 'validation_failed'],
      [{ version: -1, summary: 'x' }, 400, 'validation_failed'],
      [{ version: 0, summary: 'x', targetResults: [{ targetId: 't1', achieved: '12' }] }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const res = await save('aStaff', task.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expectProblem(await act('aStaff', task.id, { action: 'close', version: 1 }), 400, 'validation_failed');
    expectProblem(await act('aStaff', task.id, { action: 'submit', version: 1 }), 404, 'not_found');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should refuse an application while the task is not being worked on', async () => {
    const task = await makeTask(t, { title: '未签收', leadUnitId: unit.a });
    await advance(t, task.id, ['assign']);
    const before = await stateOf(task.id);
    expectProblem(await save('aStaff', task.id, { version: 0, summary: '已完成' }), 409, 'closure_task_inactive');
    expect(await stateOf(task.id)).toEqual(before);
  });
});

describe('/settings/closure', () => {
  it('should show the default and let only an administrator change it, with a version check', async () => {
    const current = expectOk(await as.aStaff('GET', '/settings/closure'));
    expect(current).toEqual({ leaderConfirmsKeyTasks: false, version: expect.any(Number) });
    expectProblem(
      await as.sup('PUT', '/settings/closure', { version: current.version, leaderConfirmsKeyTasks: true }),
      403,
      'forbidden',
    );
    const changed = expectOk(
      await as.admin('PUT', '/settings/closure', { version: current.version, leaderConfirmsKeyTasks: true }),
    );
    expect(changed).toEqual({ leaderConfirmsKeyTasks: true, version: current.version + 1 });
    expectProblem(
      await as.admin('PUT', '/settings/closure', { version: current.version, leaderConfirmsKeyTasks: false }),
      409,
      'version_conflict',
    );
    expectOk(await as.admin('PUT', '/settings/closure', { version: changed.version, leaderConfirmsKeyTasks: false }));
    expect(expectOk(await as.aStaff('GET', '/settings/closure')).leaderConfirmsKeyTasks).toBe(false);
  });
});
