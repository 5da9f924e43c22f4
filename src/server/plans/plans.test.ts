import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  act,
  notified,
  type PlanWorld,
  planBody,
  planSnapshot,
  planVersion,
  planWorld,
  timeline,
} from './plan-fixtures.js';

// Plans (办理方案) through the API: the review flow from draft to acceptance with a return on the
// way, a unit head's own submission, refusals by status, person and scope, and the answers' shape.

let t: TestApp;
let w: PlanWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await planWorld(t, 'pl');
});
afterAll(() => t.close());

/** Creates the plan as the lead unit's staff; answers the task id and the plan version. */
async function drafted(overrides: Record<string, unknown> = {}) {
  const taskId = await w.assignedTask();
  const res = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit, overrides) });
  expect(res.statusCode, res.body).toBe(200);
  return { taskId, version: planVersion(res) };
}

describe('the review flow', () => {
  it('should take a plan from draft through a return to acceptance, keeping every round', async () => {
    const { taskId, version } = await drafted();
    const draft = (await w.as.head('GET', `/tasks/${taskId}/plan`)).json();
    expect(draft).toMatchObject({ plan: { versionNo: 1, status: 'draft' }, allowedActions: ['submit'], canEdit: true });
    const ids = draft.plan.content.targets.map((target: { id: string }) => target.id);
    expect(ids).toEqual([expect.stringMatching(/^t-[0-9a-f]{8}$/), expect.stringMatching(/^t-[0-9a-f]{8}$/)]);

    const submitted = await act(w.as.staff, taskId, 'submit', version);
    expect(submitted).toMatchObject({ plan: { status: 'pending_head' }, allowedActions: [], canEdit: false });
    expect((await w.as.head('GET', `/tasks/${taskId}/plan`)).json().allowedActions).toEqual(['approve', 'return']);
    const approved = await act(w.as.head, taskId, 'approve', submitted.plan.version);
    expect(approved.plan.status).toBe('pending_supervisor');
    expect((await w.as.sup('GET', `/tasks/${taskId}/plan`)).json().allowedActions).toEqual(['return', 'accept']);

    const noReason = await w.as.sup('POST', `/tasks/${taskId}/plan/actions`, {
      action: 'return',
      version: approved.plan.version,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'reason_required', field: 'reason' });
    const returned = await act(w.as.sup, taskId, 'return', approved.plan.version, '目标值偏低，请对照年度任务调整');
    expect(returned.plan).toMatchObject({ status: 'returned', decidedAt: expect.any(String) });

    const fixed = await w.as.staff('PUT', `/tasks/${taskId}/plan`, {
      version: returned.plan.version,
      ...planBody(w.unit, {
        targets: [{ ...returned.plan.content.targets[0], targetValue: 1500 }, returned.plan.content.targets[1]],
      }),
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().plan.content.targets.map((target: { id: string }) => target.id)).toEqual(ids);
    const resubmitted = await act(w.as.staff, taskId, 'submit', planVersion(fixed));
    const reapproved = await act(w.as.head, taskId, 'approve', resubmitted.plan.version);
    const accepted = await act(w.as.sup, taskId, 'accept', reapproved.plan.version);

    expect(accepted).toMatchObject({ plan: { status: 'accepted', versionNo: 1 }, acceptedVersionNo: 1 });
    const rounds = accepted.plan.rounds;
    expect(rounds.map((r: { action: string }) => r.action)).toEqual([
      'submit',
      'approve',
      'return',
      'submit',
      'approve',
      'accept',
    ]);
    expect(rounds[2]).toMatchObject({ reason: '目标值偏低，请对照年度任务调整', actor: { displayName: 'pl.sup' } });
    expect(rounds[0].snapshot.content.targets[0].targetValue).toBe(1200);
    expect(rounds[3].snapshot.content.targets[0].targetValue).toBe(1500);
    expect((await timeline(t.db, taskId)).map((e) => e.action)).toEqual([
      'create',
      'assign',
      'plan_submitted',
      'plan_approved',
      'plan_returned',
      'plan_submitted',
      'plan_approved',
      'plan_accepted',
    ]);
    expect(await notified(t.db, taskId)).toMatchObject({
      'plan.pending_head': [w.user.head, w.user.head],
      'plan.pending_supervisor': [w.user.sup, w.user.sup],
      'plan.returned': [w.user.staff, w.user.head],
      'plan.accepted': expect.arrayContaining([w.user.head, w.user.coopStaff]),
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'task')
      .where('object_id', '=', String(taskId))
      .execute();
    expect(audit.map((a) => a.action)).toContain('task.plan_returned');
  });

  it("should let a unit head submit their unit's plan straight to the supervision office", async () => {
    const taskId = await w.assignedTask();
    const saved = await w.as.head('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit) });
    const submitted = await act(w.as.head, taskId, 'submit', planVersion(saved));
    expect(submitted.plan.status).toBe('pending_supervisor');
    expect(submitted.plan.rounds.map((r: { action: string }) => r.action)).toEqual(['submit', 'approve']);
    expect((await timeline(t.db, taskId)).map((e) => e.action)).toEqual([
      'create',
      'assign',
      'plan_submitted',
      'plan_approved',
    ]);
    expect(await notified(t.db, taskId)).toEqual({ 'plan.pending_supervisor': [w.user.sup] });
  });
});

describe('POST /tasks/:id/plan/actions refusals', () => {
  it('should name the possible actions when the action does not fit the status', async () => {
    const { taskId, version } = await drafted();
    const cookie = await t.login('pl.head');
    const before = await planSnapshot(t.db);
    const res = await w.as.head('POST', `/tasks/${taskId}/plan/actions`, { action: 'approve', version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'plan_action_illegal', allowed: ['submit'] });
    expect(res.json().detail).toContain('草稿');
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/plan/actions`,
      headers: { cookie, 'accept-language': 'en' },
      payload: { action: 'accept', version },
    });
    expect(en.json().detail).toBe('"accept" is not possible while the plan is "draft". Possible now: submit.');
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it.each([
    ['staff approving', 'staff', 'approve'],
    ['a supervisor returning before the unit head', 'sup', 'return'],
    ['a cooperating unit submitting', 'coopStaff', 'approve'],
    ['an auditor approving', 'aud', 'approve'],
  ] as const)('should refuse %s with 403, changing nothing', async (_label, who, action) => {
    const { taskId, version } = await drafted();
    const pending = await act(w.as.staff, taskId, 'submit', version);
    const before = await planSnapshot(t.db);
    const res = await w.as[who]('POST', `/tasks/${taskId}/plan/actions`, {
      action,
      version: pending.plan.version,
      reason: '理由',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should answer 404 to a unit that is not on the task, and for a task without a plan', async () => {
    const { taskId, version } = await drafted();
    const res = await w.as.otherStaff('POST', `/tasks/${taskId}/plan/actions`, { action: 'submit', version });
    expect(res.statusCode).toBe(404);
    expect((await w.as.otherStaff('GET', `/tasks/${taskId}/plan`)).statusCode).toBe(404);
    const bare = await w.assignedTask();
    const none = await w.as.staff('POST', `/tasks/${bare}/plan/actions`, { action: 'submit', version: 1 });
    expect(none.statusCode).toBe(404);
    expect((await w.as.staff('GET', `/tasks/${bare}/plan`)).json()).toEqual({
      plan: null,
      acceptedVersionNo: null,
      allowedActions: [],
      canEdit: true,
      editablePartUnitIds: [],
    });
  });

  it('should refuse a stale version with 409, changing nothing', async () => {
    const { taskId, version } = await drafted();
    const saved = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version, ...planBody(w.unit) });
    expect(planVersion(saved)).toBe(version + 1);
    const before = await planSnapshot(t.db);
    const stale = await w.as.staff('POST', `/tasks/${taskId}/plan/actions`, { action: 'submit', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const staleSave = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version, ...planBody(w.unit) });
    expect(staleSave.statusCode).toBe(409);
    const staleCreate = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit) });
    expect(staleCreate.json().code).toBe('version_conflict');
    expect(await planSnapshot(t.db)).toEqual(before);
  });
});

describe('PUT /tasks/:id/plan', () => {
  it('should refuse a plan on a task that is not assigned, in progress or returned', async () => {
    const draftTask = await makeTask(t, { title: '未交办任务', leadUnitId: w.unit.lead });
    expect((await w.as.sup('GET', `/tasks/${draftTask.id}/plan`)).json()).toMatchObject({ plan: null, canEdit: false });
    const taskId = await w.assignedTask();
    await advance(t, taskId, ['suspend']);
    const before = await planSnapshot(t.db);
    const put = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit) });
    expect(put.statusCode).toBe(409);
    expect(put.json()).toMatchObject({
      code: 'plan_task_inactive',
      detail: '任务当前为“已暂停”，不能编制或审核办理方案。',
    });
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should refuse the supervision office, a cooperating unit and an auditor the lead content with 403', async () => {
    const taskId = await w.assignedTask();
    const before = await planSnapshot(t.db);
    for (const who of ['sup', 'coopStaff', 'aud'] as const) {
      const res = await w.as[who]('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit) });
      expect(res.statusCode, who).toBe(403);
    }
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should refuse content that breaks the rules with 422, naming every field, changing nothing', async () => {
    const taskId = await w.assignedTask();
    const body = planBody(w.unit);
    const before = await planSnapshot(t.db);
    const res = await w.as.staff('PUT', `/tasks/${taskId}/plan`, {
      version: 0,
      ...body,
      targets: [
        { ...body.targets[0], id: 'T1' },
        { ...body.targets[1], id: 'T1' },
      ],
      steps: [
        { ...body.steps[0], ownerUnitId: w.unit.other },
        { ...body.steps[1], startDate: '2027-07-01' },
      ],
      milestones: [body.milestones[0], { ...body.milestones[1], date: '2028-01-15' }],
      expectedProgress: [
        { quarter: '2027-Q2', percent: 40 },
        { quarter: '2027-Q3', percent: 30 },
        { quarter: '2027-Q2', percent: 50 },
      ],
    });
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem).toMatchObject({ code: 'plan_content_invalid', field: 'targets.1.id' });
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'targets.1.id',
        'steps.0.ownerUnitId',
        'steps.1.endDate',
        'milestones.1.date',
        'expectedProgress.2.quarter',
        'expectedProgress.1.percent',
      ].sort(),
    );
    expect(problem.errors.find((e: { field: string }) => e.field === 'milestones.1.date').detail).toBe(
      '晚于任务办结时限 2027-12-31',
    );
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should refuse a malformed plan with 400 and the field path', async () => {
    const taskId = await w.assignedTask();
    const before = await planSnapshot(t.db);
    const res = await w.as.staff('PUT', `/tasks/${taskId}/plan`, {
      version: 0,
      ...planBody(w.unit, { expectedProgress: [{ quarter: '2027-Q5', percent: 150 }] }),
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['expectedProgress.0.percent', 'expectedProgress.0.quarter']);
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should require at least one milestone when progress is counted by milestones', async () => {
    const taskId = await w.assignedTask();
    const res = await w.as.staff('PUT', `/tasks/${taskId}/plan`, {
      version: 0,
      ...planBody(w.unit, { milestones: [], progressBasis: 'milestones' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('progressBasis');
  });
});
