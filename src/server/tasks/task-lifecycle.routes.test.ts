import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionsFrom, decideTransition, TRANSITIONS } from '../../domain/task-lifecycle.js';
import { CLOSURE_FLOW_TASK_ACTIONS } from '../../shared/closure-api.js';
import {
  TASK_ACTIONS,
  TASK_RELATIONS,
  TASK_STATUSES,
  type TaskAction,
  type TaskRelation,
  type TaskStatus,
} from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { actorOf, advance, caller, currentTask, makeTask, taskDeps } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { transitionTask } from './task-transitions.service.js';

// The task lifecycle through the API: every status × action × relation against the lifecycle
// table (src/domain/task-lifecycle.ts, itself table-tested), then the behaviours around it:
// assignment, working-day deadlines, acknowledgements, suspension, history and the audit trail.

let t: TestApp;
const unit = { lead: 0, coop: 0 };
const user = { sup: 0, lead: 0, coop: 0, leader: 0, aud: 0 };
/** One signed-in person per relation they will have to the tasks made here (lead A, cooperating B). */
const as = {} as Record<TaskRelation, ReturnType<typeof caller>>;
let leadActor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.makeUnit('市人民政府');
  unit.lead = (await t.makeUnit('市交通运输局', city.id)).id;
  unit.coop = (await t.makeUnit('市公安局', city.id)).id;
  user.sup = await t.makeUser('life.sup', ['supervisor']);
  user.lead = await t.makeUser('life.lead', ['unit_staff'], { unitId: unit.lead });
  user.coop = await t.makeUser('life.coop', ['unit_head'], { unitId: unit.coop });
  user.leader = await t.makeUser('life.leader', ['leader'], { unitsInChargeIds: [unit.lead] });
  user.aud = await t.makeUser('life.aud', ['auditor']);
  const logins: Record<TaskRelation, string> = {
    supervisor: 'life.sup',
    admin: 'admin',
    lead_unit: 'life.lead',
    cooperating_unit: 'life.coop',
    leader: 'life.leader',
    auditor: 'life.aud',
  };
  for (const relation of TASK_RELATIONS) as[relation] = caller(t, await t.login(logins[relation]));
  leadActor = await actorOf(t, user.lead);
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

type Step = TaskAction | [TaskAction, Actor];

/** How a task reaches each status, through the services (the lead unit acknowledges, B does not). */
function pathTo(status: TaskStatus): Step[] {
  const started: Step[] = ['assign', ['acknowledge', leadActor]];
  const requested: Step[] = [...started, ['request_closure', leadActor]];
  const paths: Record<TaskStatus, Step[]> = {
    draft: [],
    assigned: ['assign'],
    in_progress: started,
    closure_requested: requested,
    returned: [...requested, 'return'],
    suspended: [...started, 'suspend'],
    closed: [...requested, 'close'],
    cancelled: ['cancel'],
  };
  return paths[status];
}

async function taskIn(status: TaskStatus, title = `状态${status}`) {
  const task = await makeTask(t, {
    title,
    leadUnitId: unit.lead,
    cooperatingUnits: [{ unitId: unit.coop, part: '交通秩序保障' }],
  });
  return advance(t, task.id, pathTo(status));
}

/** A task's own rows and the history and audit entries about it: equal before and after = untouched. */
async function stateOf(db: Database, taskId: number) {
  const [task, units, events, audit] = await Promise.all([
    currentTask(db, taskId),
    db.selectFrom('task_units').selectAll().where('task_id', '=', taskId).orderBy('unit_id').execute(),
    db.selectFrom('task_events').select('id').where('task_id', '=', taskId).execute(),
    db.selectFrom('audit_log').select('id').where('object_id', '=', String(taskId)).execute(),
  ]);
  return { task, units, events: events.length, audit: audit.length };
}

function post(relation: TaskRelation, taskId: number, action: TaskAction, body: object) {
  return as[relation]('POST', `/tasks/${taskId}/${action.replace(/_/g, '-')}`, body);
}

/**
 * What the API must answer: the lifecycle decides, except that a unit acknowledges once (a second
 * acknowledgement is illegal) and a cooperating unit's acknowledgement leaves the status alone.
 */
function expectedOutcome(status: TaskStatus, action: TaskAction, relation: TaskRelation) {
  // A draft is the supervision office's own: units and leaders cannot see it at all.
  if (status === 'draft' && !['supervisor', 'admin', 'auditor'].includes(relation)) {
    return { status: 404, code: 'not_found' };
  }
  // Closure is requested and decided through the closure application only (closure/closure.test.ts).
  if (CLOSURE_FLOW_TASK_ACTIONS.includes(action)) return { status: 409, code: 'closure_application_required' };
  const decision = decideTransition({
    status,
    action,
    relations: [relation],
    reason: '理由',
    suspendedFrom: 'in_progress',
  });
  if (!decision.ok && decision.reason === 'illegal_transition') {
    return { status: 409, code: 'illegal_transition', allowed: decision.allowed };
  }
  if (!decision.ok) return { status: 403, code: 'forbidden' };
  const leadAcknowledged = !['draft', 'assigned', 'cancelled'].includes(status);
  if (action === 'acknowledge' && relation === 'lead_unit' && leadAcknowledged) {
    return { status: 409, code: 'illegal_transition', allowed: [] };
  }
  if (action === 'acknowledge' && relation === 'cooperating_unit') return { status: 200, to: status };
  return { status: 200, to: decision.ok ? decision.to : status };
}

describe('lifecycle through the API', () => {
  describe.each(TASK_STATUSES)('from %s', (status) => {
    it('should answer every action by every relation as the lifecycle table says', async () => {
      const probe = await taskIn(status);
      expect(probe.status).toBe(status);
      // Refusals all go to one probe task, which must end as it began; each success gets a fresh task.
      const before = await stateOf(t.db, probe.id);
      for (const action of TASK_ACTIONS) {
        for (const relation of TASK_RELATIONS) {
          const expected = expectedOutcome(status, action, relation);
          const label = `${status} ${action} by ${relation}`;
          const task = expected.status === 200 ? await taskIn(status) : probe;
          const res = await post(relation, task.id, action, { version: task.version, reason: '理由' });
          expect(res.statusCode, `${label}: ${res.body}`).toBe(expected.status);
          if (expected.status === 200) {
            expect(res.json(), label).toMatchObject({ status: expected.to, version: task.version + 1 });
            continue;
          }
          expect(res.json(), label).toMatchObject({
            code: expected.code,
            ...(expected.allowed ? { allowed: expected.allowed } : {}),
          });
        }
      }
      expect(await stateOf(t.db, probe.id)).toEqual(before);
    });
  });

  it('should require a reason to return, suspend, cancel and reopen, changing nothing without one', async () => {
    const needing = TASK_ACTIONS.filter((action) => TRANSITIONS[action].needsReason);
    expect(needing).toEqual(['return', 'suspend', 'cancel', 'reopen']);
    const from: Record<string, TaskStatus> = {
      return: 'closure_requested',
      suspend: 'in_progress',
      cancel: 'assigned',
      reopen: 'closed',
    };
    for (const action of needing.filter((a) => !CLOSURE_FLOW_TASK_ACTIONS.includes(a))) {
      const task = await taskIn(from[action] ?? 'draft');
      for (const reason of [undefined, null, '', '   ']) {
        const before = await stateOf(t.db, task.id);
        const res = await post('supervisor', task.id, action, { version: task.version, reason });
        expect(res.statusCode, `${action} ${JSON.stringify(reason)}`).toBe(422);
        expect(res.json()).toMatchObject({ code: 'reason_required', field: 'reason' });
        expect(await stateOf(t.db, task.id)).toEqual(before);
      }
    }
  });

  it('should name the possible actions in an illegal-transition answer', async () => {
    const task = await taskIn('closure_requested');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/assign`,
      payload: { version: task.version },
      headers: { cookie: await t.login('life.sup'), 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().allowed).toEqual(actionsFrom('closure_requested'));
    expect(res.json().detail).toContain('close, return, cancel');
  });

  it('should answer a stale version with 409 and the current task, changing nothing', async () => {
    const task = await taskIn('assigned');
    const before = await stateOf(t.db, task.id);
    const res = await post('lead_unit', task.id, 'acknowledge', { version: task.version - 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'version_conflict', current: { id: task.id, status: 'assigned' } });
    expect(await stateOf(t.db, task.id)).toEqual(before);
  });
});

describe('POST /tasks/:id/assign', () => {
  it('should refuse a task without a lead unit with 422 lead_unit_required, changing nothing', async () => {
    const task = await makeTask(t, { title: '无牵头单位', cooperatingUnits: [{ unitId: unit.coop }] });
    const before = await stateOf(t.db, task.id);
    const res = await post('supervisor', task.id, 'assign', { version: task.version });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'lead_unit_required', field: 'leadUnitId' });
    expect(await stateOf(t.db, task.id)).toEqual(before);
  });

  it.each([
    ['before the Spring Festival, across the make-up Saturday', '2026-02-13T10:00:00+08:00', 2, '2026-02-24'],
    ['before the Spring Festival, five days', '2026-02-13T10:00:00+08:00', 5, '2026-02-27'],
    ['before National Day, onto the make-up Saturday', '2026-09-30T10:00:00+08:00', 3, '2026-10-10'],
    ['on an ordinary Friday, over the weekend', '2026-03-06T10:00:00+08:00', 1, '2026-03-09'],
  ])('should compute a working-day deadline at assignment: %s', async (_label, now, days, deadline) => {
    const task = await makeTask(t, { title: '按工作日办结', leadUnitId: unit.lead, deadlineWorkingDays: days });
    expect(task.deadline).toBeNull();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(now));
    const res = await post('supervisor', task.id, 'assign', { version: task.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'assigned', deadline, deadlineWorkingDays: days });
    expect(res.json().history[0]).toMatchObject({ action: 'assign' });
  });

  it('should refuse an assignment whose working-day deadline would fall after the parent’s, changing nothing', async () => {
    const parent = await makeTask(t, { title: '节前截止', leadUnitId: unit.lead, deadline: '2026-02-20' });
    const child = await makeTask(t, { title: '节后才能完成', parentId: parent.id, deadlineWorkingDays: 2 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-13T10:00:00+08:00'));
    const before = await stateOf(t.db, child.id);
    const res = await post('supervisor', child.id, 'assign', { version: child.version });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'deadline_after_parent', field: 'deadline' });
    expect(await stateOf(t.db, child.id)).toEqual(before);
  });

  it('should flag a task not acknowledged within the configured working days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-13T10:00:00+08:00'));
    const task = await taskIn('assigned', '迟迟未签收');
    // Two working days after Friday 13 February 2026 (make-up Saturday 14th, then the holiday): the 24th.
    vi.setSystemTime(new Date('2026-02-24T18:00:00+08:00'));
    expect((await as.supervisor('GET', `/tasks/${task.id}`)).json()).toMatchObject({ acknowledgementOverdue: false });
    vi.setSystemTime(new Date('2026-02-25T09:00:00+08:00'));
    expect((await as.supervisor('GET', `/tasks/${task.id}`)).json()).toMatchObject({
      unacknowledged: true,
      acknowledgementOverdue: true,
    });
  });
});

describe('POST /tasks/:id/acknowledge', () => {
  it('should record a cooperating unit’s acknowledgement and keep the status', async () => {
    const task = await taskIn('assigned');
    const res = await post('cooperating_unit', task.id, 'acknowledge', { version: task.version });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'assigned', unacknowledged: true, allowedActions: [] });
    expect(body.units).toMatchObject([
      { unitId: unit.lead, acknowledgedAt: null, acknowledgedBy: null },
      { unitId: unit.coop, acknowledgedBy: { id: user.coop } },
    ]);
    expect(body.units[1].acknowledgedAt).toEqual(expect.any(String));
    expect(body.history[0]).toMatchObject({ action: 'acknowledge', fromStatus: 'assigned', toStatus: 'assigned' });
    const inbox = (await as.cooperating_unit('GET', '/inbox')).json();
    expect(inbox.toAcknowledge.map((x: { id: number }) => x.id)).not.toContain(task.id);
  });

  it('should start the work when the lead unit acknowledges', async () => {
    const task = await taskIn('assigned');
    expect((await as.lead_unit('GET', '/inbox')).json().toAcknowledge.map((x: { id: number }) => x.id)).toContain(
      task.id,
    );
    const res = await post('lead_unit', task.id, 'acknowledge', { version: task.version });
    expect(res.json()).toMatchObject({ status: 'in_progress', unacknowledged: false });
    expect(res.json().units[0]).toMatchObject({ unitId: unit.lead, acknowledgedBy: { id: user.lead } });
    expect((await as.lead_unit('GET', '/inbox')).json().toAcknowledge.map((x: { id: number }) => x.id)).not.toContain(
      task.id,
    );
  });
});

describe('a returned task', () => {
  it('should put a returned task in the lead unit’s inbox and take the closure request off the supervisors’', async () => {
    const task = await taskIn('closure_requested', '退回待整改');
    const ids = (list: Array<{ id: number }>) => list.map((x) => x.id);
    expect(ids((await as.supervisor('GET', '/inbox')).json().closureRequests)).toContain(task.id);
    // Returned through the closure flow in real use (closure/closure.test.ts); here the transition itself.
    await advance(t, task.id, ['return']);
    const res = await as.supervisor('GET', `/tasks/${task.id}`);
    expect(res.json()).toMatchObject({ status: 'returned', allowedActions: ['suspend', 'cancel'] });
    expect(ids((await as.lead_unit('GET', '/inbox')).json().returned)).toContain(task.id);
    expect(ids((await as.cooperating_unit('GET', '/inbox')).json().returned)).not.toContain(task.id);
    expect(ids((await as.supervisor('GET', '/inbox')).json().closureRequests)).not.toContain(task.id);
  });
});

describe('POST /tasks/:id/suspend and /resume', () => {
  it.each(['assigned', 'in_progress', 'returned'] as const)(
    'should return a task suspended while %s to that status',
    async (status) => {
      const task = await taskIn(status);
      const suspended = await post('supervisor', task.id, 'suspend', { version: task.version, reason: '等待规划调整' });
      expect(suspended.json()).toMatchObject({ status: 'suspended', allowedActions: ['resume', 'cancel'] });
      const resumed = await post('admin', task.id, 'resume', { version: suspended.json().version });
      expect(resumed.statusCode).toBe(200);
      expect(resumed.json().status).toBe(status);
      expect((await currentTask(t.db, task.id)).suspended_from).toBeNull();
    },
  );
});

describe('history and audit trail', () => {
  it('should record who did what, when and why for each transition, in the history and the audit trail', async () => {
    const task = await makeTask(t, {
      title: '全程留痕',
      leadUnitId: unit.lead,
      cooperatingUnits: [{ unitId: unit.coop }],
    });
    const steps: Array<[TaskRelation, TaskAction, string | undefined, number]> = [
      ['supervisor', 'assign', undefined, user.sup],
      ['cooperating_unit', 'acknowledge', undefined, user.coop],
      ['lead_unit', 'acknowledge', undefined, user.lead],
      ['lead_unit', 'request_closure', '已全部完成', user.lead],
      ['supervisor', 'return', '佐证材料不全', user.sup],
      ['lead_unit', 'request_closure', '已补充材料', user.lead],
      ['supervisor', 'close', undefined, user.sup],
      ['supervisor', 'reopen', '群众反映问题反弹', user.sup],
    ];
    let version = task.version;
    const startedAt = new Date().toISOString();
    for (const [relation, action, reason, actorId] of steps) {
      if (CLOSURE_FLOW_TASK_ACTIONS.includes(action)) {
        // The closure flow's moves of the task (closure/closure.test.ts), taken here directly.
        const actor = await actorOf(t, actorId);
        version = (await transitionTask(taskDeps(t), { taskId: task.id, action, version, reason, actor })).version;
        continue;
      }
      const res = await post(relation, task.id, action, { version, ...(reason ? { reason } : {}) });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      version = res.json().version;
    }
    const detail = (await as.auditor('GET', `/tasks/${task.id}`)).json();
    const history = [...detail.history].reverse();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', ...steps.map(([, action]) => action)]);
    const statuses = [
      'draft',
      'assigned',
      'assigned',
      'in_progress',
      'closure_requested',
      'returned',
      'closure_requested',
      'closed',
      'in_progress',
    ];
    steps.forEach(([, action, reason, actorId], i) => {
      expect(history[i + 1], action).toMatchObject({
        actor: { id: actorId },
        fromStatus: statuses[i],
        toStatus: statuses[i + 1],
        reason: reason ?? null,
      });
      expect(history[i + 1].at >= startedAt, `${action} at`).toBe(true);
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', 'task')
      .where('object_id', '=', String(task.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['task.create', ...steps.map(([, action]) => `task.${action}`)]);
    steps.forEach(([, action, reason, actorId], i) => {
      const row = audit[i + 1];
      expect(row?.actor_user_id, action).toBe(actorId);
      expect(JSON.parse(row?.detail ?? '{}'), action).toMatchObject({
        fromStatus: statuses[i],
        toStatus: statuses[i + 1],
        ...(reason ? { reason } : {}),
      });
    });
  });
});
