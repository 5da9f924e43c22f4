import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import type { CoordinationRequestView, TaskCoordinationView } from '../../shared/coordination-api.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { escalateOverdueCoordination } from './coordination-escalation.js';

// Coordination requests (需协调事项) through the API on a real database: bounces along a chain,
// escalation to the lowest common leader (deepest first, walking up past units nobody is in charge
// of), the overdue sweep exactly once on concurrent runs, late commitments, and refusals that change
// nothing. The tree: city (leader L-city) → district 1 (leader L-d1: A, B), district 2 (no leader: C, D, E).

let t: TestApp;
const unit = { city: 0, d1: 0, d2: 0, a: 0, b: 0, c: 0, d: 0, e: 0 };
const u = {
  aStaff: 0,
  aHead: 0,
  bStaff: 0,
  bHead: 0,
  cStaff: 0,
  cHead: 0,
  dStaff: 0,
  dHead: 0,
  eStaff: 0,
  sup: 0,
  lCity: 0,
  lD1: 0,
};
type Who = keyof typeof u;
const as = {} as Record<Who, ReturnType<typeof caller>>;
let today = '';

function plusDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.d1 = (await t.makeUnit('经济片区', unit.city)).id;
  unit.d2 = (await t.makeUnit('社会片区', unit.city)).id;
  unit.a = (await t.makeUnit('市发展改革委', unit.d1)).id;
  unit.b = (await t.makeUnit('市工业和信息化局', unit.d1)).id;
  unit.c = (await t.makeUnit('市教育局', unit.d2)).id;
  unit.d = (await t.makeUnit('市卫生健康委', unit.d2)).id;
  unit.e = (await t.makeUnit('市民政局', unit.d2)).id;
  const member = (letter: 'a' | 'b' | 'c' | 'd' | 'e', role: 'unit_staff' | 'unit_head', name: string) =>
    t.makeUser(name, [role], { unitId: unit[letter] });
  u.aStaff = await member('a', 'unit_staff', 'k.astaff');
  u.aHead = await member('a', 'unit_head', 'k.ahead');
  u.bStaff = await member('b', 'unit_staff', 'k.bstaff');
  u.bHead = await member('b', 'unit_head', 'k.bhead');
  u.cStaff = await member('c', 'unit_staff', 'k.cstaff');
  u.cHead = await member('c', 'unit_head', 'k.chead');
  u.dStaff = await member('d', 'unit_staff', 'k.dstaff');
  u.dHead = await member('d', 'unit_head', 'k.dhead');
  u.eStaff = await member('e', 'unit_staff', 'k.estaff');
  u.sup = await t.makeUser('k.sup', ['supervisor']);
  u.lCity = await t.makeUser('k.lcity', ['leader'], { unitsInChargeIds: [unit.city] });
  u.lD1 = await t.makeUser('k.ld1', ['leader'], { unitsInChargeIds: [unit.d1] });
  for (const who of Object.keys(u) as Who[]) as[who] = caller(t, await t.login(`k.${who.toLowerCase()}`));
});
afterAll(() => t.close());

/** A task led by `lead`, assigned and acknowledged: in progress. */
async function openTask(lead: number, title = '推进数字经济项目落地', acknowledger: Who = 'aStaff') {
  const task = await makeTask(t, { title, leadUnitId: lead });
  return advance(t, task.id, ['assign', ['acknowledge', await actorOf(t, u[acknowledger])]]);
}

function expectOk<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
}

function ask(who: Who, taskId: number, body: object) {
  return as[who]('POST', `/tasks/${taskId}/coordination`, body);
}

function act(who: Who, id: number, step: string, body: object) {
  return as[who]('POST', `/coordination/${id}/${step}`, body);
}

function chainsOf(who: Who, taskId: number) {
  return as[who]('GET', `/tasks/${taskId}/coordination`);
}

async function eventsOf(taskId: number, action: string) {
  return t.db
    .selectFrom('task_events')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('action', '=', action)
    .execute();
}

async function notificationsOf(userId: number, kind: string, taskId?: number) {
  let query = t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', kind);
  if (taskId !== undefined) query = query.where('task_id', '=', taskId);
  return query.execute();
}

/** Everything a refused coordination call could have touched. */
async function snapshot() {
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
    requests: await t.db.selectFrom('coordination_requests').selectAll().orderBy('id').execute(),
    audit: await count('audit_log'),
    notifications: await count('notifications'),
    events: await count('task_events'),
  };
}

describe('coordination chains', () => {
  it('should escalate a request declined then passed on to the deepest common leader', async () => {
    const task = await openTask(unit.a);
    const first = expectOk<CoordinationRequestView>(
      await ask('aStaff', task.id, { toUnitId: unit.c, matter: '请协调项目用地指标', dueDate: plusDays(today, 5) }),
      201,
    );
    expect(first).toMatchObject({ status: 'open', bounceCount: 0, fromUnit: { id: unit.a }, toUnit: { id: unit.c } });
    const requested = await notificationsOf(u.cHead, 'coordination.requested');
    expect(requested).toHaveLength(1);
    expect(JSON.parse(requested[0]?.params ?? '{}')).toMatchObject({
      unit: '市发展改革委',
      dueDate: plusDays(today, 5),
    });

    // C is not on the task, yet sees the chain it is asked in; an unrelated unit does not.
    const seenByC = expectOk<TaskCoordinationView>(await chainsOf('cStaff', task.id));
    expect(seenByC.chains).toHaveLength(1);
    expect(seenByC.chains[0]?.requests[0]).toMatchObject({
      taskVisible: false,
      allowedActions: ['accept', 'decline', 'pass_on'],
    });
    expect(seenByC.canRequest).toBe(false);
    expect(first).toMatchObject({ taskVisible: true, allowedActions: ['withdraw'] });
    expectProblem(await chainsOf('eStaff', task.id), 404, 'not_found');

    const declined = expectOk<CoordinationRequestView>(
      await act('cHead', first.id, 'decline', { reason: '不属于本单位职责', version: first.version }),
    );
    expect(declined).toMatchObject({ status: 'declined', bounceCount: 1, allowedActions: [] });
    expect(await notificationsOf(u.aStaff, 'coordination.declined')).toHaveLength(1);

    expectOk(await act('aStaff', first.id, 'resend', { toUnitId: unit.b, dueDate: plusDays(today, 3), version: 2 }));
    const afterResend = expectOk<TaskCoordinationView>(await chainsOf('aStaff', task.id));
    const resent = afterResend.chains[0]?.requests[1];
    expect(resent).toMatchObject({ status: 'open', bounceCount: 1, toUnit: { id: unit.b }, previousId: first.id });

    expectOk(
      await act('bStaff', resent?.id ?? 0, 'pass-on', { toUnitId: unit.d, reason: '应由卫健委牵头', version: 1 }),
    );
    const chain = expectOk<TaskCoordinationView>(await chainsOf('aStaff', task.id)).chains[0];
    expect(chain?.bounceCount).toBe(2);
    expect(chain?.requests.map((request) => request.status)).toEqual(['declined', 'passed_on', 'escalated']);
    const escalated = chain?.requests[2];
    // A and B are both under district 1: its leader, not the city's, is the lowest common leader.
    expect(escalated).toMatchObject({
      bounceCount: 2,
      toUnit: { id: unit.d },
      escalatedTo: { id: u.lD1 },
      awaitsDecision: true,
    });
    expect(chain?.history.map((step) => step.step)).toEqual([
      'requested',
      'declined',
      'resent',
      'passed_on',
      'escalated',
    ]);
    const notice = await notificationsOf(u.lD1, 'coordination.escalated');
    expect(notice).toHaveLength(1);
    expect(JSON.parse(notice[0]?.params ?? '{}')).toMatchObject({ bounces: 2, matter: '请协调项目用地指标' });
    expect(await notificationsOf(u.sup, 'coordination.escalated')).toHaveLength(1);
    expect(await notificationsOf(u.lCity, 'coordination.escalated')).toHaveLength(0);
    // D was passed the buck at the limit: it was never asked, so it is not notified of a request.
    expect(await notificationsOf(u.dHead, 'coordination.requested')).toHaveLength(0);

    const ids = (res: LightMyRequestResponse) =>
      (res.json() as { items: Array<{ id: number }> }).items.map((i) => i.id);
    expect(ids(await as.lD1('GET', '/coordination?box=escalated'))).toEqual([escalated?.id]);
    expect(ids(await as.lCity('GET', '/coordination?box=escalated'))).toEqual([]);
    expect(ids(await as.sup('GET', '/coordination?box=escalated'))).toContain(escalated?.id);
    expect(ids(await as.eStaff('GET', '/coordination?box=all'))).toEqual([]);

    const stats = expectOk<{
      items: Array<{ unit: { id: number }; declined: number; passedOn: number; received: number }>;
    }>(await as.sup('GET', '/coordination/stats')).items;
    expect(stats.find((row) => row.unit.id === unit.c)).toMatchObject({ received: 1, declined: 1, passedOn: 0 });
    expect(stats.find((row) => row.unit.id === unit.b)).toMatchObject({ received: 1, declined: 0, passedOn: 1 });
    expect(stats.find((row) => row.unit.id === unit.d)).toBeUndefined();

    // The leader decides: D takes it on; D accepts.
    expectProblem(
      await act('lCity', escalated?.id ?? 0, 'resolve', { response: '由卫健委办理', version: escalated?.version }),
      403,
      'forbidden',
    );
    expectOk(
      await act('lD1', escalated?.id ?? 0, 'resolve', {
        response: '由卫健委办理，发展改革委配合',
        toUnitId: unit.d,
        dueDate: plusDays(today, 7),
        version: escalated?.version,
      }),
    );
    const decided = expectOk<TaskCoordinationView>(await chainsOf('dStaff', task.id)).chains[0];
    const assigned = decided?.requests[3];
    expect(assigned).toMatchObject({
      status: 'open',
      toUnit: { id: unit.d },
      bounceCount: 2,
      allowedActions: ['accept', 'decline', 'pass_on'],
    });
    expect(decided?.requests[2]?.awaitsDecision).toBe(false);
    expect(await notificationsOf(u.aHead, 'coordination.resolved')).toHaveLength(1);
    expectOk(await act('dStaff', assigned?.id ?? 0, 'accept', { commitmentDate: plusDays(today, 6), version: 1 }));
  });

  it('should escalate an overdue open request exactly once when two sweeps run at once', async () => {
    const task = await openTask(unit.c, '推进学校卫生室建设', 'cStaff');
    const request = expectOk<CoordinationRequestView>(
      await ask('cStaff', task.id, { toUnitId: unit.d, matter: '请派驻校医', dueDate: today }),
      201,
    );
    expect(await escalateOverdueCoordination(t.db, today)).toBe(0);
    const later = plusDays(today, 1);
    const counts = await Promise.all([
      escalateOverdueCoordination(t.db, later),
      escalateOverdueCoordination(t.db, later),
    ]);
    expect(counts[0] + counts[1]).toBe(1);
    expect(await escalateOverdueCoordination(t.db, later)).toBe(0);

    const row = await t.db
      .selectFrom('coordination_requests')
      .selectAll()
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    // C and D share district 2, which has no leader: the city's leader gets it.
    expect(row).toMatchObject({ status: 'escalated', escalated_to_id: u.lCity, bounce_count: 0, version: 2 });
    expect(await eventsOf(task.id, 'coordination_escalated')).toHaveLength(1);
    expect(await notificationsOf(u.lCity, 'coordination.escalated')).toHaveLength(1);
    expectProblem(
      await act('dStaff', request.id, 'accept', { commitmentDate: later, version: 1 }),
      409,
      'version_conflict',
    );
  });

  it('should show an accepted request as late once its commitment date passes, until fulfilled', async () => {
    const task = await openTask(unit.a, '建设工业互联网平台');
    const request = expectOk<CoordinationRequestView>(
      await ask('aHead', task.id, { toUnitId: unit.b, matter: '请提供企业名单', dueDate: plusDays(today, 2) }),
      201,
    );
    expectProblem(
      await act('bHead', request.id, 'accept', { commitmentDate: plusDays(today, -1), version: 1 }),
      422,
      'date_in_past',
    );
    const accepted = expectOk<CoordinationRequestView>(
      await act('bHead', request.id, 'accept', { commitmentDate: today, response: '本周内提供', version: 1 }),
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      commitmentDate: today,
      isLate: false,
      allowedActions: ['fulfil'],
    });
    expect(await notificationsOf(u.aStaff, 'coordination.accepted', task.id)).toHaveLength(1);

    // Time passes: the commitment date is now behind us.
    await t.db
      .updateTable('coordination_requests')
      .set({ commitment_date: plusDays(today, -1) })
      .where('id', '=', request.id)
      .execute();
    const late = expectOk<{ items: CoordinationRequestView[] }>(
      await as.bStaff('GET', '/coordination?box=incoming&state=late'),
    );
    expect(late.items.map((item) => [item.id, item.isLate])).toEqual([[request.id, true]]);
    const lateOf = async () =>
      expectOk<{ items: Array<{ unit: { id: number }; late: number }> }>(
        await as.lD1('GET', '/coordination/stats'),
      ).items.find((row) => row.unit.id === unit.b)?.late;
    expect(await lateOf()).toBe(1);

    const done = expectOk<CoordinationRequestView>(await act('bStaff', request.id, 'fulfil', { version: 2 }));
    expect(done).toMatchObject({ status: 'fulfilled', isLate: false });
    expect(await lateOf()).toBe(0);
    expect(await eventsOf(task.id, 'coordination_fulfilled')).toHaveLength(1);
  });

  it('should let a leader be asked and the asker withdraw', async () => {
    const task = await openTask(unit.a, '优化营商环境');
    const toLeader = expectOk<CoordinationRequestView>(
      await ask('aStaff', task.id, { toLeaderId: u.lCity, matter: '请召开专题会', dueDate: plusDays(today, 4) }),
      201,
    );
    expect(toLeader.toLeader?.id).toBe(u.lCity);
    expect(await notificationsOf(u.lCity, 'coordination.requested')).toHaveLength(1);
    const withdrawn = expectOk<CoordinationRequestView>(
      await act('aHead', toLeader.id, 'withdraw', { reason: '已自行协调', version: 1 }),
    );
    expect(withdrawn.status).toBe('withdrawn');
    expect(await eventsOf(task.id, 'coordination_withdrawn')).toHaveLength(1);
  });
});

describe('coordination refusals', () => {
  it('should refuse bad requests and steps and change nothing', async () => {
    const task = await openTask(unit.a, '推进招商引资');
    const request = expectOk<CoordinationRequestView>(
      await ask('aStaff', task.id, { toUnitId: unit.c, matter: '请协调校企合作', dueDate: plusDays(today, 3) }),
      201,
    );
    const before = await snapshot();
    const due = plusDays(today, 3);
    expectProblem(
      await ask('aStaff', task.id, { toUnitId: unit.a, matter: 'x', dueDate: due }),
      422,
      'coordination_target_invalid',
    );
    expectProblem(
      await ask('aStaff', task.id, { toUnitId: unit.c, toLeaderId: u.lCity, matter: 'x', dueDate: due }),
      422,
      'coordination_target_invalid',
    );
    expectProblem(
      await ask('aStaff', task.id, { toLeaderId: u.sup, matter: 'x', dueDate: due }),
      422,
      'coordination_target_invalid',
    );
    expectProblem(
      await ask('aStaff', task.id, { toUnitId: unit.c, matter: 'x', dueDate: plusDays(today, -1) }),
      422,
      'date_in_past',
    );
    expectProblem(
      await ask('aStaff', task.id, { fromUnitId: unit.b, toUnitId: unit.c, matter: 'x', dueDate: due }),
      403,
      'forbidden',
    );
    expectProblem(await ask('cStaff', task.id, { toUnitId: unit.d, matter: 'x', dueDate: due }), 404, 'not_found');
    expectProblem(await ask('sup', task.id, { toUnitId: unit.d, matter: 'x', dueDate: due }), 403, 'forbidden');
    expectProblem(await act('aStaff', request.id, 'accept', { commitmentDate: due, version: 1 }), 403, 'forbidden');
    expectProblem(await act('eStaff', request.id, 'accept', { commitmentDate: due, version: 1 }), 404, 'not_found');
    expectProblem(
      await act('cStaff', request.id, 'accept', { commitmentDate: due, version: 9 }),
      409,
      'version_conflict',
    );
    expectProblem(await act('cStaff', request.id, 'fulfil', { version: 1 }), 409, 'supervision_action_illegal');
    expectProblem(
      await act('cStaff', request.id, 'pass-on', { toUnitId: unit.a, reason: '退回', version: 1 }),
      422,
      'coordination_target_invalid',
    );
    expectProblem(await act('lD1', request.id, 'resolve', { response: '定了', version: 1 }), 403, 'forbidden');
    expect(await snapshot()).toEqual(before);

    await advance(t, task.id, ['suspend']);
    const suspended = await snapshot();
    expectProblem(await ask('aStaff', task.id, { toUnitId: unit.c, matter: 'x', dueDate: due }), 409, 'task_not_open');
    expectProblem(await act('cStaff', request.id, 'accept', { commitmentDate: due, version: 1 }), 409, 'task_not_open');
    expect(await snapshot()).toEqual(suspended);
  });
});
