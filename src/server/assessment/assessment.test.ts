import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildAutumn, type Organisation } from './assessment-fixtures.js';

// Assessment (考核) through the API on a small organisation over a period with holidays (see
// assessment-fixtures.ts), scored by the default scheme and checked against a table computed by
// hand. The same data gives the same fingerprint on SQLite and PostgreSQL (a constant below), and
// a frozen period keeps its scores when tasks change afterwards.

let t: TestApp;
let org: Organisation;
const as = {} as Record<'sup' | 'staff' | 'leader' | 'auditor', ReturnType<typeof caller>>;
let periodId = 0;

/** The fingerprint of the hand-computed scoring below; equal on both dialects. */
const EXPECTED_HASH = 'b1a60fbb6c564120d21b892b93720dbfb928870b53d4c27b4897aba06359d709';

const selection = {
  sourceIds: [],
  tags: [],
  keyOnly: false,
  taskIds: [],
  handPickedOnly: false,
  includeOpenRectifications: true,
};

beforeAll(async () => {
  t = await createTestApp();
  org = await buildAutumn(t);
  await t.makeUser('p.sup', ['supervisor']);
  await t.makeUser('p.staff', ['unit_staff'], { unitId: org.unit.a });
  await t.makeUser('p.leader', ['leader'], { unitsInChargeIds: [org.unit.c] });
  await t.makeUser('p.auditor', ['auditor']);
  for (const who of ['sup', 'staff', 'leader', 'auditor'] as const) as[who] = caller(t, await t.login(`p.${who}`));
  const res = await as.sup('POST', '/assessment/periods', {
    name: '2026年秋季考核',
    startsOn: '2026-09-14',
    endsOn: '2026-10-16',
    selection,
  });
  expect(res.statusCode).toBe(201);
  periodId = res.json().id;
});
afterAll(() => t.close());

const table = (items: Array<{ unitId: number; score: number; rank: number; taskCount: number }>) =>
  items.map(({ unitId, score, rank, taskCount }) => ({ unitId, score, rank, taskCount }));

describe('computePeriod', () => {
  it('should score the organisation exactly as computed by hand', async () => {
    const res = await as.sup('POST', `/assessment/periods/${periodId}/compute`);
    expect(res.statusCode).toBe(200);
    // Members: T1–T5 (open in the period); not the task closed on Sep 10, not the draft.
    // T1 closed Sep 29 ≤ Sep 30; T3 closed Oct 12 = its extended deadline; T2 closed Oct 9 > Sep 24.
    expect(res.json()).toMatchObject({ taskCount: 5, outcomes: { done_on_time: 2, done_late: 1, not_done: 2 } });
    const { a, b, c, d } = org.unit;
    // Lead units (default scheme, base 100):
    // A: T1 on time +1; T2 late 5 working days (Sep 28, 29, 30, Oct 8, 9 — 中秋 and 国庆 off) × −0.2
    //    = −1; T2's report due Sep 15 sent Sep 18 (late) −0.5            → 100 + 1 − 1 − 0.5 = 99.5
    // B: T3 on time +1 (extended deadline Oct 12); extension approved Sep 17 −0.5; report due Sep 30
    //    sent Oct 8 (late) −0.5; that report returned Oct 9 −0.5         → 100 + 1 − 1.5     = 99.5
    // C: T4 open, due Oct 9, overdue 6 working days at Oct 16 (Sat Oct 10 is a make-up working day,
    //    then Oct 12–16) × −0.5 = −3; red light −2; urge Oct 12 −0.5; report due Oct 9 missing −1
    //                                                                      → 100 − 6.5         = 93.5
    // D: T5 moved by hand to Oct 30 without an extension: judged by Oct 13, overdue Oct 14, 15, 16
    //    = 3 × −0.5 = −1.5; amber light −1                                 → 100 − 2.5         = 97.5
    // A and B tie at 99.5: rank 1 both (A first, lower id); D 3; C 4.
    const lead = await as.sup('GET', `/assessment/periods/${periodId}/results?role=lead`);
    expect(table(lead.json().items)).toEqual([
      { unitId: a, score: 99.5, rank: 1, taskCount: 2 },
      { unitId: b, score: 99.5, rank: 1, taskCount: 1 },
      { unitId: d, score: 97.5, rank: 3, taskCount: 1 },
      { unitId: c, score: 93.5, rank: 4, taskCount: 1 },
    ]);
    // Cooperating units:
    // A: T3 on time +0.5                                                  → 100.5
    // B: T1 on time +0.5; its Oct 15 report flagged as a near-copy −1     → 99.5
    // C: T2 late 5 working days × −0.1 = −0.5 (its own report on time: rule disabled) → 99.5
    // D: T4 overdue 6 working days × −0.2 = −1.2 (lights cost cooperating units nothing) → 98.8
    const cooperating = await as.sup('GET', `/assessment/periods/${periodId}/results?role=cooperating`);
    expect(table(cooperating.json().items)).toEqual([
      { unitId: a, score: 100.5, rank: 1, taskCount: 1 },
      { unitId: b, score: 99.5, rank: 2, taskCount: 1 },
      { unitId: c, score: 99.5, rank: 2, taskCount: 1 },
      { unitId: d, score: 98.8, rank: 4, taskCount: 1 },
    ]);
  });

  it('should give the same fingerprint on both dialects and on every computation', async () => {
    const first = (await as.sup('GET', `/assessment/periods/${periodId}`)).json();
    const again = (await as.sup('POST', `/assessment/periods/${periodId}/compute`)).json();
    expect(again.computedHash).toBe(first.computedHash);
    expect(first.computedHash).toBe(EXPECTED_HASH);
  });

  it('should explain a score line by line with the fact behind each point', async () => {
    const res = await as.leader('GET', `/assessment/periods/${periodId}/units/${org.unit.c}/points?role=lead`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ unitId: org.unit.c, role: 'lead', score: 93.5, base: 100 });
    expect(body).toMatchObject({ floor: 0, unclampedScore: 93.5, floored: false });
    const lines = body.items.map(
      (i: { ruleId: string; points: number; refType: string; taskTitle: string; occurredOn: string }) => [
        i.ruleId,
        i.points,
        i.refType,
        i.taskTitle,
        i.occurredOn,
      ],
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        ['open_overdue', -3, 'task', '社区医院建设', '2026-10-16'],
        ['light_red', -2, 'task', '社区医院建设', '2026-10-16'],
        ['report_missing', -1, 'report_period', '社区医院建设', '2026-10-09'],
        ['urge_received', -0.5, 'action', '社区医院建设', '2026-10-12'],
      ]),
    );
    expect(lines).toHaveLength(4);
    const onlyUrges = await as.sup(
      'GET',
      `/assessment/periods/${periodId}/units/${org.unit.c}/points?role=lead&ruleId=urge_received`,
    );
    expect(onlyUrges.json().items).toHaveLength(1);
    const overdue = body.items.find((i: { ruleId: string }) => i.ruleId === 'open_overdue');
    expect(overdue.detail).toMatchObject({ deadline: '2026-10-09', workingDays: 6 });
  });
});

describe('rateUnit', () => {
  it('should count supervisors’ and leaders’ ratings at the next computation', async () => {
    const { t1, t4 } = org.task;
    const bySup = await as.sup('PUT', `/assessment/periods/${periodId}/ratings`, {
      taskId: t1,
      unitId: org.unit.a,
      rating: 5,
      comment: '方案扎实，群众满意',
    });
    expect(bySup.statusCode).toBe(200);
    const byLeader = await as.leader('PUT', `/assessment/periods/${periodId}/ratings`, {
      taskId: t4,
      unitId: org.unit.c,
      rating: 1,
      comment: '进度严重滞后',
    });
    expect(byLeader.statusCode).toBe(200);
    // A leader rates only units in their charge (C here), not A.
    const outOfCharge = await as.leader('PUT', `/assessment/periods/${periodId}/ratings`, {
      taskId: t1,
      unitId: org.unit.a,
      rating: 1,
      comment: '越权评价',
    });
    expect(outOfCharge.statusCode).toBe(403);
    const list = await as.auditor('GET', `/assessment/periods/${periodId}/ratings?taskId=${t4}`);
    expect(list.json().items).toMatchObject([{ unitId: org.unit.c, rating: 1, raterName: 'p.leader' }]);

    await as.sup('POST', `/assessment/periods/${periodId}/compute`);
    // A: 99.5 + (5 − 3) × 0.5 = 100.5; C: 93.5 + (1 − 3) × 0.5 = 92.5.
    const lead = await as.sup('GET', `/assessment/periods/${periodId}/results?role=lead`);
    expect(table(lead.json().items)).toEqual([
      { unitId: org.unit.a, score: 100.5, rank: 1, taskCount: 2 },
      { unitId: org.unit.b, score: 99.5, rank: 2, taskCount: 1 },
      { unitId: org.unit.d, score: 97.5, rank: 3, taskCount: 1 },
      { unitId: org.unit.c, score: 92.5, rank: 4, taskCount: 1 },
    ]);
  });
});

describe('freezePeriod', () => {
  it('should keep a frozen period’s scores when its tasks change afterwards', async () => {
    const period = (await as.sup('GET', `/assessment/periods/${periodId}`)).json();
    const stale = await as.sup('POST', `/assessment/periods/${periodId}/freeze`, { version: period.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const frozen = await as.sup('POST', `/assessment/periods/${periodId}/freeze`, { version: period.version });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json()).toMatchObject({ status: 'frozen', frozenByName: 'p.sup', computedHash: period.computedHash });

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'assessment.freeze')
      .where('object_id', '=', String(periodId))
      .executeTakeFirstOrThrow();
    const detail = JSON.parse(audit.detail);
    expect(detail.hash).toBe(period.computedHash);
    expect(detail.leagueTables.lead.table[0]).toMatchObject({ rank: 1, unitId: org.unit.a, score: 100.5 });

    const read = async () => ({
      lead: (await as.sup('GET', `/assessment/periods/${periodId}/results?role=lead`)).json().items,
      cooperating: (await as.sup('GET', `/assessment/periods/${periodId}/results?role=cooperating`)).json().items,
      points: (await as.sup('GET', `/assessment/periods/${periodId}/units/${org.unit.c}/points`)).json().items,
    });
    const before = await read();
    // T4 gets a new deadline through the API, then is closed on time by it.
    const task = await t.db.selectFrom('tasks').selectAll().where('id', '=', org.task.t4).executeTakeFirstOrThrow();
    const edit = await as.sup('PATCH', `/tasks/${org.task.t4}`, {
      version: task.version,
      deadline: '2026-12-20',
      reason: '调整',
    });
    expect(edit.statusCode).toBe(200);
    await t.db
      .updateTable('tasks')
      .set({ status: 'closed', closed_at: '2026-10-15T02:00:00.000Z', health_light: null })
      .where('id', '=', org.task.t4)
      .execute();
    expect(await read()).toEqual(before);

    for (const [method, url, body] of [
      ['POST', `/assessment/periods/${periodId}/compute`, undefined],
      ['PATCH', `/assessment/periods/${periodId}`, { version: frozen.json().version, name: '改名' }],
      ['DELETE', `/assessment/periods/${periodId}`, undefined],
      [
        'PUT',
        `/assessment/periods/${periodId}/ratings`,
        { taskId: org.task.t1, unitId: org.unit.a, rating: 3, comment: '冻结后' },
      ],
    ] as const) {
      const res = await as.sup(method, url, body);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 409, 'period_frozen']);
    }
  });
});
