import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUPLICATE_SIMILARITY } from '../../shared/reports-api.js';
import { DEFAULT_REVIEW_REASONS } from '../../shared/review-api.js';
import { ROLES } from '../../shared/roles.js';
import { systemActor } from '../auth/actor.js';
import { listFilesUnder } from '../files/file-samples.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { type DemoLoadResult, loadDemo } from './demo.service.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data.js';

let t: TestApp;
let first: DemoLoadResult;
let second: DemoLoadResult;
let countsAfterFirst: { units: number; users: number; audit: number };

async function countRows(table: 'units' | 'users' | 'audit_log'): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countAll() {
  return { units: await countRows('units'), users: await countRows('users'), audit: await countRows('audit_log') };
}

async function unitIdByName(name: string, parentId: number | null = null): Promise<number> {
  let query = t.db.selectFrom('units').select('id').where('name', '=', name);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  return (await query.executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestApp();
  first = await loadDemo(t.db, { actor: systemActor('demo') });
  countsAfterFirst = await countAll();
  second = await loadDemo(t.db, { actor: systemActor('demo') });
});
afterAll(() => t.close());

describe(loadDemo.name, () => {
  it('should create about a hundred units and every demo person on an empty database', () => {
    expect(first.units.created).toBeGreaterThanOrEqual(90);
    expect(first.units.existing).toBe(0);
    expect(first.users).toMatchObject({ created: DEMO_PEOPLE.length, existing: 0 });
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(50);
  });

  it('should create nothing the second time and report everything as existing', async () => {
    expect(second.units).toEqual({ created: 0, existing: first.units.created });
    expect(second.users).toMatchObject({ created: 0, existing: first.users.created });
    expect(second.users.existingUsernames).toContain('mayor');
    expect([first.closingLoop, second.closingLoop]).toEqual([null, null]);
    expect(await countAll()).toEqual(countsAfterFirst);
  });

  it('should write an audit entry for every unit and person it created', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['unit.create', 'user.create'])
      .execute();
    const byDemo = rows.filter((row) => (JSON.parse(row.detail) as { by?: string }).by === 'demo');
    expect(byDemo).toHaveLength(first.units.created + first.users.created);
  });

  it('should put at least fifteen bureaus directly under the city government', async () => {
    const city = await unitIdByName('江川市人民政府');
    const children = await t.db.selectFrom('units').select('name').where('parent_id', '=', city).execute();
    const bureaus = children.filter((unit) => /^市.*(局|委员会)$/.test(unit.name));
    expect(bureaus.length).toBeGreaterThanOrEqual(15);
  });

  it('should give the demo people every role', async () => {
    const rows = await t.db.selectFrom('user_roles').select('role').distinct().execute();
    expect(rows.map((row) => row.role).sort()).toEqual([...ROLES].sort());
  });

  it('should let a demo leader sign in with the demo password and see the units in their charge', async () => {
    const cookie = await t.login('vice.mayor.wang', DEMO_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const city = await unitIdByName('江川市人民政府');
    const ndrc = await unitIdByName('市发展和改革委员会', city);
    const finance = await unitIdByName('市财政局', city);
    expect(me.json().roles).toEqual(['leader']);
    expect(me.json().unitsInChargeIds).toEqual(expect.arrayContaining([ndrc, finance]));
  });

  it('should set units in charge for every demo leader', async () => {
    const leaders = await t.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .leftJoin('leader_units', 'leader_units.user_id', 'users.id')
      .select(['users.username', 'leader_units.unit_id'])
      .where('user_roles.role', '=', 'leader')
      .execute();
    expect(leaders.length).toBeGreaterThan(0);
    expect(leaders.filter((row) => row.unit_id === null)).toEqual([]);
  });

  it('should keep short names and aliases as documents use them', async () => {
    const city = await unitIdByName('江川市人民政府');
    const ndrc = await t.db
      .selectFrom('units')
      .select(['short_name', 'aliases'])
      .where('parent_id', '=', city)
      .where('name', '=', '市发展和改革委员会')
      .executeTakeFirstOrThrow();
    expect(ndrc.short_name).toBe('市发改委');
    expect(JSON.parse(ndrc.aliases)).toContain('市发展改革委');
  });
});

const FOLLOW_UP_TABLES = [
  'tasks',
  'plans',
  'plan_parts',
  'plan_rounds',
  'report_periods',
  'reports',
  'report_rounds',
  'files',
  'evidence_links',
  'closure_applications',
  'closure_rounds',
  'notifications',
  'audit_log',
  'assessment_periods',
  'assessment_reviews',
  'rectifications',
  'cases',
  'case_adoptions',
  'bulletins',
  'accountability_records',
] as const;

/** The row count of every table the work report and its follow-up write to. */
async function followUpCounts(): Promise<Record<(typeof FOLLOW_UP_TABLES)[number], number>> {
  const entries = await Promise.all(
    FOLLOW_UP_TABLES.map(async (table) => {
      const row = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<(typeof FOLLOW_UP_TABLES)[number], number>;
}

async function taskIdByTitle(start: string): Promise<number> {
  return (await t.db.selectFrom('tasks').select('id').where('title', 'like', `${start}%`).executeTakeFirstOrThrow()).id;
}

describe('demo tasks', () => {
  let withTasks: DemoLoadResult;
  let again: DemoLoadResult;
  let afterFirst: Awaited<ReturnType<typeof followUpCounts>>;
  let blobsAfterFirst: string[];

  beforeAll(async () => {
    withTasks = await loadDemo(t.db, { actor: systemActor('demo'), config: t.config });
    afterFirst = await followUpCounts();
    blobsAfterFirst = await listFilesUnder(path.join(t.config.dataDir, 'files'));
    again = await loadDemo(t.db, { actor: systemActor('demo'), config: t.config });
  });

  it('should close the loop once: two periods, reviews, a rectification, two cases, a bulletin, a record', () => {
    expect(withTasks.closingLoop).toEqual({
      periods: 2,
      reviews: 4,
      rectifications: 1,
      cases: 2,
      bulletin: expect.stringMatching(/^督通〔\d{4}〕\d+号$/),
      accountability: expect.stringMatching(/^问〔\d{4}〕\d+号$/),
    });
    expect(again.closingLoop).toBeNull();
  });

  it('should freeze the stage period with results and reviews, and leave the year period a computed draft', async () => {
    const periods = await t.db.selectFrom('assessment_periods').selectAll().orderBy('id').execute();
    expect(periods.map((p) => [p.status, p.computed_hash !== null])).toEqual([
      ['frozen', true],
      ['draft', true],
    ]);
    const [stage, year] = periods;
    expect(year?.previous_period_id).toBe(stage?.id);
    const results = await t.db
      .selectFrom('assessment_results')
      .select(['unit_id', 'rank'])
      .where('period_id', '=', stage?.id as number)
      .where('role', '=', 'lead')
      .execute();
    expect(results.length).toBeGreaterThanOrEqual(5);
    const reviews = await t.db
      .selectFrom('assessment_reviews')
      .selectAll()
      .where('period_id', '=', stage?.id as number)
      .execute();
    const category = (code: string | null) => DEFAULT_REVIEW_REASONS.find((r) => r.code === code)?.category;
    const failures = reviews.filter((r) => r.reason_code !== null);
    expect(failures).toHaveLength(3);
    expect(new Set(failures.map((r) => category(r.reason_code)))).toEqual(new Set(['objective', 'subjective']));
    expect(failures.every((r) => (r.explanation ?? '').length > 20)).toBe(true);
    const exemplary = reviews.filter((r) => r.exemplary_candidate === 1);
    expect(exemplary).toEqual([expect.objectContaining({ outcome: 'done_on_time', practices: expect.any(String) })]);
  });

  it('should turn the farmland finding into a rectification task assigned to its lead unit', async () => {
    const farmland = await t.db
      .selectFrom('tasks')
      .select(['id', 'lead_unit_id'])
      .where('title', '=', '推进高标准农田建设5万亩')
      .executeTakeFirstOrThrow();
    const items = await t.db
      .selectFrom('rectifications')
      .innerJoin('tasks', 'tasks.id', 'rectifications.task_id')
      .select(['rectifications.origin_type', 'rectifications.origin_task_id', 'tasks.kind', 'tasks.status'])
      .select(['tasks.lead_unit_id', 'tasks.health_light'])
      .execute();
    expect(items).toEqual([
      {
        origin_type: 'review',
        origin_task_id: farmland.id,
        kind: 'rectification',
        status: 'assigned',
        lead_unit_id: farmland.lead_unit_id,
        health_light: expect.any(String),
      },
    ]);
  });

  it('should publish an exemplary case spread to three units (one adopted) and a negative case', async () => {
    const cases = await t.db.selectFrom('cases').select(['id', 'kind', 'status', 'to_spread']).orderBy('id').execute();
    expect(cases.map((c) => [c.kind, c.status, c.to_spread])).toEqual([
      ['exemplary', 'published', 1],
      ['negative', 'published', 0],
    ]);
    const adoptions = await t.db
      .selectFrom('case_adoptions')
      .select('status')
      .where('case_id', '=', cases[0]?.id as number)
      .execute();
    expect(adoptions.map((a) => a.status).sort()).toEqual(['adopted', 'pending', 'planned']);
  });

  it('should issue a numbered bulletin of the frozen period to the units it names', async () => {
    const bulletins = await t.db.selectFrom('bulletins').selectAll().execute();
    const stage = await t.db
      .selectFrom('assessment_periods')
      .select('id')
      .where('status', '=', 'frozen')
      .executeTakeFirstOrThrow();
    expect(bulletins).toEqual([
      expect.objectContaining({ status: 'issued', period_id: stage.id, number: withTasks.closingLoop?.bulletin }),
    ]);
    const units = await t.db.selectFrom('bulletin_units').select('mention').execute();
    expect(units.map((u) => u.mention)).toEqual(expect.arrayContaining(['commended', 'criticised']));
  });

  it('should open a record by hand against the farmland unit with evidence and its statement', async () => {
    const records = await t.db
      .selectFrom('accountability_records')
      .selectAll()
      .where('action_id', 'is', null)
      .execute();
    expect(records).toEqual([
      expect.objectContaining({
        number: withTasks.closingLoop?.accountability,
        type: 'ineffective',
        status: 'responded',
        statement: expect.stringContaining('高标准农田'),
      }),
    ]);
    const evidence = await t.db
      .selectFrom('accountability_evidence')
      .select('ref_type')
      .where('record_id', '=', records[0]?.id as number)
      .execute();
    expect(evidence.map((e) => e.ref_type)).toEqual(expect.arrayContaining(['notice', 'action']));
    const ladder = await t.db
      .selectFrom('accountability_records')
      .select('status')
      .where('action_id', 'is not', null)
      .execute();
    expect(ladder.every((r) => r.status === 'dismissed')).toBe(true);
  });

  it('should light the open tasks and show the supervision at work: the overdue task red and escalated, requests waiting', async () => {
    const farmland = await t.db
      .selectFrom('tasks')
      .select(['id', 'health_light', 'health_reasons'])
      .where('title', '=', '推进高标准农田建设5万亩')
      .executeTakeFirstOrThrow();
    expect(farmland.health_light).toBe('red');
    expect(JSON.parse(farmland.health_reasons)).toContainEqual(expect.objectContaining({ code: 'overdue' }));
    const kinds = await t.db
      .selectFrom('supervision_actions')
      .select('kind')
      .where('task_id', '=', farmland.id)
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['urge', 'notice', 'interview_proposal']));
    const unlit = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('status', 'in', ['assigned', 'in_progress', 'returned', 'closure_requested'])
      .where('health_light', 'is', null)
      .execute();
    expect(unlit).toEqual([]);
    const pending = await t.db.selectFrom('extension_requests').select(['status', 'filed_late']).execute();
    expect(pending).toEqual([{ status: 'pending_supervisor', filed_late: 1 }]);
    expect(await t.db.selectFrom('coordination_requests').select('status').execute()).toEqual([{ status: 'open' }]);
    expect(await t.db.selectFrom('instruction_targets').select('responded_at').execute()).toEqual([
      { responded_at: null },
    ]);
    expect(withTasks.tasks?.supervision.requests).toBe(3);
  });

  it('should load the work-report tasks at every stage once, with consistent roll-ups', async () => {
    expect(withTasks.tasks).toMatchObject({ created: 11, existing: false });
    expect(again.tasks).toEqual({
      created: 0,
      existing: true,
      plans: 0,
      reports: 0,
      files: 0,
      closures: 0,
      supervision: { actions: 0, requests: 0 },
    });
    const statuses = await t.db.selectFrom('tasks').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'assigned',
      'closed',
      'closure_requested',
      'draft',
      'in_progress',
    ]);
    const parent = await t.db.selectFrom('tasks').selectAll().where('child_count', '>', 0).executeTakeFirstOrThrow();
    const children = await t.db
      .selectFrom('tasks')
      .select(['progress', 'weight'])
      .where('parent_id', '=', parent.id)
      .execute();
    const expected =
      children.reduce((sum, c) => sum + c.progress * c.weight, 0) / children.reduce((s, c) => s + c.weight, 0);
    expect(parent.progress).toBeCloseTo(expected, 1);
  });

  it('should create plans, reports, files and closures once, and nothing the second time', async () => {
    expect(withTasks.tasks).toMatchObject({ plans: 7, closures: 2 });
    expect(withTasks.tasks?.reports).toBeGreaterThanOrEqual(18);
    expect(afterFirst).toMatchObject({
      plans: 8,
      reports: withTasks.tasks?.reports,
      files: withTasks.tasks?.files,
      closure_applications: 2,
    });
    expect(afterFirst.notifications).toBeGreaterThan(50);
    expect(await followUpCounts()).toEqual(afterFirst);
    expect(await listFilesUnder(path.join(t.config.dataDir, 'files'))).toEqual(blobsAfterFirst);
  });

  it('should store each evidence file once in the data dir, under its hash, as the type it claims', async () => {
    const files = await t.db.selectFrom('files').select(['sha256', 'content_type', 'original_name']).execute();
    const hashes = new Set(files.map((f) => f.sha256));
    expect(blobsAfterFirst.map((blob) => path.basename(blob)).sort()).toEqual([...hashes].sort());
    expect(new Set(files.map((f) => f.content_type))).toEqual(new Set(['application/pdf', 'image/png']));
    for (const file of files) {
      const bytes = await readFile(
        path.join(t.config.dataDir, 'files', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256),
      );
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(file.content_type === 'image/png' ? '\x89PNG' : '%PDF');
    }
  });

  it('should take plans through review: returned once, revised to version 2, one waiting for the supervision office', async () => {
    const plans = await t.db.selectFrom('plans').select(['task_id', 'version_no', 'status']).execute();
    const statuses = plans.map((p) => p.status).sort();
    expect(statuses).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'pending_supervisor',
      'superseded',
    ]);
    const projects = await taskIdByTitle('加快推进重大项目建设');
    expect(plans.filter((p) => p.task_id === projects).map((p) => [p.version_no, p.status])).toEqual(
      expect.arrayContaining([
        [1, 'superseded'],
        [2, 'accepted'],
      ]),
    );
    const returns = await t.db.selectFrom('plan_rounds').select(['reason']).where('action', '=', 'return').execute();
    expect(returns).toHaveLength(1);
    expect(returns[0]?.reason).toContain('量化指标');
    const parts = await t.db.selectFrom('plan_parts').select('plan_id').execute();
    expect(parts.length).toBeGreaterThanOrEqual(3);
  });

  it('should leave reports accepted, returned and resubmitted, flagged as duplicates, missing and waiting', async () => {
    const reports = await t.db
      .selectFrom('reports')
      .select(['id', 'task_id', 'role', 'status', 'similarity', 'late_working_days', 'percent'])
      .execute();
    const statuses = new Set(reports.map((r) => r.status));
    expect(statuses).toEqual(new Set(['accepted', 'pending_head', 'pending_supervisor']));
    expect(reports.filter((r) => r.role === 'cooperating').length).toBeGreaterThanOrEqual(4);
    expect(reports.filter((r) => (r.similarity ?? 0) >= DUPLICATE_SIMILARITY)).toHaveLength(1);
    // Submitted in their periods: on time but one, two working days late.
    expect(reports.filter((r) => (r.late_working_days ?? 0) > 0).map((r) => r.late_working_days)).toEqual([2]);
    const returned = await t.db
      .selectFrom('report_rounds')
      .select(['report_id', 'action'])
      .where(
        'report_id',
        'in',
        reports.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    const resubmitted = returned.filter((r) => r.action === 'return').map((r) => r.report_id);
    expect(resubmitted).toHaveLength(1);
    const rounds = returned.filter((r) => r.report_id === resubmitted[0]).map((r) => r.action);
    expect(rounds).toEqual(['submit', 'approve', 'return', 'submit', 'approve', 'accept']);
    const farmland = await taskIdByTitle('推进高标准农田建设');
    const leadSlots = await t.db
      .selectFrom('report_periods')
      .leftJoin('reports', 'reports.period_id', 'report_periods.id')
      .select(['report_periods.period_end', 'reports.id as report_id'])
      .where('report_periods.task_id', '=', farmland)
      .where('report_periods.role', '=', 'lead')
      .orderBy('report_periods.period_end')
      .execute();
    expect(leadSlots.map((slot) => slot.report_id !== null)).toEqual([true, false, true]);
    const links = await t.db.selectFrom('evidence_links').select('subject_type').execute();
    expect(new Set(links.map((l) => l.subject_type))).toEqual(new Set(['report', 'closure']));
  });

  it('should close one task through its accepted closure application and leave one with the supervision office', async () => {
    const applications = await t.db
      .selectFrom('closure_applications')
      .innerJoin('tasks', 'tasks.id', 'closure_applications.task_id')
      .select(['closure_applications.status', 'tasks.status as task_status', 'tasks.progress'])
      .orderBy('closure_applications.status')
      .execute();
    expect(applications).toEqual([
      { status: 'accepted', task_status: 'closed', progress: 100 },
      { status: 'pending_supervisor', task_status: 'closure_requested', progress: 100 },
    ]);
  });
});
