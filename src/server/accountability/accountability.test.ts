import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, advance, caller, idsOf, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Accountability records (问责) over HTTP on both databases: strict visibility (the subject, its
// leaders, supervisors and auditors; nobody else, administrators included — 404, absent from
// lists), every read in the audit trail, the state machine and its refusals, version checks.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0 };
const u = { sup: 0, aud: 0, aHead: 0, aStaff: 0, bStaff: 0, bPerson: 0, leaderCity: 0, leaderB: 0 };
type Call = ReturnType<typeof caller>;
const as: Record<keyof typeof u | 'admin', Call> = {} as never;
const task = { a: 0, b: 0 };
const event = { a: 0, b: 0 };

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市交通运输局', unit.city)).id;
  unit.b = (await t.makeUnit('市住房和城乡建设局', unit.city)).id;
  const people: Record<
    keyof typeof u,
    [string, Parameters<TestApp['makeUser']>[1], Parameters<TestApp['makeUser']>[2]]
  > = {
    sup: ['q.sup', ['supervisor'], {}],
    aud: ['q.aud', ['auditor'], {}],
    aHead: ['q.ahead', ['unit_head'], { unitId: unit.a }],
    aStaff: ['q.astaff', ['unit_staff'], { unitId: unit.a }],
    bStaff: ['q.bstaff', ['unit_staff'], { unitId: unit.b }],
    bPerson: ['q.bperson', ['unit_staff'], { unitId: unit.b }],
    leaderCity: ['q.lcity', ['leader'], { unitsInChargeIds: [unit.city] }],
    leaderB: ['q.lb', ['leader'], { unitsInChargeIds: [unit.b] }],
  };
  for (const [key, [username, roles, extra]] of Object.entries(people) as Array<
    [keyof typeof u, (typeof people)['sup']]
  >) {
    u[key] = await t.makeUser(username, roles, extra);
    as[key] = caller(t, await t.login(username));
  }
  as.admin = caller(t, await t.login('admin'));
  const aStaff = await actorOf(t, u.aStaff);
  const bStaff = await actorOf(t, u.bStaff);
  task.a = (
    await advance(t, (await makeTask(t, { title: '甲任务', leadUnitId: unit.a })).id, [
      'assign',
      ['acknowledge', aStaff],
    ])
  ).id;
  task.b = (
    await advance(t, (await makeTask(t, { title: '乙任务', leadUnitId: unit.b })).id, [
      'assign',
      ['acknowledge', bStaff],
    ])
  ).id;
  const firstEvent = (taskId: number) =>
    t.db.selectFrom('task_events').select('id').where('task_id', '=', taskId).orderBy('id').executeTakeFirstOrThrow();
  event.a = (await firstEvent(task.a)).id;
  event.b = (await firstEvent(task.b)).id;
});
afterAll(() => t.close());

/** A record opened by the supervisor; `open` also asks for a statement (status open). */
async function makeRecord(body: Record<string, unknown> = {}, open = false) {
  const res = await as.sup('POST', '/accountability', {
    type: 'ineffective',
    subjectUnitId: unit.a,
    taskIds: [task.a],
    evidence: [{ refType: 'event', refId: event.a, note: '交办记录' }],
    proposal: '逾期未完成，建议问责。',
    ...(open ? { statementDue: '2099-12-31' } : {}),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function readsOf(recordId: number, actorId: number) {
  return t.db
    .selectFrom('audit_log')
    .select(['detail'])
    .where('action', '=', 'accountability.read')
    .where('object_type', '=', 'accountability')
    .where('object_id', '=', String(recordId))
    .where('actor_user_id', '=', actorId)
    .execute();
}

describe('POST /accountability', () => {
  it('should open a numbered, proposed record with its task and evidence', async () => {
    const record = await makeRecord();
    expect(record).toMatchObject({ status: 'proposed', type: 'ineffective', subjectUnit: { id: unit.a } });
    expect(record.number).toMatch(/^问〔\d{4}〕\d+号$/);
    expect(record.tasks.map((x: { id: number }) => x.id)).toEqual([task.a]);
    expect(record.evidence).toMatchObject([{ refType: 'event', refId: event.a, taskId: task.a, note: '交办记录' }]);
    expect(record.allowedActions).toEqual(['open', 'dismiss', 'evidence']);
  });

  it('should answer 422 accountability_subject_required without a unit or a person', async () => {
    const res = await as.sup('POST', '/accountability', { type: 'other', proposal: '无对象', subjectUnitId: null });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('accountability_subject_required');
  });

  it('should refuse unknown tasks and evidence off the linked tasks', async () => {
    const base = { type: 'inaction', subjectUnitId: unit.a, proposal: '不作为' };
    const unknown = await as.sup('POST', '/accountability', { ...base, taskIds: [task.a, 999999] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('taskIds.1');
    const offTask = await as.sup('POST', '/accountability', {
      ...base,
      taskIds: [task.a],
      evidence: [{ refType: 'event', refId: event.b }],
    });
    expect(offTask.statusCode).toBe(400);
    expect(offTask.json().field).toBe('evidence.0.refId');
  });

  it('should leave opening to supervisors: auditors and administrators get 403', async () => {
    for (const who of [as.aud, as.admin, as.aStaff]) {
      const res = await who('POST', '/accountability', { type: 'other', subjectUnitId: unit.a, proposal: '越权' });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('visibility', () => {
  it("should hide a unit's record from another unit's staff (404, not listed) and show it to its own", async () => {
    const record = await makeRecord();
    const hidden = await as.bStaff('GET', `/accountability/${record.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('not_found');
    expect(idsOf(await as.bStaff('GET', '/accountability'))).not.toContain(record.id);
    expect((await as.aStaff('GET', `/accountability/${record.id}`)).statusCode).toBe(200);
    expect(idsOf(await as.aStaff('GET', '/accountability'))).toContain(record.id);
  });

  it('should write every read, of the record and in a list, to the audit trail with actor and record', async () => {
    const record = await makeRecord();
    expect(await readsOf(record.id, u.aStaff)).toEqual([]);
    await as.aStaff('GET', `/accountability/${record.id}`);
    await as.aStaff('GET', `/accountability/${record.id}`);
    await as.aStaff('GET', '/accountability');
    const reads = (await readsOf(record.id, u.aStaff)).map((r) => JSON.parse(r.detail).via);
    expect(reads).toEqual(['record', 'record', 'list']);
    await as.aud('GET', `/accountability/${record.id}`);
    expect(await readsOf(record.id, u.aud)).toHaveLength(1);
    // A refused read is no read: nothing is logged for the other unit's staff.
    await as.bStaff('GET', `/accountability/${record.id}`);
    expect(await readsOf(record.id, u.bStaff)).toEqual([]);
  });

  it('should show leaders only the records of units in their charge', async () => {
    const recordA = await makeRecord();
    const recordB = await makeRecord({ subjectUnitId: unit.b, taskIds: [task.b], evidence: [] });
    expect((await as.leaderCity('GET', `/accountability/${recordA.id}`)).statusCode).toBe(200);
    expect((await as.leaderCity('GET', `/accountability/${recordB.id}`)).statusCode).toBe(200);
    expect((await as.leaderB('GET', `/accountability/${recordA.id}`)).statusCode).toBe(404);
    expect((await as.leaderB('GET', `/accountability/${recordB.id}`)).statusCode).toBe(200);
    const listed = idsOf(await as.leaderB('GET', '/accountability?limit=200'));
    expect(listed).toContain(recordB.id);
    expect(listed).not.toContain(recordA.id);
  });

  it('should show a person subject the record, and not their unit colleagues', async () => {
    const record = await makeRecord({ subjectUnitId: null, subjectUserId: u.bPerson, taskIds: [], evidence: [] });
    expect((await as.bPerson('GET', `/accountability/${record.id}`)).statusCode).toBe(200);
    expect((await as.bStaff('GET', `/accountability/${record.id}`)).statusCode).toBe(404);
    expect((await as.leaderB('GET', `/accountability/${record.id}`)).statusCode).toBe(200);
    expect(idsOf(await as.bPerson('GET', '/accountability'))).toContain(record.id);
  });

  it('should let auditors read everything and write nothing', async () => {
    const record = await makeRecord({}, true);
    expect((await as.aud('GET', `/accountability/${record.id}`)).statusCode).toBe(200);
    expect(idsOf(await as.aud('GET', '/accountability?limit=200'))).toContain(record.id);
    const body = { version: record.version };
    expect(
      (await as.aud('POST', `/accountability/${record.id}/decide`, { ...body, decision: 'talk' })).statusCode,
    ).toBe(403);
    expect(
      (await as.aud('POST', `/accountability/${record.id}/statement`, { ...body, statement: '说明' })).statusCode,
    ).toBe(403);
    expect((await as.aud('POST', `/accountability/${record.id}/dismiss`, { ...body, reason: '撤销' })).statusCode).toBe(
      403,
    );
  });

  it('should answer an administrator who is nothing else 404, and list nothing', async () => {
    const record = await makeRecord();
    expect((await as.admin('GET', `/accountability/${record.id}`)).statusCode).toBe(404);
    expect(idsOf(await as.admin('GET', '/accountability'))).toEqual([]);
  });
});

describe('the state machine', () => {
  it('should run open → statement by the subject → decision, telling each side', async () => {
    const record = await makeRecord();
    const opened = await as.sup('POST', `/accountability/${record.id}/open`, {
      statementDue: '2099-06-30',
      version: record.version,
    });
    expect(opened.json()).toMatchObject({ status: 'open', statementDue: '2099-06-30' });
    const own = (await as.aStaff('GET', `/accountability/${record.id}`)).json();
    expect(own.allowedActions).toEqual(['statement']);
    const answered = await as.aStaff('POST', `/accountability/${record.id}/statement`, {
      statement: '因征地手续未完成导致延误，已整改。',
      version: own.version,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'responded', statementBy: { id: u.aStaff } });
    const decided = await as.sup('POST', `/accountability/${record.id}/decide`, {
      decision: 'written_review',
      note: '责令书面检查',
      version: answered.json().version,
    });
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'written_review', decidedBy: { id: u.sup } });
    const kinds = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('subject_type', '=', 'accountability')
      .where('subject_id', '=', record.id)
      .execute();
    expect(kinds).toEqual(
      expect.arrayContaining([
        { user_id: u.aHead, kind: 'accountability.opened' },
        { user_id: u.sup, kind: 'accountability.statement' },
        { user_id: u.aHead, kind: 'accountability.decided' },
      ]),
    );
    const writes = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'accountability')
      .where('object_id', '=', String(record.id))
      .where('action', '!=', 'accountability.read')
      .orderBy('id')
      .execute();
    expect(writes.map((w) => w.action)).toEqual([
      'accountability.create',
      'accountability.open',
      'accountability.statement',
      'accountability.decide',
    ]);
    expect(decided.json().history.map((h: { action: string }) => h.action)).toHaveLength(4);
  });

  it('should refuse steps the status does not allow with 409 accountability_action_illegal', async () => {
    const record = await makeRecord();
    const early = await as.sup('POST', `/accountability/${record.id}/decide`, { decision: 'talk', version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'accountability_action_illegal' });
    expect(early.json().detail).toContain('proposed');
    const statement = await as.aStaff('POST', `/accountability/${record.id}/statement`, {
      statement: '说明',
      version: 1,
    });
    expect(statement.json().code).toBe('accountability_action_illegal');
    const dismissed = await as.sup('POST', `/accountability/${record.id}/dismiss`, { reason: '证据不足', version: 1 });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', decision: null, decisionNote: '证据不足' });
    const again = await as.sup('POST', `/accountability/${record.id}/open`, { statementDue: '2099-01-01', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('accountability_action_illegal');
  });

  it('should let the subject answer once, and others not at all', async () => {
    const record = await makeRecord({}, true);
    expect(
      (await as.sup('POST', `/accountability/${record.id}/statement`, { statement: '代答', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await as.bStaff('POST', `/accountability/${record.id}/statement`, { statement: '代答', version: 1 })).statusCode,
    ).toBe(404);
    const first = await as.aHead('POST', `/accountability/${record.id}/statement`, {
      statement: '情况说明',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    const second = await as.aStaff('POST', `/accountability/${record.id}/statement`, {
      statement: '再说明',
      version: 2,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('accountability_action_illegal');
  });

  it('should decide an open record only once the statement is overdue', async () => {
    const record = await makeRecord({}, true);
    const waiting = await as.sup('POST', `/accountability/${record.id}/decide`, { decision: 'none', version: 1 });
    expect(waiting.json().code).toBe('accountability_action_illegal');
    await t.db
      .updateTable('accountability_records')
      .set({ statement_due: '2020-01-01' })
      .where('id', '=', record.id)
      .execute();
    const decided = await as.sup('POST', `/accountability/${record.id}/decide`, { decision: 'none', version: 1 });
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'none' });
  });

  it('should answer 409 version_conflict to a stale version', async () => {
    const record = await makeRecord();
    await as.sup('POST', `/accountability/${record.id}/evidence`, {
      items: [{ refType: 'event', refId: event.a }],
      version: 1,
    });
    const stale = await as.sup('POST', `/accountability/${record.id}/open`, { statementDue: '2099-01-01', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });
});

describe('GET /accountability/evidence-candidates', () => {
  it("should offer the task's timeline events to supervisors only", async () => {
    const res = await as.sup('GET', `/accountability/evidence-candidates?taskId=${task.a}`);
    expect(res.json().items).toContainEqual(
      expect.objectContaining({ refType: 'event', refId: event.a, taskId: task.a }),
    );
    expect((await as.aud('GET', `/accountability/evidence-candidates?taskId=${task.a}`)).statusCode).toBe(403);
  });
});
