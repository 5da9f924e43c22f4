import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The combined review queue: each caller sees what waits for their decision — the supervision
// office what was sent up to it, a unit head what their unit submitted, a leader the closures to
// confirm — across plans, reports and closure applications, newest first, with filters.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0 };
type Who = 'sup' | 'aHead' | 'bHead' | 'aStaff' | 'aLeader' | 'bLeader' | 'aud' | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
const task = { t1: 0, t2: 0, t3: 0 };
/** Item keys (`kind:id`) by name, in the order they reached their status (oldest first). */
const item = {} as Record<string, string>;

let clock = 0;
/** Distinct, increasing timestamps so the order is known. */
function tick(): string {
  clock += 1;
  return new Date(Date.UTC(2026, 2, 1, 8, 0, clock)).toISOString();
}

async function plan(name: string, taskId: number, status: string) {
  const at = tick();
  const row = await t.db
    .insertInto('plans')
    .values({
      task_id: taskId,
      version_no: 1,
      status,
      content: '{}',
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
      submitted_at: at,
      decided_at: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  item[name] = `plan:${row.id}`;
}

async function report(
  name: string,
  taskId: number,
  unitId: number,
  status: string,
  extra: { late?: number; similarity?: number } = {},
) {
  const at = tick();
  const period = await t.db
    .insertInto('report_periods')
    .values({
      task_id: taskId,
      unit_id: unitId,
      role: 'lead',
      period_start: '2026-02-01',
      period_end: '2026-02-28',
      due_date: '2026-03-04',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await t.db
    .insertInto('reports')
    .values({
      period_id: period.id,
      task_id: taskId,
      unit_id: unitId,
      role: 'lead',
      period_end: '2026-02-28',
      status,
      done_text: '完成堤防加固',
      problems: '',
      next_steps: '',
      coordination: '',
      percent: 50,
      target_values: '{}',
      milestones_done: '[]',
      explanation: null,
      norm_length: null,
      similarity: extra.similarity ?? null,
      similar_report_id: null,
      submitted_at: at,
      late_working_days: extra.late ?? 0,
      version: 1,
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  item[name] = `report:${row.id}`;
}

async function closure(name: string, taskId: number, unitId: number, status: string) {
  const at = tick();
  const row = await t.db
    .insertInto('closure_applications')
    .values({
      task_id: taskId,
      unit_id: unitId,
      status,
      summary: '已完成',
      target_results: '[]',
      version: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      decided_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  item[name] = `closure:${row.id}`;
}

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市水务局', unit.city)).id;
  unit.b = (await t.makeUnit('市农业农村局', unit.city)).id;
  await t.makeUser('r.sup', ['supervisor']);
  await t.makeUser('r.ahead', ['unit_head'], { unitId: unit.a });
  await t.makeUser('r.bhead', ['unit_head'], { unitId: unit.b });
  await t.makeUser('r.astaff', ['unit_staff'], { unitId: unit.a });
  await t.makeUser('r.aleader', ['leader'], { unitsInChargeIds: [unit.a] });
  await t.makeUser('r.bleader', ['leader'], { unitsInChargeIds: [unit.b] });
  await t.makeUser('r.aud', ['auditor']);
  const logins: Record<Who, string> = {
    sup: 'r.sup',
    aHead: 'r.ahead',
    bHead: 'r.bhead',
    aStaff: 'r.astaff',
    aLeader: 'r.aleader',
    bLeader: 'r.bleader',
    aud: 'r.aud',
    admin: 'admin',
  };
  for (const who of Object.keys(logins) as Who[]) as[who] = caller(t, await t.login(logins[who]));

  task.t1 = (await makeTask(t, { title: '重点防洪工程', leadUnitId: unit.a, isKey: true, deadline: '2020-12-31' })).id;
  task.t2 = (await makeTask(t, { title: '高标准农田建设', leadUnitId: unit.b, deadline: '2099-12-31' })).id;
  task.t3 = (
    await makeTask(t, { title: '城区排水改造', leadUnitId: unit.a, cooperatingUnits: [{ unitId: unit.b }] })
  ).id;

  await plan('planT1', task.t1, 'pending_supervisor');
  await plan('planT2', task.t2, 'pending_head');
  await plan('planT3', task.t3, 'pending_head');
  await report('reportT1', task.t1, unit.a, 'pending_supervisor', { late: 3, similarity: 0.95 });
  await report('reportT2', task.t2, unit.b, 'pending_supervisor', { similarity: 0.2 });
  await report('reportT3', task.t3, unit.a, 'pending_head');
  await report('reportT3b', task.t3, unit.b, 'pending_head');
  await report('draftT2', task.t2, unit.a, 'draft');
  await closure('closureT2', task.t2, unit.b, 'pending_supervisor');
  await closure('closureT1', task.t1, unit.a, 'pending_leader');
  await closure('closureT3', task.t3, unit.a, 'accepted');
});
afterAll(() => t.close());

async function keys(who: Who, query = ''): Promise<string[]> {
  const res = await as[who]('GET', `/reviews${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { kind: string; id: number }) => `${i.kind}:${i.id}`);
}

/** The named items, newest first (the queue's order). */
function newestFirst(...names: string[]): string[] {
  return Object.keys(item)
    .filter((name) => names.includes(name))
    .reverse()
    .map((name) => item[name] as string);
}

describe('GET /reviews', () => {
  it('should show the supervision office everything sent up to it, newest first', async () => {
    const expected = newestFirst('planT1', 'reportT1', 'reportT2', 'closureT2');
    expect(await keys('sup')).toEqual(expected);
    expect(await keys('admin')).toEqual(expected);
  });

  it('should show a unit head only what their own unit submitted, and a leader the closures they confirm', async () => {
    expect(await keys('aHead')).toEqual(newestFirst('planT3', 'reportT3'));
    expect(await keys('bHead')).toEqual(newestFirst('planT2', 'reportT3b'));
    expect(await keys('aLeader')).toEqual(newestFirst('closureT1'));
    expect(await keys('bLeader')).toEqual([]);
    expect(await keys('aStaff')).toEqual([]);
    expect(await keys('aud')).toEqual([]);
  });

  it('should describe each item with its task, unit and flags', async () => {
    const res = await as.sup('GET', '/reviews?kind=report&flagged=true');
    expect(res.json().items).toEqual([
      {
        kind: 'report',
        id: Number(item.reportT1?.split(':')[1]),
        status: 'pending_supervisor',
        task: { id: task.t1, number: expect.any(String), title: '重点防洪工程', isKey: true, deadline: '2020-12-31' },
        unit: { id: unit.a, name: '市水务局' },
        submittedAt: expect.any(String),
        updatedAt: expect.any(String),
        late: true,
        lateWorkingDays: 3,
        flagged: true,
        similarity: 0.95,
        periodEnd: '2026-02-28',
      },
    ]);
  });

  it('should filter by kind, unit, key task, lateness and the duplicate flag', async () => {
    expect(await keys('sup', 'kind=plan')).toEqual(newestFirst('planT1'));
    expect(await keys('sup', 'kind=closure')).toEqual(newestFirst('closureT2'));
    expect(await keys('sup', `unitId=${unit.b}`)).toEqual(newestFirst('reportT2', 'closureT2'));
    expect(await keys('sup', 'key=true')).toEqual(newestFirst('planT1', 'reportT1'));
    expect(await keys('sup', 'key=false')).toEqual(newestFirst('reportT2', 'closureT2'));
    expect(await keys('sup', 'late=true')).toEqual(newestFirst('planT1', 'reportT1'));
    expect(await keys('sup', 'late=false')).toEqual(newestFirst('reportT2', 'closureT2'));
    expect(await keys('sup', 'flagged=true')).toEqual(newestFirst('reportT1'));
    expect(await keys('sup', 'flagged=false')).toEqual(newestFirst('planT1', 'reportT2', 'closureT2'));
    expect(await keys('aHead', 'kind=report')).toEqual(newestFirst('reportT3'));
  });

  it('should page with a cursor through the same order, and refuse a forged one', async () => {
    const all = await keys('sup');
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as.sup('GET', `/reviews?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      walked.push(...body.items.map((i: { kind: string; id: number }) => `${i.kind}:${i.id}`));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
    const forged = Buffer.from(JSON.stringify(['x', 'task', 1])).toString('base64url');
    const res = await as.sup('GET', `/reviews?cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });

  it('should refuse unknown filters and values with 400', async () => {
    for (const query of ['kind=task', 'late=yes', 'unitId=0', 'status=pending_head', 'limit=500']) {
      const res = await as.sup('GET', `/reviews?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});
