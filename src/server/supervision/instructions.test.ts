import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import type { Actor } from '../auth/actor.js';
import type { TaskFieldsInput } from '../tasks/task-fields.js';
import { actorOf, advance, caller, currentTask, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { listUnansweredInstructions } from './instructions.repository.js';

// Leader instructions (批示) through the API: a leader writes one on the tasks under them, each
// lead unit reports once by a date, the lists show each party theirs with an overdue flag, and
// the ladder reads the unanswered ones; every refusal leaves everything as it was.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0, c: 0 };
const u = { aStaff: 0, aHead: 0, bStaff: 0, cStaff: 0, sup: 0, aLeader: 0, cLeader: 0 };
type Who = keyof typeof u | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let aStaffActor: Actor;
let bStaffActor: Actor;
let cStaffActor: Actor;
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
  unit.a = (await t.makeUnit('市交通运输局', unit.city)).id;
  unit.b = (await t.makeUnit('市生态环境局', unit.city)).id;
  unit.c = (await t.makeUnit('市教育局', unit.city)).id;
  u.aStaff = await t.makeUser('i.astaff', ['unit_staff'], { unitId: unit.a });
  u.aHead = await t.makeUser('i.ahead', ['unit_head'], { unitId: unit.a });
  u.bStaff = await t.makeUser('i.bstaff', ['unit_staff'], { unitId: unit.b });
  u.cStaff = await t.makeUser('i.cstaff', ['unit_staff'], { unitId: unit.c });
  u.sup = await t.makeUser('i.sup', ['supervisor']);
  u.aLeader = await t.makeUser('i.aleader', ['leader'], { unitsInChargeIds: [unit.a, unit.b] });
  u.cLeader = await t.makeUser('i.cleader', ['leader'], { unitsInChargeIds: [unit.c] });
  for (const who of Object.keys(u) as Array<keyof typeof u>) {
    as[who] = caller(t, await t.login(`i.${who.toLowerCase()}`));
  }
  as.admin = caller(t, await t.login('admin'));
  aStaffActor = await actorOf(t, u.aStaff);
  bStaffActor = await actorOf(t, u.bStaff);
  cStaffActor = await actorOf(t, u.cStaff);
});
afterAll(() => t.close());

/** An acknowledged task led by unit A, or by the unit told. */
async function openTask(fields: TaskFieldsInput = {}) {
  const task = await makeTask(t, {
    title: '治理城区交通拥堵',
    leadUnitId: unit.a,
    deadline: addDays(today, 60),
    ...fields,
  });
  const acknowledger =
    fields.leadUnitId === unit.b ? bStaffActor : fields.leadUnitId === unit.c ? cStaffActor : aStaffActor;
  return advance(t, task.id, ['assign', ['acknowledge', acknowledger]]);
}

function issue(who: Who, payload: object) {
  return as[who]('POST', '/instructions', payload);
}

function respond(who: Who, instructionId: number, taskId: number, response: string) {
  return as[who]('POST', `/instructions/${instructionId}/tasks/${taskId}/respond`, { response });
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

async function count(table: 'audit_log' | 'notifications' | 'task_events' | 'instructions' | 'instruction_targets') {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything a refused call could have touched. */
async function state() {
  return {
    instructions: await count('instructions'),
    targets: await t.db
      .selectFrom('instruction_targets')
      .selectAll()
      .orderBy('instruction_id')
      .orderBy('task_id')
      .execute(),
    events: await count('task_events'),
    notifications: await count('notifications'),
    audit: await count('audit_log'),
  };
}

const LONG_BODY =
  '请市交通运输局牵头，会同有关部门认真研究城区交通拥堵治理方案，抓紧推进重点路段改造，确保年底前取得明显成效，并及时报告进展情况。';

describe('issueInstruction', () => {
  it('should write one instruction on several tasks, each addressed to its lead unit', async () => {
    const first = await openTask();
    const second = await openTask({ leadUnitId: unit.b });
    const respondBy = addDays(today, 7);
    const issued = expectOk(
      await issue('aLeader', { taskIds: [first.id, second.id], body: LONG_BODY, respondBy }),
      201,
    );
    expect(issued.taskIds).toEqual([first.id, second.id]);
    const targets = await t.db
      .selectFrom('instruction_targets')
      .selectAll()
      .where('instruction_id', '=', issued.id)
      .orderBy('task_id')
      .execute();
    expect(targets.map((row) => [row.task_id, row.unit_id, row.response])).toEqual([
      [first.id, unit.a, null],
      [second.id, unit.b, null],
    ]);
    const event = await t.db
      .selectFrom('task_events')
      .selectAll()
      .where('task_id', '=', second.id)
      .where('action', '=', 'instruction_issued')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail ?? '{}')).toMatchObject({ instructionId: issued.id, respondBy });
    const notes = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'instruction.issued')
      .where('subject_id', '=', issued.id)
      .orderBy('user_id')
      .execute();
    expect(notes.map((note) => [note.user_id, note.task_id])).toEqual([
      [u.aStaff, first.id],
      [u.aHead, first.id],
      [u.bStaff, second.id],
    ]);
    const params = JSON.parse(notes[0]?.params ?? '{}');
    expect(params.dueDate).toBe(respondBy);
    expect([...params.body]).toHaveLength(60);
    expect(params.body.endsWith('…')).toBe(true);
    const view = expectOk(await as.aStaff('GET', `/tasks/${first.id}/instructions`));
    expect(view.canIssue).toBe(false);
    expect(view.items).toMatchObject([
      {
        instructionId: issued.id,
        leader: { id: u.aLeader },
        body: LONG_BODY,
        respondBy,
        taskCount: 2,
        unit: { id: unit.a, name: '市交通运输局' },
        overdue: false,
        canRespond: true,
        response: null,
      },
    ]);
    expect(expectOk(await as.aLeader('GET', `/tasks/${first.id}/instructions`)).canIssue).toBe(true);
  });

  it('should refuse what the rules forbid and change nothing', async () => {
    const mine = await openTask();
    const other = await openTask({ leadUnitId: unit.c });
    const closed = await advance(t, (await openTask()).id, ['cancel']);
    const before = await state();
    const valid = { body: '请抓紧办理', respondBy: addDays(today, 3) };
    const outside = expectProblem(await issue('aLeader', { ...valid, taskIds: [mine.id, other.id] }), 404, 'not_found');
    expect(outside.field).toBe('taskIds.1');
    expectProblem(await issue('aLeader', { ...valid, taskIds: [closed.id] }), 409, 'task_not_open');
    const past = expectProblem(
      await issue('aLeader', { ...valid, respondBy: addDays(today, -1), taskIds: [mine.id] }),
      422,
      'date_in_past',
    );
    expect(past.field).toBe('respondBy');
    expectProblem(await issue('sup', { ...valid, taskIds: [mine.id] }), 403, 'forbidden');
    expectProblem(await issue('aStaff', { ...valid, taskIds: [mine.id] }), 403, 'forbidden');
    expectProblem(await issue('aLeader', { ...valid, taskIds: [] }), 400, 'validation_failed');
    expectProblem(await issue('aLeader', { ...valid, body: ' ', taskIds: [mine.id] }), 400, 'validation_failed');
    expect(await state()).toEqual(before);
    expect(expectOk(await issue('admin', { ...valid, respondBy: today, taskIds: [other.id] }), 201).taskIds).toEqual([
      other.id,
    ]);
  });
});

describe('respondToInstruction', () => {
  it('should take the lead unit’s response once, record it and tell the leader', async () => {
    const task = await openTask();
    const issued = expectOk(await issue('aLeader', { taskIds: [task.id], body: '请报告进展', respondBy: today }), 201);
    const before = await state();
    expectProblem(await respond('cStaff', issued.id, task.id, '越权'), 404, 'not_found');
    expectProblem(await respond('sup', issued.id, task.id, '越权'), 403, 'forbidden');
    expectProblem(await respond('aStaff', issued.id + 1000, task.id, '无此批示'), 404, 'not_found');
    expect(await state()).toEqual(before);
    const view = expectOk(await respond('aHead', issued.id, task.id, '已完成重点路段改造方案，正在施工。'));
    expect(view.items[0]).toMatchObject({
      response: '已完成重点路段改造方案，正在施工。',
      respondedBy: { id: u.aHead },
      canRespond: false,
      overdue: false,
    });
    const [note] = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'instruction.answered')
      .where('subject_id', '=', issued.id)
      .execute();
    expect(note).toMatchObject({ user_id: u.aLeader, task_id: task.id });
    const answered = await state();
    expectProblem(await respond('aStaff', issued.id, task.id, '再答一次'), 409, 'supervision_action_illegal');
    expect(await state()).toEqual(answered);
    expect((await currentTask(t.db, task.id)).status).toBe('in_progress');
  });
});

describe('listInstructions', () => {
  it('should give each party its box, flag overdue ones and feed the ladder', async () => {
    const task = await openTask();
    const other = await openTask({ leadUnitId: unit.c });
    const late = expectOk(await issue('aLeader', { taskIds: [task.id], body: '限期报告', respondBy: today }), 201);
    await t.db
      .updateTable('instructions')
      .set({ respond_by: addDays(today, -2) })
      .where('id', '=', late.id)
      .execute();
    const fresh = expectOk(
      await issue('cLeader', { taskIds: [other.id], body: '请研究', respondBy: addDays(today, 5) }),
      201,
    );
    const keys = async (who: Who, box: string) =>
      (
        expectOk(await as[who]('GET', `/instructions?box=${box}&limit=200`)).items as Array<{
          instructionId: number;
          task: { id: number };
          overdue: boolean;
        }>
      ).map((item) => `${item.instructionId}:${item.task.id}:${item.overdue ? 'late' : 'ok'}`);
    expect(await keys('aLeader', 'unanswered')).toContain(`${late.id}:${task.id}:late`);
    expect(await keys('aLeader', 'mine')).not.toContain(`${fresh.id}:${other.id}:ok`);
    expect(await keys('cLeader', 'mine')).toEqual([`${fresh.id}:${other.id}:ok`]);
    expect(await keys('cStaff', 'unanswered')).toContain(`${fresh.id}:${other.id}:ok`);
    expect(await keys('cStaff', 'unanswered')).not.toContain(`${late.id}:${task.id}:late`);
    expect(await keys('aStaff', 'all')).not.toContain(`${fresh.id}:${other.id}:ok`);
    expect(await keys('sup', 'unanswered')).toEqual(
      expect.arrayContaining([`${fresh.id}:${other.id}:ok`, `${late.id}:${task.id}:late`]),
    );
    const page = expectOk(await as.sup('GET', '/instructions?box=all&limit=1'));
    const next = expectOk(await as.sup('GET', `/instructions?box=all&limit=1&cursor=${page.nextCursor}`));
    expect(next.items[0].instructionId).toBeLessThanOrEqual(page.items[0].instructionId);
    expect(`${next.items[0].instructionId}:${next.items[0].task.id}`).not.toBe(
      `${page.items[0].instructionId}:${page.items[0].task.id}`,
    );
    const unanswered = await listUnansweredInstructions(t.db, [task.id, other.id, 999999]);
    expect(unanswered.get(task.id)).toContainEqual({ id: String(late.id), dueDate: addDays(today, -2) });
    expect(unanswered.get(other.id)).toEqual([{ id: String(fresh.id), dueDate: addDays(today, 5) }]);
    expect(unanswered.has(999999)).toBe(false);
    expectOk(await respond('cStaff', fresh.id, other.id, '已研究'));
    expect((await listUnansweredInstructions(t.db, [other.id])).has(other.id)).toBe(false);
    expect(await keys('cStaff', 'unanswered')).not.toContain(`${fresh.id}:${other.id}:ok`);
    expect(await keys('cStaff', 'mine')).toContain(`${fresh.id}:${other.id}:ok`);
  });
});
