import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskOutcome } from '../../shared/assessment-api.js';
import { DEFAULT_SCORING_SCHEME } from '../../shared/assessment-api.js';
import type { ReviewItem, ReviewWorksheet } from '../../shared/review-api.js';
import { nowIso } from '../db/connect.js';
import { caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The item-by-item review (逐项分析) through the API on a real database. Periods and their tasks are
// inserted directly (as a computation would leave them), so these tests do not depend on scoring.

let t: TestApp;
const unit = { a: 0, b: 0 };
type Who = 'sup' | 'leader' | 'auditor' | 'staff' | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let auditorCookie = '';
let period = 0;
const task = { late: 0, undone: 0, onTime: 0, other: 0 };

/** A period as H1's compute leaves it: computed (unless told), with its tasks and their outcomes. */
async function makePeriod(
  outcomes: Array<[number, TaskOutcome]>,
  fields: { computed?: boolean; status?: string } = {},
) {
  const at = nowIso();
  const row = await t.db
    .insertInto('assessment_periods')
    .values({
      name: '2026年上半年',
      starts_on: '2026-01-01',
      ends_on: '2026-06-30',
      selection: JSON.stringify({ taskIds: [] }),
      scheme: JSON.stringify(DEFAULT_SCORING_SCHEME),
      status: fields.status ?? 'draft',
      computed_at: fields.computed === false ? null : at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (outcomes.length > 0) {
    const values = outcomes.map(([taskId, outcome]) => ({ period_id: row.id, task_id: taskId, outcome }));
    await t.db.insertInto('assessment_tasks').values(values).execute();
  }
  return row.id;
}

function expectOk(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
}

const review = (taskId: number, body: object, periodId = period) =>
  as.sup('PUT', `/assessment/periods/${periodId}/review/${taskId}`, { version: 0, ...body });

async function worksheet(query = '', who: Who = 'sup'): Promise<ReviewWorksheet> {
  return expectOk(await as[who]('GET', `/assessment/periods/${period}/review${query}`));
}

beforeAll(async () => {
  t = await createTestApp();
  unit.a = (await t.makeUnit('市住房城乡建设局')).id;
  unit.b = (await t.makeUnit('市自然资源局')).id;
  const users: Record<Exclude<Who, 'admin'>, number> = {
    sup: await t.makeUser('r.sup', ['supervisor']),
    leader: await t.makeUser('r.leader', ['leader'], { unitsInChargeIds: [unit.a] }),
    auditor: await t.makeUser('r.auditor', ['auditor']),
    staff: await t.makeUser('r.staff', ['unit_staff'], { unitId: unit.a }),
  };
  for (const who of Object.keys(users) as Array<keyof typeof users>) as[who] = caller(t, await t.login(`r.${who}`));
  auditorCookie = await t.login('r.auditor');
  as.admin = caller(t, await t.login('admin'));
  task.late = (await makeTask(t, { title: '老旧小区改造', leadUnitId: unit.a, deadline: '2026-03-31' })).id;
  task.undone = (await makeTask(t, { title: '城市内涝治理', leadUnitId: unit.a })).id;
  task.onTime = (await makeTask(t, { title: '口袋公园建设', leadUnitId: unit.b })).id;
  task.other = (await makeTask(t, { title: '不动产登记提速', leadUnitId: unit.b })).id;
  period = await makePeriod([
    [task.onTime, 'done_on_time'],
    [task.late, 'done_late'],
    [task.undone, 'not_done'],
    [task.other, 'not_done'],
  ]);
});
afterAll(() => t.close());

describe('GET /assessment/periods/:id/review', () => {
  it('should list every task of the period by task number with its computed outcome and lead unit', async () => {
    const sheet = await worksheet();
    expect(sheet.period).toMatchObject({ id: period, name: '2026年上半年', status: 'draft' });
    expect(sheet.canEdit).toBe(true);
    expect(sheet.items.map((item) => item.taskId)).toEqual([task.late, task.undone, task.onTime, task.other]);
    expect(sheet.items[0]).toMatchObject({
      taskTitle: '老旧小区改造',
      leadUnit: { id: unit.a, name: '市住房城乡建设局' },
      computedOutcome: 'done_late',
      deadline: '2026-03-31',
      review: null,
    });
  });

  it('should answer 409 period_not_computed before the first computation, and 404 for a missing period', async () => {
    const draft = await makePeriod([], { computed: false });
    expectProblem(await as.sup('GET', `/assessment/periods/${draft}/review`), 409, 'period_not_computed');
    expectProblem(await as.sup('GET', '/assessment/periods/999999/review'), 404, 'not_found');
  });

  it('should let leaders and auditors read, and refuse unit staff (403)', async () => {
    expect((await worksheet('', 'leader')).canEdit).toBe(false);
    expect((await worksheet('', 'auditor')).items).toHaveLength(4);
    expectProblem(await as.staff('GET', `/assessment/periods/${period}/review`), 403, 'forbidden');
    expectProblem(await as.staff('GET', `/assessment/periods/${period}/review/summary`), 403, 'forbidden');
  });

  it('should answer 200+ tasks in one answer, in task-number order', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 210; i++) ids.push((await makeTask(t, { title: `批量事项${i}`, leadUnitId: unit.b })).id);
    const big = await makePeriod(ids.map((id) => [id, 'not_done'] as [number, TaskOutcome]));
    const sheet: ReviewWorksheet = expectOk(await as.sup('GET', `/assessment/periods/${big}/review`));
    expect(sheet.total).toBe(210);
    expect(sheet.items.map((item) => item.taskId)).toEqual(ids);
  });
});

describe('PUT /assessment/periods/:id/review/:taskId', () => {
  it('should classify a late task with a reason and explanation, defaulting the outcome, and audit it', async () => {
    const item: ReviewItem = expectOk(await review(task.late, { reasonCode: 'funding', explanation: '资金下达晚' }));
    expect(item.review).toMatchObject({
      outcome: 'done_late',
      reasonCode: 'funding',
      explanation: '资金下达晚',
      version: 1,
    });
    expect(item.review?.reviewedByName).toBe('r.sup');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'assessment.review').execute();
    expect(audit.map((entry) => entry.object_id)).toContain(String(period));
    const sheet = await worksheet('?reviewed=true');
    expect(sheet.items.map((i) => i.taskId)).toEqual([task.late]);
    expect(sheet.reviewed).toBe(1);
  });

  it('should require a reason and an explanation for a late or undone task (422)', async () => {
    expectProblem(await review(task.undone, { explanation: '说明' }), 422, 'review_reason_required');
    const res = await review(task.undone, { reasonCode: 'inaction', explanation: '  ' });
    expectProblem(res, 422, 'review_reason_required');
    expect(res.json().field).toBe('explanation');
  });

  it('should refuse a reason not in the list (422 review_reason_unknown)', async () => {
    const res = await review(task.undone, { reasonCode: 'weather', explanation: '说明' });
    expectProblem(res, 422, 'review_reason_unknown');
    expect(res.json().detail).toContain('weather');
  });

  it('should keep practices and the exemplary flag for a task done on time, and no reason', async () => {
    const body = { practices: '周调度、月通报', exemplaryCandidate: true, reasonCode: 'funding', explanation: 'x' };
    const item: ReviewItem = expectOk(await review(task.onTime, body));
    expect(item.review).toMatchObject({
      outcome: 'done_on_time',
      practices: '周调度、月通报',
      exemplaryCandidate: true,
    });
    expect(item.review?.reasonCode).toBeNull();
  });

  it('should refuse a stale version (409 version_conflict) and accept the current one', async () => {
    expectOk(await review(task.undone, { reasonCode: 'inaction', explanation: '推诿' }));
    expectProblem(
      await review(task.undone, { reasonCode: 'execution', explanation: '推进慢' }),
      409,
      'version_conflict',
    );
    const item: ReviewItem = expectOk(
      await review(task.undone, { reasonCode: 'execution', explanation: '推进慢', version: 1 }),
    );
    expect(item.review).toMatchObject({ reasonCode: 'execution', version: 2 });
  });

  it('should let an outcome be overridden, filtered by outcome and unit', async () => {
    expectOk(await review(task.other, { outcome: 'done_late', reasonCode: 'approvals', explanation: '审批滞后' }));
    const late = await worksheet('?outcome=done_late');
    expect(late.items.map((i) => i.taskId)).toEqual([task.late, task.other]);
    const ofB = await worksheet(`?unitId=${unit.b}&outcome=done_late`);
    expect(ofB.items.map((i) => i.taskId)).toEqual([task.other]);
  });

  it('should refuse leaders (403), a task outside the period (404) and a frozen period (409 period_frozen)', async () => {
    const res = await as.leader('PUT', `/assessment/periods/${period}/review/${task.late}`, { version: 1 });
    expectProblem(res, 403, 'forbidden');
    const outside = (await makeTask(t, { title: '期外事项', leadUnitId: unit.a })).id;
    expectProblem(await review(outside, {}), 404, 'not_found');
    const frozen = await makePeriod([[task.late, 'done_late']], { status: 'frozen' });
    expectProblem(
      await review(task.late, { reasonCode: 'funding', explanation: '说明' }, frozen),
      409,
      'period_frozen',
    );
    expect(await t.db.selectFrom('assessment_reviews').selectAll().where('period_id', '=', frozen).execute()).toEqual(
      [],
    );
  });
});

describe('GET /assessment/periods/:id/review/summary', () => {
  it('should count outcomes, reviewed vs total, reasons and categories', async () => {
    const summary = expectOk(await as.leader('GET', `/assessment/periods/${period}/review/summary`));
    expect(summary).toMatchObject({ total: 4, reviewed: 4, exemplaryCandidates: 1 });
    expect(summary.outcomes).toEqual({ done_on_time: 1, done_late: 2, not_done: 1 });
    expect(summary.categories).toEqual({ objective: 2, subjective: 1 });
    const counts = Object.fromEntries(summary.reasons.map((r: { code: string; count: number }) => [r.code, r.count]));
    expect(counts).toMatchObject({ funding: 1, approvals: 1, execution: 1, inaction: 0 });
    expect(summary.reasons.find((r: { code: string }) => r.code === 'funding').label).toBe('资金不到位');
  });

  it('should count only tasks still in the period after a recomputation, labelled in the caller’s language', async () => {
    const other = await makePeriod([
      [task.late, 'done_late'],
      [task.undone, 'not_done'],
    ]);
    expectOk(await review(task.late, { reasonCode: 'policy', explanation: '政策调整' }, other));
    expectOk(await review(task.undone, { reasonCode: 'capacity', explanation: '能力不足' }, other));
    await t.db
      .deleteFrom('assessment_tasks')
      .where('period_id', '=', other)
      .where('task_id', '=', task.undone)
      .execute();
    const url = `/assessment/periods/${other}/review/summary`;
    const headers = { cookie: auditorCookie, 'accept-language': 'en' };
    const summary = expectOk(await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers }));
    expect(summary).toMatchObject({ total: 1, reviewed: 1, categories: { objective: 1, subjective: 0 } });
    expect(summary.reasons.find((r: { code: string }) => r.code === 'policy')).toMatchObject({
      count: 1,
      label: 'Policy change',
    });
  });
});

describe('/review-reasons', () => {
  it('should offer the default list to anyone signed in', async () => {
    const list = expectOk(await as.staff('GET', '/review-reasons'));
    expect(list.version).toBe(1);
    expect(list.reasons.map((r: { code: string }) => r.code)).toContain('coordination');
  });

  it('should let supervision archive a code in use but not remove it, version-checked', async () => {
    const list = expectOk(await as.sup('GET', '/review-reasons'));
    const withoutFunding = list.reasons.filter((r: { code: string }) => r.code !== 'funding');
    const removed = await as.sup('PUT', '/review-reasons', { reasons: withoutFunding, version: list.version });
    expectProblem(removed, 400, 'validation_failed');
    const archived = list.reasons.map((r: { code: string }) => (r.code === 'funding' ? { ...r, archived: true } : r));
    expectProblem(await as.staff('PUT', '/review-reasons', { reasons: archived, version: 1 }), 403, 'forbidden');
    const saved = expectOk(await as.sup('PUT', '/review-reasons', { reasons: archived, version: list.version }));
    expect(saved.version).toBe(list.version + 1);
    expectProblem(
      await as.sup('PUT', '/review-reasons', { reasons: archived, version: list.version }),
      409,
      'version_conflict',
    );
    // An archived reason is offered no more, but a review already holding it may keep it.
    expectProblem(
      await review(task.undone, { reasonCode: 'funding', explanation: '说明', version: 2 }),
      422,
      'review_reason_unknown',
    );
    expectOk(await review(task.late, { reasonCode: 'funding', explanation: '资金下达晚', version: 1 }));
  });
});
