import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SCHEME } from '../../shared/assessment-api.js';
import { caller } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildAutumn, type Organisation } from './assessment-fixtures.js';

// Assessment periods through the API: who may do what, what a period covers, and every refusal
// (400, 403, 404, 409, 422) leaving things as they were.

let t: TestApp;
let org: Organisation;
const as = {} as Record<'sup' | 'staff' | 'leader' | 'auditor', ReturnType<typeof caller>>;

const selection = {
  sourceIds: [],
  tags: [],
  keyOnly: false,
  taskIds: [],
  handPickedOnly: false,
  includeOpenRectifications: true,
};
const autumn = { name: '2026年秋季', startsOn: '2026-09-14', endsOn: '2026-10-16', selection };

beforeAll(async () => {
  t = await createTestApp();
  org = await buildAutumn(t);
  await t.makeUser('q.sup', ['supervisor']);
  await t.makeUser('q.staff', ['unit_staff'], { unitId: org.unit.a });
  await t.makeUser('q.leader', ['leader'], { unitsInChargeIds: [org.unit.c] });
  await t.makeUser('q.auditor', ['auditor']);
  for (const who of ['sup', 'staff', 'leader', 'auditor'] as const) as[who] = caller(t, await t.login(`q.${who}`));
});
afterAll(() => t.close());

async function newPeriod(extra: object = {}): Promise<{ id: number; version: number }> {
  const res = await as.sup('POST', '/assessment/periods', { ...autumn, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('assessment access', () => {
  it('should refuse what the caller may not do, and change nothing', async () => {
    const period = await newPeriod();
    const count = async () => (await t.db.selectFrom('assessment_periods').select('id').execute()).length;
    const before = await count();
    const cases = [
      [as.staff, 'GET', '/assessment/periods', undefined, 403],
      [as.staff, 'GET', `/assessment/periods/${period.id}/results`, undefined, 403],
      [as.leader, 'POST', '/assessment/periods', autumn, 403],
      [as.auditor, 'POST', `/assessment/periods/${period.id}/compute`, undefined, 403],
      [
        as.staff,
        'PUT',
        `/assessment/periods/${period.id}/ratings`,
        { taskId: org.task.t1, unitId: org.unit.a, rating: 5, comment: '好' },
        403,
      ],
      [as.sup, 'POST', '/assessment/periods', { ...autumn, name: '' }, 400],
      [as.sup, 'POST', '/assessment/periods', { ...autumn, colour: 'red' }, 400],
      [as.sup, 'GET', '/assessment/periods/999999', undefined, 404],
      [as.sup, 'POST', '/assessment/periods', { ...autumn, previousPeriodId: 999999 }, 404],
    ] as const;
    for (const [who, method, url, body, status] of cases) {
      const res = await who(method, url, body);
      expect([method, url, res.statusCode]).toEqual([method, url, status]);
    }
    expect(await count()).toBe(before);
    for (const who of [as.leader, as.auditor])
      expect((await who('GET', `/assessment/periods/${period.id}`)).statusCode).toBe(200);
  });

  it('should refuse dates and schemes that make no sense with 422', async () => {
    const backwards = await as.sup('POST', '/assessment/periods', { ...autumn, endsOn: '2026-09-01' });
    expect([backwards.statusCode, backwards.json().code]).toEqual([422, 'period_dates_invalid']);
    const [first] = DEFAULT_SCORING_SCHEME.rules;
    const twice = await as.sup('POST', '/assessment/periods', {
      ...autumn,
      scheme: { base: 100, rules: [first, first] },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ code: 'scheme_invalid', field: 'scheme' });
    expect(twice.json().detail).toContain('duplicate rule completed_on_time');
    const perDay = await as.sup('POST', '/assessment/periods', {
      ...autumn,
      scheme: {
        base: 100,
        rules: [
          { id: 'urge_received', enabled: true, lead: -1, cooperating: 0, perWorkingDay: true, capPerTask: null },
        ],
      },
    });
    expect([perDay.statusCode, perDay.json().code]).toEqual([422, 'scheme_invalid']);
    const tooHigh = await as.sup('POST', '/assessment/periods', {
      ...autumn,
      scheme: { ...DEFAULT_SCORING_SCHEME, base: 60, floor: 60.5 },
    });
    expect([tooHigh.statusCode, tooHigh.json().code]).toEqual([422, 'scheme_invalid']);
    expect(tooHigh.json().detail).toContain('floor 60.5 above base 60');
  });

  it('should refuse freezing or rating before computing, and stale versions', async () => {
    const period = await newPeriod();
    const freeze = await as.sup('POST', `/assessment/periods/${period.id}/freeze`, { version: period.version });
    expect([freeze.statusCode, freeze.json().code]).toEqual([409, 'period_not_computed']);
    const rate = await as.sup('PUT', `/assessment/periods/${period.id}/ratings`, {
      taskId: org.task.t1,
      unitId: org.unit.a,
      rating: 4,
      comment: '好',
    });
    expect([rate.statusCode, rate.json().code]).toEqual([409, 'period_not_computed']);
    const stale = await as.sup('PATCH', `/assessment/periods/${period.id}`, {
      version: period.version + 1,
      name: '改名',
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'version_conflict']);
    await as.sup('POST', `/assessment/periods/${period.id}/compute`);
    const draftTask = await as.sup('PUT', `/assessment/periods/${period.id}/ratings`, {
      taskId: org.task.draft,
      unitId: org.unit.a,
      rating: 4,
      comment: '好',
    });
    expect(draftTask.statusCode).toBe(404);
    const notOnTask = await as.sup('PUT', `/assessment/periods/${period.id}/ratings`, {
      taskId: org.task.t5,
      unitId: org.unit.a,
      rating: 4,
      comment: '好',
    });
    expect(notOnTask.statusCode).toBe(404);
    const noScore = await as.sup('GET', `/assessment/periods/${period.id}/units/${org.unit.city}/points`);
    expect(noScore.statusCode).toBe(404);
  });
});

describe('updatePeriod', () => {
  it('should drop computed scores when what is scored changes, and delete drafts', async () => {
    const period = await newPeriod();
    const computed = (await as.sup('POST', `/assessment/periods/${period.id}/compute`)).json();
    expect(computed.taskCount).toBe(5);
    const renamed = (
      await as.sup('PATCH', `/assessment/periods/${period.id}`, { version: computed.version, name: '秋季（修订）' })
    ).json();
    expect(renamed).toMatchObject({ name: '秋季（修订）', computedHash: computed.computedHash, taskCount: 5 });
    const narrowed = await as.sup('PATCH', `/assessment/periods/${period.id}`, {
      version: renamed.version,
      selection: { ...selection, taskIds: [org.task.t1, org.task.t4], handPickedOnly: true },
    });
    expect(narrowed.json()).toMatchObject({ computedAt: null, computedHash: null, taskCount: 0 });
    const recomputed = (await as.sup('POST', `/assessment/periods/${period.id}/compute`)).json();
    expect(recomputed.taskCount).toBe(2);
    expect((await as.sup('DELETE', `/assessment/periods/${period.id}`)).statusCode).toBe(204);
    expect((await as.sup('GET', `/assessment/periods/${period.id}`)).statusCode).toBe(404);
  });

  it('should carry over open rectifications and inherit the previous scheme', async () => {
    const scheme = { base: 90, rules: DEFAULT_SCORING_SCHEME.rules.slice(0, 3) };
    const previous = await newPeriod({
      scheme,
      selection: { ...selection, taskIds: [org.task.t1], handPickedOnly: true },
    });
    // T5 becomes a rectification item, open since before the next period starts.
    await t.db.updateTable('tasks').set({ kind: 'rectification' }).where('id', '=', org.task.t5).execute();
    const next = await newPeriod({
      previousPeriodId: previous.id,
      selection: { ...selection, taskIds: [org.task.t1], handPickedOnly: true },
    });
    const computed = (await as.sup('POST', `/assessment/periods/${next.id}/compute`)).json();
    expect(computed).toMatchObject({ taskCount: 2, previousPeriodId: previous.id, scheme: { base: 90 } });
    await as.sup('POST', `/assessment/periods/${previous.id}/compute`);
    const trend = await as.leader('GET', `/assessment/trend?unitId=${org.unit.a}`);
    expect(trend.statusCode).toBe(200);
    expect(trend.json().items.length).toBeGreaterThanOrEqual(2);
    await t.db.updateTable('tasks').set({ kind: 'task' }).where('id', '=', org.task.t5).execute();
  });
});

describe('scheme floor (扣完为止)', () => {
  it('should stop a score at the floor, explain the deductions past it, and read old schemes as no floor', async () => {
    // C's lead deductions come to −6.5 (assessment.test.ts): from a base of 2 that is −4.5 → 0.
    const { floor: _floor, ...withoutFloor } = DEFAULT_SCORING_SCHEME;
    const period = await newPeriod({ scheme: { ...withoutFloor, base: 2 } });
    expect((await as.sup('GET', `/assessment/periods/${period.id}`)).json().scheme).toMatchObject({ floor: 0 });
    await as.sup('POST', `/assessment/periods/${period.id}/compute`);
    const explain = async () =>
      (await as.sup('GET', `/assessment/periods/${period.id}/units/${org.unit.c}/points?role=lead`)).json();
    const floored = await explain();
    expect(floored).toMatchObject({ score: 0, base: 2, floor: 0, unclampedScore: -4.5, floored: true });
    expect(floored.items).toHaveLength(4);
    const lead = (await as.sup('GET', `/assessment/periods/${period.id}/results?role=lead`)).json().items;
    expect(lead.find((r: { unitId: number }) => r.unitId === org.unit.c)).toMatchObject({ score: 0 });
    // A period stored before floors existed (no key) keeps scoring without one.
    await t.db
      .updateTable('assessment_periods')
      .set({ scheme: JSON.stringify({ ...withoutFloor, base: 2 }) })
      .where('id', '=', period.id)
      .execute();
    await as.sup('POST', `/assessment/periods/${period.id}/compute`);
    expect(await explain()).toMatchObject({ score: -4.5, floor: null, unclampedScore: -4.5, floored: false });
  });
});
