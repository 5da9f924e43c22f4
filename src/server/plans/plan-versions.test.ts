import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { act, type PlanWorld, planBody, planSnapshot, planVersion, planWorld, timeline } from './plan-fixtures.js';
import { findAcceptedPlan } from './plans.service.js';

// Cooperating units' parts of a plan, and versions: revising an accepted plan, old versions kept
// readable, and the item-by-item diff between versions.

let t: TestApp;
let w: PlanWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await planWorld(t, 'pv');
});
afterAll(() => t.close());

async function drafted() {
  const taskId = await w.assignedTask();
  const res = await w.as.staff('PUT', `/tasks/${taskId}/plan`, { version: 0, ...planBody(w.unit) });
  expect(res.statusCode, res.body).toBe(200);
  return { taskId, version: planVersion(res) };
}

/** Takes a drafted plan through submit, approve and accept; answers the final view. */
async function accept(taskId: number, version: number) {
  const submitted = await act(w.as.staff, taskId, 'submit', version);
  const approved = await act(w.as.head, taskId, 'approve', submitted.plan.version);
  return act(w.as.sup, taskId, 'accept', approved.plan.version);
}

const part = { text: '负责保障性住房项目建设用地供应', steps: [{ text: '编制年度供地计划', endDate: '2027-02-28' }] };

describe('PUT /tasks/:id/plan/parts/:unitId', () => {
  it("should let a cooperating unit write its own part while drafting, kept in the submission's snapshot", async () => {
    const { taskId, version } = await drafted();
    const view = (await w.as.coopStaff('GET', `/tasks/${taskId}/plan`)).json();
    expect(view).toMatchObject({ editablePartUnitIds: [w.unit.coop], canEdit: false, allowedActions: [] });
    const first = await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, { version: 0, ...part });
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json().plan.parts;
    expect(saved).toEqual([
      expect.objectContaining({
        unitId: w.unit.coop,
        content: { text: part.text, steps: [{ id: expect.stringMatching(/^p-/), ...part.steps[0], startDate: null }] },
        updatedBy: expect.objectContaining({ displayName: 'pv.coop' }),
        version: 1,
      }),
    ]);
    const second = await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, {
      version: 1,
      text: '负责建设用地供应和规划许可',
      steps: saved[0].content.steps,
    });
    expect(second.json().plan.parts[0]).toMatchObject({ version: 2, content: { text: '负责建设用地供应和规划许可' } });
    expect(second.json().plan.version).toBe(version);

    const submitted = await act(w.as.staff, taskId, 'submit', version);
    expect(submitted.plan.rounds[0].snapshot.parts).toEqual([
      { unitId: w.unit.coop, content: second.json().plan.parts[0].content },
    ]);
    const before = await planSnapshot(t.db);
    const late = await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, { version: 2, ...part });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('plan_not_editable');
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it.each([
    ['an unrelated unit (cannot see the task)', 'otherStaff', 'coop', 404],
    ["the lead unit writing a cooperating unit's part", 'staff', 'coop', 403],
    ["another cooperating unit's head for the wrong unit", 'coopHead', 'lead', 404],
    ['the supervision office', 'sup', 'coop', 403],
  ] as const)('should refuse %s, changing nothing', async (_label, who, unit, status) => {
    const { taskId } = await drafted();
    const before = await planSnapshot(t.db);
    const res = await w.as[who]('PUT', `/tasks/${taskId}/plan/parts/${w.unit[unit]}`, { version: 0, ...part });
    expect(res.statusCode, res.body).toBe(status);
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should refuse a stale part and a part whose dates pass the deadline, changing nothing', async () => {
    const { taskId } = await drafted();
    await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, { version: 0, ...part });
    const before = await planSnapshot(t.db);
    const stale = await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, { version: 0, ...part });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const late = await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, {
      version: 1,
      text: part.text,
      steps: [{ text: '验收', startDate: '2027-12-01', endDate: '2028-02-01' }],
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'plan_content_invalid', field: 'steps.0.endDate' });
    expect(await planSnapshot(t.db)).toEqual(before);
  });
});

describe('plan versions', () => {
  it('should revise an accepted plan as version 2, supersede version 1 on acceptance and keep it readable', async () => {
    const { taskId, version } = await drafted();
    await w.as.coopStaff('PUT', `/tasks/${taskId}/plan/parts/${w.unit.coop}`, { version: 0, ...part });
    const v1 = (await accept(taskId, version)).plan;
    const revised = await act(w.as.staff, taskId, 'revise', v1.version);
    expect(revised).toMatchObject({
      plan: { versionNo: 2, status: 'draft', content: v1.content, rounds: [{ action: 'revise' }] },
      acceptedVersionNo: 1,
      editablePartUnitIds: [],
      canEdit: true,
    });
    expect(revised.plan.parts.map((p: { content: unknown }) => p.content)).toEqual(
      v1.parts.map((p: { content: unknown }) => p.content),
    );

    const [target, dropped] = v1.content.targets;
    const changed = await w.as.staff('PUT', `/tasks/${taskId}/plan`, {
      version: revised.plan.version,
      ...planBody(w.unit, {
        targets: [{ ...target, targetValue: 1500 }],
        milestones: [...v1.content.milestones, { date: '2027-11-30', deliverable: '竣工验收' }],
        steps: v1.content.steps,
        expectedProgress: [
          { quarter: '2027-Q1', percent: 15 },
          { quarter: '2027-Q2', percent: 45 },
          { quarter: '2027-Q3', percent: 70 },
          { quarter: '2027-Q4', percent: 100 },
        ],
      }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const v2 = (await accept(taskId, planVersion(changed))).plan;
    expect(v2).toMatchObject({ versionNo: 2, status: 'accepted' });

    const versions = (await w.as.aud('GET', `/tasks/${taskId}/plan/versions`)).json();
    expect(versions.items.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'accepted'],
      [1, 'superseded'],
    ]);
    const old = (await w.as.coopStaff('GET', `/tasks/${taskId}/plan/versions/1`)).json();
    expect(old).toMatchObject({ versionNo: 1, status: 'superseded', content: v1.content });
    expect(old.rounds.map((r: { action: string }) => r.action)).toEqual(['submit', 'approve', 'accept']);

    const diff = (await w.as.sup('GET', `/tasks/${taskId}/plan/versions/1/diff/2`)).json();
    const added = v2.content.milestones[2];
    expect(diff).toEqual({
      from: 1,
      to: 2,
      diff: {
        targets: {
          added: [],
          removed: [dropped],
          changed: [{ id: target.id, changes: [{ field: 'targetValue', old: 1200, new: 1500 }] }],
        },
        steps: { added: [], removed: [], changed: [] },
        milestones: { added: [added], removed: [], changed: [] },
        expectedProgress: { added: [], removed: [], changed: [{ quarter: '2027-Q2', old: 40, new: 45 }] },
        progressBasis: null,
        unchanged: false,
      },
    });
    expect(added).toMatchObject({ id: expect.stringMatching(/^m-/), deliverable: '竣工验收', evidenceRequired: false });
    expect((await timeline(t.db, taskId)).filter((e) => e.action === 'plan_revised')).toHaveLength(1);
    expect(await findAcceptedPlan(t.db, taskId)).toEqual({ planId: v2.id, versionNo: 2, content: v2.content });
  });

  it('should start version 2 when the lead unit saves an accepted plan, refusing a second open version', async () => {
    const { taskId, version } = await drafted();
    const v1 = (await accept(taskId, version)).plan;
    const saved = await w.as.staff('PUT', `/tasks/${taskId}/plan`, {
      version: v1.version,
      ...planBody(w.unit, { targets: v1.content.targets.slice(0, 1) }),
    });
    expect(saved.json()).toMatchObject({ plan: { versionNo: 2, status: 'draft' }, acceptedVersionNo: 1 });
    const before = await planSnapshot(t.db);
    const again = await w.as.staff('POST', `/tasks/${taskId}/plan/actions`, { action: 'revise', version: v1.version });
    expect(again.statusCode).toBe(409);
    const illegal = await w.as.staff('POST', `/tasks/${taskId}/plan/actions`, {
      action: 'revise',
      version: planVersion(saved),
    });
    expect(illegal.json()).toMatchObject({ code: 'plan_action_illegal', allowed: ['submit'] });
    expect(await planSnapshot(t.db)).toEqual(before);
  });

  it('should answer 404 for a version that does not exist and to a unit that cannot see the task', async () => {
    const { taskId } = await drafted();
    expect((await w.as.staff('GET', `/tasks/${taskId}/plan/versions/3`)).statusCode).toBe(404);
    expect((await w.as.staff('GET', `/tasks/${taskId}/plan/versions/1/diff/3`)).statusCode).toBe(404);
    expect((await w.as.otherStaff('GET', `/tasks/${taskId}/plan/versions`)).statusCode).toBe(404);
    expect((await w.as.otherStaff('GET', `/tasks/${taskId}/plan/versions/1`)).statusCode).toBe(404);
  });
});
