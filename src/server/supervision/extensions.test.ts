import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import type { SupervisionSettingsValue } from '../../shared/supervision-settings.js';
import { type Actor, systemActor } from '../auth/actor.js';
import type { TaskFieldsInput } from '../tasks/task-fields.js';
import { actorOf, advance, caller, currentTask, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { getSupervisionSettings, updateSupervisionSettings } from './supervision-settings.service.js';

// Extension requests (延期申请) through the API: filed by the lead unit before the deadline, decided
// by the supervision office and — for key tasks, when the setting asks — by the task's leader; the
// final approval moves the deadline and keeps the history (the original deadline never moves);
// every refusal leaves everything as it was.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0, c: 0 };
const u = { aStaff: 0, aHead: 0, bStaff: 0, cStaff: 0, sup: 0, aLeader: 0, cLeader: 0, namedLeader: 0 };
type Who = keyof typeof u | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let aStaffActor: Actor;
let today: string;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住房城乡建设局', unit.city)).id;
  unit.b = (await t.makeUnit('市自然资源局', unit.city)).id;
  unit.c = (await t.makeUnit('市卫生健康委', unit.city)).id;
  u.aStaff = await t.makeUser('x.astaff', ['unit_staff'], { unitId: unit.a });
  u.aHead = await t.makeUser('x.ahead', ['unit_head'], { unitId: unit.a });
  u.bStaff = await t.makeUser('x.bstaff', ['unit_staff'], { unitId: unit.b });
  u.cStaff = await t.makeUser('x.cstaff', ['unit_staff'], { unitId: unit.c });
  u.sup = await t.makeUser('x.sup', ['supervisor']);
  u.aLeader = await t.makeUser('x.aleader', ['leader'], { unitsInChargeIds: [unit.a] });
  u.cLeader = await t.makeUser('x.cleader', ['leader'], { unitsInChargeIds: [unit.c] });
  u.namedLeader = await t.makeUser('x.namedleader', ['leader'], { unitsInChargeIds: [unit.city] });
  for (const who of Object.keys(u) as Array<keyof typeof u>) {
    as[who] = caller(t, await t.login(`x.${who.toLowerCase()}`));
  }
  as.admin = caller(t, await t.login('admin'));
  aStaffActor = await actorOf(t, u.aStaff);
});
afterAll(() => t.close());

async function setSettings(changes: Partial<SupervisionSettingsValue>): Promise<void> {
  const { version, ...value } = await getSupervisionSettings(t.db);
  await updateSupervisionSettings(t.db, { version, value: { ...value, ...changes }, actor: systemActor('test') });
}

beforeEach(() =>
  setSettings({ maxExtensionsPerTask: 2, leaderApprovesKeyExtensions: true, lateExtensionRequests: true }),
);

/** A task led by unit A (B cooperating), assigned and acknowledged, due in 10 days unless told. */
async function openTask(fields: TaskFieldsInput & { parentId?: number } = {}) {
  const task = await makeTask(t, {
    title: '推进城镇老旧小区改造',
    leadUnitId: unit.a,
    cooperatingUnits: [{ unitId: unit.b }],
    deadline: addDays(today, 10),
    ...fields,
  });
  return advance(t, task.id, ['assign', ['acknowledge', aStaffActor]]);
}

function body(proposedDeadline: string, extra: object = {}) {
  return { reason: '拆迁协调未完成，需延后', progress: 60, progressNote: '已完成主体工程', proposedDeadline, ...extra };
}

function file(who: Who, taskId: number, payload: object) {
  return as[who]('POST', `/tasks/${taskId}/extensions`, payload);
}

function decide(who: Who, id: number, decision: 'approve' | 'reject' | 'withdraw', payload: object) {
  return as[who]('POST', `/extensions/${id}/${decision}`, payload);
}

function expectOk(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
  return res.json();
}

/** Files a request as A's staff and answers it (the newest request of the answer). */
async function filed(taskId: number, proposed: string) {
  const view = expectOk(await file('aStaff', taskId, body(proposed)), 201);
  return view.requests[0] as { id: number; version: number; status: string };
}

async function count(table: 'audit_log' | 'notifications' | 'task_events' | 'deadline_changes') {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything a refused request could have touched. */
async function stateOf(taskId: number) {
  return {
    task: await currentTask(t.db, taskId),
    requests: await t.db.selectFrom('extension_requests').selectAll().where('task_id', '=', taskId).execute(),
    changes: await count('deadline_changes'),
    events: await count('task_events'),
    notifications: await count('notifications'),
    audit: await count('audit_log'),
  };
}

async function notificationsOf(userId: number, kind: string) {
  return t.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

describe('requestExtension', () => {
  it('should file a request for the lead unit, put it on the timeline and tell the supervision office', async () => {
    const task = await openTask();
    const proposed = addDays(today, 30);
    const view = expectOk(await file('aStaff', task.id, body(proposed)), 201);
    expect(view).toMatchObject({
      originalDeadline: task.deadline,
      currentDeadline: task.deadline,
      approvedCount: 0,
      limit: 2,
      canRequest: false,
      cannotRequestBecause: 'pending_exists',
    });
    expect(view.requests[0]).toMatchObject({
      status: 'pending_supervisor',
      proposedDeadline: proposed,
      deadlineAtRequest: task.deadline,
      progress: 60,
      needsLeader: false,
      unit: { id: unit.a, name: '市住房城乡建设局' },
      requestedBy: { id: u.aStaff },
      allowedActions: ['withdraw'],
      steps: [{ step: 'requested', actor: { id: u.aStaff }, comment: '拆迁协调未完成，需延后' }],
    });
    const event = await t.db
      .selectFrom('task_events')
      .selectAll()
      .where('task_id', '=', task.id)
      .where('action', '=', 'extension_requested')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail ?? '{}')).toMatchObject({ proposedDeadline: proposed, deadline: task.deadline });
    const [note] = await notificationsOf(u.sup, 'extension.pending_supervisor');
    expect(JSON.parse(note?.params ?? '{}')).toEqual({ date: proposed });
    const supView = expectOk(await as.sup('GET', `/tasks/${task.id}/extensions`));
    expect(supView.requests[0].allowedActions).toEqual(['approve', 'reject']);
  });

  it('should refuse what the rules forbid and change nothing', async () => {
    const task = await openTask();
    const before = await stateOf(task.id);
    expectProblem(await file('bStaff', task.id, body(addDays(today, 30))), 403, 'forbidden');
    expectProblem(await file('sup', task.id, body(addDays(today, 30))), 403, 'forbidden');
    expectProblem(await file('cStaff', task.id, body(addDays(today, 30))), 404, 'not_found');
    const same = expectProblem(
      await file('aStaff', task.id, body(task.deadline as string)),
      422,
      'extension_date_invalid',
    );
    expect(same.detail).toContain(task.deadline);
    expectProblem(await file('aStaff', task.id, body(addDays(today, 3))), 422, 'extension_date_invalid');
    expectProblem(await file('aStaff', task.id, body(addDays(today, 30), { reason: '  ' })), 400, 'validation_failed');
    expectProblem(await file('aStaff', task.id, body(addDays(today, 30), { progress: 101 })), 400, 'validation_failed');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should accept a request after the deadline, marked as filed late, while the original deadline stays', async () => {
    const task = await openTask({ deadline: addDays(today, -1) });
    const view = expectOk(await file('aStaff', task.id, body(addDays(today, 20))), 201);
    expect(view.requests[0]).toMatchObject({ status: 'pending_supervisor', filedLate: true });
    const queue = expectOk(await as.sup('GET', '/extensions?status=pending'));
    expect(queue.items.find((item: { task: { id: number } }) => item.task.id === task.id)?.filedLate).toBe(true);
    const row = await t.db
      .selectFrom('tasks')
      .select(['deadline', 'original_deadline'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ deadline: addDays(today, -1), original_deadline: addDays(today, -1) });
  });

  it('should refuse a request after the deadline when late requests are off, naming the deadline', async () => {
    await setSettings({ lateExtensionRequests: false });
    const task = await openTask({ deadline: addDays(today, -1) });
    const before = await stateOf(task.id);
    const problem = expectProblem(
      await file('aStaff', task.id, body(addDays(today, 20))),
      422,
      'extension_after_deadline',
    );
    expect(problem.detail).toContain(addDays(today, -1));
    expect(expectOk(await as.aStaff('GET', `/tasks/${task.id}/extensions`)).cannotRequestBecause).toBe(
      'after_deadline',
    );
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should accept a request on the deadline day itself', async () => {
    const task = await openTask({ deadline: today });
    expect((await filed(task.id, addDays(today, 5))).status).toBe('pending_supervisor');
  });

  it('should refuse a request while the task is not being worked on', async () => {
    const task = await openTask();
    const suspended = await advance(t, task.id, ['suspend']);
    const before = await stateOf(task.id);
    expectProblem(await file('aStaff', suspended.id, body(addDays(today, 30))), 409, 'task_not_open');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should refuse a second request while one is pending', async () => {
    const task = await openTask();
    await filed(task.id, addDays(today, 30));
    const before = await stateOf(task.id);
    expectProblem(await file('aHead', task.id, body(addDays(today, 40))), 409, 'extension_pending_exists');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it("should refuse a date after the parent task's deadline", async () => {
    const parent = await openTask({ deadline: addDays(today, 20) });
    const child = await openTask({ parentId: parent.id, deadline: addDays(today, 10) });
    const before = await stateOf(child.id);
    const problem = expectProblem(
      await file('aStaff', child.id, body(addDays(today, 25))),
      422,
      'deadline_after_parent',
    );
    expect(problem.field).toBe('proposedDeadline');
    expect(await stateOf(child.id)).toEqual(before);
    expect((await filed(child.id, addDays(today, 20))).status).toBe('pending_supervisor');
  });
});

describe('decideExtension', () => {
  it("should move the deadline on approval and keep the original, the history and the task's version", async () => {
    const task = await openTask();
    const proposed = addDays(today, 30);
    const request = await filed(task.id, proposed);
    await t.db.deleteFrom('health_queue').execute();
    const view = expectOk(await decide('sup', request.id, 'approve', { version: request.version, comment: '同意' }));
    const after = await currentTask(t.db, task.id);
    expect(after).toMatchObject({ deadline: proposed, original_deadline: task.deadline, version: task.version + 1 });
    expect(view).toMatchObject({
      originalDeadline: task.deadline,
      currentDeadline: proposed,
      approvedCount: 1,
      canRequest: false,
      deadlineChanges: [{ from: task.deadline, to: proposed, extensionId: request.id, changedBy: { id: u.sup } }],
    });
    expect(view.requests[0]).toMatchObject({
      status: 'approved',
      decisionComment: '同意',
      supervisorDecidedBy: { id: u.sup },
      steps: [{ step: 'requested' }, { step: 'approved', comment: '同意' }],
      allowedActions: [],
    });
    expect(await t.db.selectFrom('health_queue').selectAll().where('task_id', '=', task.id).execute()).toHaveLength(1);
    const units = await t.db.selectFrom('task_units').select('deadline').where('task_id', '=', task.id).execute();
    expect(units.map((row) => row.deadline)).toEqual([proposed, proposed]);
    for (const userId of [u.aStaff, u.aHead]) {
      const [note] = await notificationsOf(userId, 'extension.approved');
      expect(note && JSON.parse(note.params)).toEqual({ date: proposed });
    }
    const event = await t.db
      .selectFrom('task_events')
      .selectAll()
      .where('task_id', '=', task.id)
      .where('action', '=', 'extension_approved')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail ?? '{}')).toMatchObject({ from: task.deadline, to: proposed });
  });

  it('should keep the whole history across extensions, up to the limit', async () => {
    const task = await openTask();
    const first = await filed(task.id, addDays(today, 20));
    expectOk(await decide('sup', first.id, 'approve', { version: first.version }));
    const second = await filed(task.id, addDays(today, 40));
    const view = expectOk(await decide('admin', second.id, 'approve', { version: second.version }));
    expect(view).toMatchObject({
      originalDeadline: task.deadline,
      currentDeadline: addDays(today, 40),
      approvedCount: 2,
    });
    expect(expectOk(await as.aStaff('GET', `/tasks/${task.id}/extensions`)).cannotRequestBecause).toBe('limit_reached');
    expect(view.deadlineChanges.map((c: { from: string; to: string }) => [c.from, c.to])).toEqual([
      [task.deadline, addDays(today, 20)],
      [addDays(today, 20), addDays(today, 40)],
    ]);
    const before = await stateOf(task.id);
    const problem = expectProblem(
      await file('aStaff', task.id, body(addDays(today, 60))),
      409,
      'extension_limit_reached',
    );
    expect(problem.detail).toContain('2');
    expect(await stateOf(task.id)).toEqual(before);
  });

  it('should allow no extension at all when the limit is 0', async () => {
    await setSettings({ maxExtensionsPerTask: 0 });
    const task = await openTask();
    expectProblem(await file('aStaff', task.id, body(addDays(today, 30))), 409, 'extension_limit_reached');
  });

  it("should send a key task's request on to its leader when the setting asks", async () => {
    const task = await openTask({ isKey: true, responsibleLeaderId: u.namedLeader });
    const proposed = addDays(today, 30);
    const request = await filed(task.id, proposed);
    const forwarded = expectOk(await decide('sup', request.id, 'approve', { version: request.version }));
    expect(forwarded.requests[0]).toMatchObject({ status: 'pending_leader', needsLeader: true, allowedActions: [] });
    expect((await currentTask(t.db, task.id)).deadline).toBe(task.deadline);
    const [note] = await notificationsOf(u.namedLeader, 'extension.pending_leader');
    expect(note && JSON.parse(note.params)).toEqual({ date: proposed });
    expect(await notificationsOf(u.aLeader, 'extension.pending_leader')).toHaveLength(0);
    const version = forwarded.requests[0].version;
    const before = await stateOf(task.id);
    expectProblem(await decide('sup', request.id, 'approve', { version }), 403, 'forbidden');
    expectProblem(await decide('admin', request.id, 'approve', { version }), 403, 'forbidden');
    expectProblem(await decide('aHead', request.id, 'approve', { version }), 403, 'forbidden');
    expectProblem(await decide('cLeader', request.id, 'approve', { version }), 404, 'not_found');
    expect(await stateOf(task.id)).toEqual(before);
    const leaderView = expectOk(await as.namedLeader('GET', `/tasks/${task.id}/extensions`));
    expect(leaderView.requests[0].allowedActions).toEqual(['approve', 'reject']);
    const approved = expectOk(await decide('namedLeader', request.id, 'approve', { version }));
    expect(approved.requests[0]).toMatchObject({
      status: 'approved',
      supervisorDecidedBy: { id: u.sup },
      leaderDecidedBy: { id: u.namedLeader },
      steps: [{ step: 'requested' }, { step: 'forwarded' }, { step: 'approved' }],
    });
    expect((await currentTask(t.db, task.id)).deadline).toBe(proposed);
    expect(await notificationsOf(u.sup, 'extension.approved')).not.toHaveLength(0);
  });

  it('should let a leader in charge of the lead unit decide when the task names no leader', async () => {
    const task = await openTask({ isKey: true });
    const request = await filed(task.id, addDays(today, 30));
    const forwarded = expectOk(await decide('sup', request.id, 'approve', { version: request.version }));
    expect(await notificationsOf(u.aLeader, 'extension.pending_leader')).not.toHaveLength(0);
    const rejected = expectOk(
      await decide('aLeader', request.id, 'reject', { version: forwarded.requests[0].version, comment: '请加快进度' }),
    );
    expect(rejected.requests[0]).toMatchObject({ status: 'rejected', decisionComment: '请加快进度' });
    expect((await currentTask(t.db, task.id)).deadline).toBe(task.deadline);
  });

  it("should skip the leader's step when the setting is off", async () => {
    await setSettings({ leaderApprovesKeyExtensions: false });
    const task = await openTask({ isKey: true });
    const request = await filed(task.id, addDays(today, 30));
    const view = expectOk(await decide('sup', request.id, 'approve', { version: request.version }));
    expect(view.requests[0]).toMatchObject({ status: 'approved', needsLeader: false });
    expect(view.currentDeadline).toBe(addDays(today, 30));
  });

  it('should reject with a comment only, tell the unit why and leave the deadline', async () => {
    const task = await openTask();
    const request = await filed(task.id, addDays(today, 30));
    const before = await stateOf(task.id);
    expectProblem(await decide('sup', request.id, 'reject', { version: request.version }), 422, 'reason_required');
    expectProblem(
      await decide('sup', request.id, 'reject', { version: request.version + 1, comment: '不同意' }),
      409,
      'version_conflict',
    );
    expectProblem(await decide('aStaff', request.id, 'approve', { version: request.version }), 403, 'forbidden');
    expectProblem(await decide('cStaff', request.id, 'approve', { version: request.version }), 404, 'not_found');
    expectProblem(await decide('sup', 999999, 'approve', { version: 1 }), 404, 'not_found');
    expect(await stateOf(task.id)).toEqual(before);
    const view = expectOk(
      await decide('sup', request.id, 'reject', { version: request.version, comment: '理由不充分' }),
    );
    expect(view).toMatchObject({ currentDeadline: task.deadline, canRequest: false, deadlineChanges: [] });
    expect(view.requests[0]).toMatchObject({
      status: 'rejected',
      steps: [{}, { step: 'rejected', comment: '理由不充分' }],
    });
    const note = (await notificationsOf(u.aHead, 'extension.rejected')).find((row) => row.task_id === task.id);
    expect(note && JSON.parse(note.params)).toEqual({ reason: '理由不充分' });
    const decided = await stateOf(task.id);
    expectProblem(
      await decide('sup', request.id, 'approve', { version: view.requests[0].version }),
      409,
      'supervision_action_illegal',
    );
    expect(await stateOf(task.id)).toEqual(decided);
    expect(expectOk(await as.aStaff('GET', `/tasks/${task.id}/extensions`)).canRequest).toBe(true);
  });

  it('should refuse to approve once the task is no longer worked on', async () => {
    const task = await openTask();
    const request = await filed(task.id, addDays(today, 30));
    await advance(t, task.id, ['suspend']);
    expectProblem(await decide('sup', request.id, 'approve', { version: request.version }), 409, 'task_not_open');
  });
});

describe('withdrawExtension', () => {
  it('should let the requesting unit withdraw a pending request, and no one else', async () => {
    const task = await openTask();
    const request = await filed(task.id, addDays(today, 30));
    const before = await stateOf(task.id);
    expectProblem(await decide('bStaff', request.id, 'withdraw', { version: request.version }), 403, 'forbidden');
    expectProblem(await decide('sup', request.id, 'withdraw', { version: request.version }), 403, 'forbidden');
    expect(await stateOf(task.id)).toEqual(before);
    const view = expectOk(await decide('aHead', request.id, 'withdraw', { version: request.version }));
    expect(view.requests[0]).toMatchObject({ status: 'withdrawn', steps: [{}, { step: 'withdrawn' }] });
    expect(view.canRequest).toBe(true);
    expectProblem(
      await decide('aHead', request.id, 'withdraw', { version: view.requests[0].version }),
      409,
      'supervision_action_illegal',
    );
  });
});

describe('getTaskExtensions', () => {
  it('should hide the task from an unrelated unit', async () => {
    const task = await openTask();
    expectProblem(await as.cStaff('GET', `/tasks/${task.id}/extensions`), 404, 'not_found');
    expectProblem(await as.cLeader('GET', `/tasks/${task.id}/extensions`), 404, 'not_found');
    expect(expectOk(await as.bStaff('GET', `/tasks/${task.id}/extensions`)).cannotRequestBecause).toBe('not_requester');
  });
});

describe('listExtensionQueue', () => {
  it('should show each party what waits for them', async () => {
    await t.db
      .updateTable('extension_requests')
      .set({ status: 'withdrawn' })
      .where('status', 'in', ['pending_supervisor', 'pending_leader'])
      .execute();
    const plain = await openTask();
    const key = await openTask({ isKey: true });
    const first = await filed(plain.id, addDays(today, 30));
    const second = await filed(key.id, addDays(today, 30));
    expectOk(await decide('sup', second.id, 'approve', { version: second.version }));
    const ids = async (who: Who, query = '') =>
      (expectOk(await as[who]('GET', `/extensions${query}`)).items as Array<{ id: number }>).map((item) => item.id);
    expect(await ids('sup')).toEqual([first.id]);
    expect(await ids('aLeader')).toEqual([second.id]);
    expect(await ids('aStaff')).toEqual([second.id, first.id]);
    expect(await ids('cStaff')).toEqual([]);
    expect(await ids('cLeader', '?status=all')).toEqual([]);
    expect(await ids('cStaff', '?status=all')).toEqual([]);
    expect((await ids('sup', '?status=all')).slice(0, 2)).toEqual([second.id, first.id]);
    const page = expectOk(await as.aStaff('GET', '/extensions?limit=1'));
    expect(page.items[0]).toMatchObject({ id: second.id, task: { id: key.id, isKey: true }, status: 'pending_leader' });
    const next = expectOk(await as.aStaff('GET', `/extensions?limit=1&cursor=${page.nextCursor}`));
    expect(next.items.map((item: { id: number }) => item.id)).toEqual([first.id]);
  });
});

describe('updateTask (deadline history)', () => {
  it("should keep an assigned task's original deadline and record the edit", async () => {
    const task = await openTask();
    const res = await as.sup('PATCH', `/tasks/${task.id}`, { version: task.version, deadline: addDays(today, 15) });
    expect(res.statusCode, res.body).toBe(200);
    expect(await currentTask(t.db, task.id)).toMatchObject({
      deadline: addDays(today, 15),
      original_deadline: task.deadline,
    });
    const view = expectOk(await as.aStaff('GET', `/tasks/${task.id}/extensions`));
    expect(view.deadlineChanges).toMatchObject([
      { from: task.deadline, to: addDays(today, 15), extensionId: null, changedBy: { id: u.sup } },
    ]);
  });

  it("should let a draft's original deadline follow its deadline", async () => {
    const draft = await makeTask(t, { leadUnitId: unit.a, deadline: addDays(today, 10) });
    const res = await as.sup('PATCH', `/tasks/${draft.id}`, { version: draft.version, deadline: addDays(today, 12) });
    expect(res.statusCode, res.body).toBe(200);
    expect(await currentTask(t.db, draft.id)).toMatchObject({
      deadline: addDays(today, 12),
      original_deadline: addDays(today, 12),
    });
    expect(await t.db.selectFrom('deadline_changes').selectAll().where('task_id', '=', draft.id).execute()).toEqual([]);
  });
});
