import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advance, currentTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  acknowledgeAsLead,
  act,
  type PlanWorld,
  planBody,
  planSnapshot,
  planVersion,
  planWorld,
  timeline,
} from './plan-fixtures.js';

// The setting plans.requireAcceptedForKeyTasks: a key task cannot start (in_progress) until its
// plan is accepted. The lead unit's acknowledgement is kept but holds the task at `assigned`; the
// plan's acceptance starts it; any other way into in_progress is refused.

let t: TestApp;
let w: PlanWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await planWorld(t, 'pg');
});
afterAll(() => t.close());

async function setRule(on: boolean) {
  const current = (await w.as.admin('GET', '/settings/plans')).json();
  const res = await w.as.admin('PUT', '/settings/plans', { version: current.version, requireAcceptedForKeyTasks: on });
  expect(res.statusCode, res.body).toBe(200);
}

/** Drafts, submits, approves and accepts a plan for the task. */
async function acceptPlan(taskId: number) {
  const saved = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit) });
  const submitted = await act(w.as.staff, taskId, 'submit', planVersion(saved));
  const approved = await act(w.as.head, taskId, 'approve', submitted.plan.version);
  return act(w.as.sup, taskId, 'accept', approved.plan.version);
}

describe('/settings/plans', () => {
  beforeEach(() => setRule(false));

  it('should default to off, be readable by anyone signed in and changeable by administrators', async () => {
    const read = await w.as.staff('GET', '/settings/plans');
    expect(read.json()).toEqual({ requireAcceptedForKeyTasks: false, version: expect.any(Number) });
    const before = await planSnapshot(t.db);
    const refused = await w.as.sup('PUT', '/settings/plans', {
      version: read.json().version,
      requireAcceptedForKeyTasks: true,
    });
    expect(refused.statusCode).toBe(403);
    const stale = await w.as.admin('PUT', '/settings/plans', {
      version: read.json().version - 1,
      requireAcceptedForKeyTasks: true,
    });
    expect(stale.statusCode).toBe(409);
    expect(await planSnapshot(t.db)).toEqual(before);
    const changed = await w.as.admin('PUT', '/settings/plans', {
      version: read.json().version,
      requireAcceptedForKeyTasks: true,
    });
    expect(changed.json()).toEqual({ requireAcceptedForKeyTasks: true, version: read.json().version + 1 });
  });
});

describe('the key-task gate', () => {
  it('should start a key task on acknowledgement while the setting is off', async () => {
    await setRule(false);
    const taskId = await w.assignedTask({ isKey: true });
    expect((await acknowledgeAsLead(t, w, taskId)).status).toBe('in_progress');
  });

  it('should start an ordinary task on acknowledgement while the setting is on', async () => {
    await setRule(true);
    const taskId = await w.assignedTask({ isKey: false });
    expect((await acknowledgeAsLead(t, w, taskId)).status).toBe('in_progress');
  });

  it('should hold an acknowledged key task at assigned until its plan is accepted, then start it', async () => {
    await setRule(true);
    const taskId = await w.assignedTask({ isKey: true });
    const ack = await w.as.staff('POST', `/tasks/${taskId}/acknowledge`, {
      version: (await currentTask(t.db, taskId)).version,
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'assigned' });
    const lead = ack.json().units.find((u: { unitId: number }) => u.unitId === w.unit.lead);
    expect(lead.acknowledgedAt).not.toBeNull();

    const accepted = await acceptPlan(taskId);
    expect(accepted.plan.status).toBe('accepted');
    expect((await currentTask(t.db, taskId)).status).toBe('in_progress');
    const events = await timeline(t.db, taskId);
    expect(events.at(-1)).toEqual({
      action: 'plan_accepted',
      from_status: 'assigned',
      to_status: 'in_progress',
      reason: null,
    });
    expect(events.filter((e) => e.to_status === 'in_progress')).toHaveLength(1);
  });

  it('should leave an unacknowledged key task assigned when its plan is accepted, and start it on acknowledgement', async () => {
    await setRule(true);
    const taskId = await w.assignedTask({ isKey: true });
    await acceptPlan(taskId);
    expect((await currentTask(t.db, taskId)).status).toBe('assigned');
    expect((await acknowledgeAsLead(t, w, taskId)).status).toBe('in_progress');
  });

  it('should refuse any other way into in_progress with 409 plan_not_accepted, changing nothing', async () => {
    await setRule(false);
    const taskId = await w.assignedTask({ isKey: true });
    await acknowledgeAsLead(t, w, taskId);
    await advance(t, taskId, ['suspend']);
    await setRule(true);
    const before = await planSnapshot(t.db);
    const res = await w.as.sup('POST', `/tasks/${taskId}/resume`, {
      version: (await currentTask(t.db, taskId)).version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'plan_not_accepted',
      detail: '该任务是重点任务，办理方案通过审核后才能开始办理。',
    });
    expect(await planSnapshot(t.db)).toEqual(before);
    // No plan can be drafted while the task is suspended: switching the rule off lets it resume.
    await setRule(false);
    const resumed = await w.as.sup('POST', `/tasks/${taskId}/resume`, {
      version: (await currentTask(t.db, taskId)).version,
    });
    expect(resumed.json().status).toBe('in_progress');
  });
});
