import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import { DEFAULT_SCORING_SCHEME } from '../../shared/assessment-api.js';
import type { Bulletin, BulletinContent } from '../../shared/bulletins-api.js';
import { nowIso } from '../db/connect.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Bulletins (通报) through the API on a real database. Periods, results, reviews and cases are
// inserted directly (the assessment's own computation is not under test here): generating from a
// period and from a date, editing, issuing under consecutive numbers, who sees what and is told,
// refusals that change nothing, and the .docx and PDF documents.

const run = promisify(execFile);
let t: TestApp;
let today: string;
const unit = { city: 0, a: 0, b: 0, c: 0, d: 0 };
const u = { sup: 0, aStaff: 0, aHead: 0, bStaff: 0, cHead: 0, dStaff: 0, leader: 0, auditor: 0 };
type Who = keyof typeof u;
const as = {} as Record<Who, ReturnType<typeof caller>>;
const period = { computed: 0, notComputed: 0 };
const task = { overdueRed: 0, closed: 0, open: 0 };

async function insertPeriod(name: string, fields: { computed: boolean; frozen?: boolean; endsOn?: string }) {
  const now = nowIso();
  const row = await t.db
    .insertInto('assessment_periods')
    .values({
      name,
      starts_on: '2026-01-01',
      ends_on: fields.endsOn ?? '2026-06-30',
      selection: JSON.stringify({ taskIds: [] }),
      scheme: JSON.stringify(DEFAULT_SCORING_SCHEME),
      status: fields.frozen ? 'frozen' : 'draft',
      previous_period_id: null,
      computed_at: fields.computed ? now : null,
      computed_hash: null,
      frozen_at: fields.frozen ? now : null,
      frozen_by: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertResults(periodId: number, scores: ReadonlyArray<[number, number]>) {
  await t.db
    .insertInto('assessment_results')
    .values(
      scores.map(([unitId, score], i) => ({
        period_id: periodId,
        unit_id: unitId,
        role: 'lead',
        score,
        rank: i + 1,
        task_count: 2,
        breakdown: '[]',
      })),
    )
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市发展改革委', unit.city)).id;
  unit.b = (await t.makeUnit('市教育局', unit.city)).id;
  unit.c = (await t.makeUnit('市交通运输局', unit.city)).id;
  unit.d = (await t.makeUnit('市统计局', unit.city)).id;
  const office = (await t.makeUnit('市政府督查室', unit.city)).id;
  u.sup = await t.makeUser('b.sup', ['supervisor'], { unitId: office });
  u.aStaff = await t.makeUser('b.astaff', ['unit_staff'], { unitId: unit.a });
  u.aHead = await t.makeUser('b.ahead', ['unit_head'], { unitId: unit.a });
  u.bStaff = await t.makeUser('b.bstaff', ['unit_staff'], { unitId: unit.b });
  u.cHead = await t.makeUser('b.chead', ['unit_head'], { unitId: unit.c });
  u.dStaff = await t.makeUser('b.dstaff', ['unit_staff'], { unitId: unit.d });
  u.leader = await t.makeUser('b.leader', ['leader'], { unitsInChargeIds: [unit.b] });
  u.auditor = await t.makeUser('b.auditor', ['auditor']);
  for (const who of Object.keys(u) as Who[]) as[who] = caller(t, await t.login(`b.${who.toLowerCase()}`));
  const cHead = await actorOf(t, u.cHead);
  // C leads a red task overdue with no extension; A closed one; B has one open on time.
  const red = await makeTask(t, { title: '建设城市快速路网', leadUnitId: unit.c });
  await advance(t, red.id, ['assign', ['acknowledge', cHead]]);
  await t.db
    .updateTable('tasks')
    .set({ deadline: '2026-01-05', health_light: 'red' })
    .where('id', '=', red.id)
    .execute();
  const closed = await makeTask(t, { title: '编制十五五规划纲要', leadUnitId: unit.a });
  await advance(t, closed.id, ['assign', ['acknowledge', await actorOf(t, u.aStaff)]]);
  // Closing takes an application and its review (not under test): the closed state is set directly.
  await t.db.updateTable('tasks').set({ status: 'closed', closed_at: nowIso() }).where('id', '=', closed.id).execute();
  const open = await makeTask(t, { title: '推进义务教育优质均衡', leadUnitId: unit.b });
  await advance(t, open.id, ['assign']);
  Object.assign(task, { overdueRed: red.id, closed: closed.id, open: open.id });
  period.computed = await insertPeriod('2026年上半年', { computed: true });
  period.notComputed = await insertPeriod('2026年第三季度', { computed: false });
  await t.db
    .insertInto('assessment_tasks')
    .values(
      [red.id, closed.id, open.id].map((id) => ({ period_id: period.computed, task_id: id, outcome: 'not_done' })),
    )
    .execute();
  await insertResults(period.computed, [
    [unit.a, 10250],
    [unit.b, 9875],
    [unit.c, 8600],
  ]);
  await t.db
    .insertInto('assessment_reviews')
    .values({
      period_id: period.computed,
      task_id: closed.id,
      outcome: 'done_on_time',
      practices: '建立专班推进机制，周调度、月通报。',
      exemplary_candidate: 1,
      reviewed_by: u.sup,
      reviewed_at: nowIso(),
    })
    .execute();
  const now = nowIso();
  await t.db
    .insertInto('cases')
    .values({
      kind: 'exemplary',
      title: '集团化办学扩大优质教育资源',
      summary: '组建教育集团12个。',
      write_up: '……',
      unit_id: unit.b,
      period_id: period.computed,
      status: 'published',
      published_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
});
afterAll(() => t.close());

function ok(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

function problem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
}

async function generate(body: object = { periodId: period.computed }): Promise<Bulletin> {
  return ok(await as.sup('POST', '/bulletins', body), 201);
}

async function issue(b: Bulletin): Promise<Bulletin> {
  return ok(await as.sup('POST', `/bulletins/${b.id}/issue`, { version: b.version }));
}

const texts = (lines: ReadonlyArray<{ text: string }>) => lines.map((line) => line.text).join('\n');

describe('POST /bulletins', () => {
  it('should generate a period bulletin from the stored results, cases, reviews and tasks', async () => {
    const b = await generate();
    expect(b).toMatchObject({ status: 'draft', number: null, period: { name: '2026年上半年' }, asOf: today });
    expect(b.title).toBe('关于2026年上半年督查考核情况的通报');
    const { figures, ranking, commendations, criticisms, overdue, requirements } = b.content;
    expect(figures.stats).toMatchObject({ total: 3, closed: 1, closedOnTime: 1, onTimeRate: 100, overdue: 1, red: 1 });
    expect(figures.lines[0]?.text).toContain('纳入督查的任务共3项');
    expect(ranking.rows.map((r) => [r.rank, r.unitName, r.score])).toEqual([
      [1, '市发展改革委', 102.5],
      [2, '市教育局', 98.75],
      [3, '市交通运输局', 86],
    ]);
    expect(texts(commendations.lines)).toContain('市发展改革委在2026年上半年考核中排名第1位，得分102.50分');
    expect(texts(commendations.lines)).toContain('先进典型：集团化办学扩大优质教育资源（市教育局）');
    expect(texts(commendations.lines)).toContain('建立专班推进机制');
    expect(texts(criticisms.lines)).toContain('市交通运输局在2026年上半年考核中排名靠后');
    const redLine = criticisms.lines.find((line) => line.taskId === task.overdueRed);
    expect(redLine?.text).toMatch(/已逾期\d+个工作日，未经批准延期，亮红灯/);
    expect(overdue.rows).toEqual([
      expect.objectContaining({
        taskId: task.overdueRed,
        unitId: unit.c,
        unitName: '市交通运输局',
        deadline: '2026-01-05',
      }),
    ]);
    expect(overdue.rows[0]?.workingDaysOverdue).toBeGreaterThan(0);
    expect(requirements.lines.length).toBeGreaterThan(0);
    expect(b.allowedActions).toEqual(['edit', 'regenerate', 'issue']);
  });

  it('should generate a date bulletin over every task, ranked by the latest frozen period', async () => {
    const frozen = await insertPeriod('2025年度', { computed: true, frozen: true, endsOn: '2025-12-31' });
    await insertResults(frozen, [
      [unit.b, 9900],
      [unit.a, 9500],
    ]);
    const b = await generate({ asOf: today });
    expect(b.period).toBeNull();
    expect(b.title).toMatch(/^关于截至\d{4}年\d+月\d+日重点任务落实情况的通报$/);
    expect(b.content.ranking).toMatchObject({ periodId: frozen, periodName: '2025年度' });
    expect(b.content.ranking.rows.map((r) => r.unitName)).toEqual(['市教育局', '市发展改革委']);
    expect(b.content.figures.stats.total).toBeGreaterThanOrEqual(3);
    expect(b.content.overdue.rows.map((r) => r.taskId)).toContain(task.overdueRed);
  });

  it('should refuse bad requests and write nothing', async () => {
    const count = async () => (await t.db.selectFrom('bulletins').select('id').execute()).length;
    const before = await count();
    problem(await as.sup('POST', '/bulletins', { periodId: period.notComputed }), 409, 'period_not_computed');
    problem(await as.sup('POST', '/bulletins', { periodId: 999999 }), 404, 'not_found');
    problem(await as.sup('POST', '/bulletins', {}), 400, 'validation_failed');
    problem(await as.sup('POST', '/bulletins', { periodId: period.computed, asOf: today }), 400, 'validation_failed');
    problem(await as.sup('POST', '/bulletins', { asOf: '2999-01-01' }), 400, 'validation_failed');
    problem(await as.aHead('POST', '/bulletins', { asOf: today }), 403, 'forbidden');
    expect(await count()).toBe(before);
  });
});

describe('PATCH /bulletins/:id', () => {
  it('should save edited lines (reordered, deleted, added) and the title, version-checked', async () => {
    const b = await generate();
    const content: BulletinContent = structuredClone(b.content);
    content.commendations.lines.reverse();
    content.criticisms.lines = content.criticisms.lines.slice(1);
    content.requirements.lines.push({ text: '五是按时报送整改情况。', unitId: null, taskId: null });
    content.requirements.note = '特此通报。';
    const edited = ok(
      await as.sup('PATCH', `/bulletins/${b.id}`, { title: '关于上半年考核的通报', content, version: b.version }),
    );
    expect(edited.title).toBe('关于上半年考核的通报');
    expect(edited.content).toEqual(content);
    expect(edited.version).toBe(b.version + 1);
    problem(
      await as.sup('PATCH', `/bulletins/${b.id}`, { title: '旧版本', version: b.version }),
      409,
      'version_conflict',
    );
    const blank = structuredClone(content);
    blank.figures.lines.push({ text: '  ', unitId: null, taskId: null });
    problem(
      await as.sup('PATCH', `/bulletins/${b.id}`, { content: blank, version: edited.version }),
      400,
      'validation_failed',
    );
    problem(await as.aHead('PATCH', `/bulletins/${b.id}`, { title: 'x', version: edited.version }), 403, 'forbidden');
    const again = ok(await as.sup('POST', `/bulletins/${b.id}/regenerate`, { version: edited.version }));
    expect(again.title).toBe('关于上半年考核的通报');
    expect(again.content.requirements.note).toBe('');
  });
});

describe('POST /bulletins/:id/issue', () => {
  it('should number issues in sequence and then refuse every change', async () => {
    const start =
      (await t.db.selectFrom('doc_counters').select('last').where('series', '=', '督通').executeTakeFirst())?.last ?? 0;
    const year = today.slice(0, 4);
    const first = await issue(await generate());
    const second = await issue(await generate({ asOf: today }));
    expect(first.number).toBe(`督通〔${year}〕${start + 1}号`);
    expect(second.number).toBe(`督通〔${year}〕${start + 2}号`);
    expect(first).toMatchObject({ status: 'issued', issuedBy: { id: u.sup }, allowedActions: [] });
    problem(
      await as.sup('PATCH', `/bulletins/${first.id}`, { title: '改', version: first.version }),
      409,
      'bulletin_not_editable',
    );
    problem(
      await as.sup('POST', `/bulletins/${first.id}/regenerate`, { version: first.version }),
      409,
      'bulletin_not_editable',
    );
    problem(
      await as.sup('POST', `/bulletins/${first.id}/issue`, { version: first.version }),
      409,
      'bulletin_not_editable',
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'bulletin.issue')
      .where('object_id', '=', String(first.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('should refuse a stale version without using a number', async () => {
    const b = await generate();
    const before = await t.db.selectFrom('doc_counters').selectAll().where('series', '=', '督通').execute();
    problem(await as.sup('POST', `/bulletins/${b.id}/issue`, { version: b.version + 1 }), 409, 'version_conflict');
    problem(await as.aStaff('POST', `/bulletins/${b.id}/issue`, { version: b.version }), 403, 'forbidden');
    expect(await t.db.selectFrom('doc_counters').selectAll().where('series', '=', '督通').execute()).toEqual(before);
  });
});

describe('who sees a bulletin', () => {
  it('should show an issued bulletin to the units it names, tell them, and hide it from others', async () => {
    const draft = await generate();
    problem(await as.aStaff('GET', `/bulletins/${draft.id}`), 404, 'not_found');
    const b = await issue(draft);
    const units = await t.db.selectFrom('bulletin_units').selectAll().where('bulletin_id', '=', b.id).execute();
    const mention = new Map(units.map((row) => [row.unit_id, row.mention]));
    expect(mention.get(unit.a)).toBe('commended');
    expect(mention.get(unit.b)).toBe('commended');
    expect(mention.get(unit.c)).toBe('criticised');
    expect(mention.has(unit.d)).toBe(false);
    const told = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('kind', '=', 'bulletin.issued')
      .where('subject_id', '=', b.id)
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([u.aStaff, u.aHead, u.bStaff, u.cHead, u.leader].sort());
    expect(JSON.parse(told[0]?.params ?? '{}')).toEqual({ number: b.number, title: b.title });
    const seen = ok(await as.cHead('GET', `/bulletins/${b.id}`));
    expect(seen.myUnit).toEqual({ mention: 'criticised', readAt: null });
    expect(seen.units).toEqual([]);
    expect(ok(await as.cHead('GET', '/bulletins')).items.map((i: Bulletin) => i.id)).toContain(b.id);
    const unread = () =>
      as.cHead('GET', '/bulletins?unread=true').then((res) => ok(res).items.map((i: Bulletin) => i.id));
    expect(await unread()).toContain(b.id);
    const read = ok(await as.cHead('POST', `/bulletins/${b.id}/read`));
    expect(read.myUnit.readAt).not.toBeNull();
    // The inbox lists what the unit has not read yet: read, it leaves the list (and stays in the library).
    expect(await unread()).not.toContain(b.id);
    expect(ok(await as.cHead('GET', '/bulletins')).items.map((i: Bulletin) => i.id)).toContain(b.id);
    const supView = ok(await as.sup('GET', `/bulletins/${b.id}`));
    expect(supView.units.find((x: { unitId: number }) => x.unitId === unit.c)?.readAt).not.toBeNull();
    for (const who of ['leader', 'auditor'] as const)
      expect((await as[who]('GET', `/bulletins/${b.id}`)).statusCode).toBe(200);
    problem(await as.dStaff('GET', `/bulletins/${b.id}`), 404, 'not_found');
    problem(await as.dStaff('GET', `/bulletins/${b.id}/document.docx`), 404, 'not_found');
    problem(await as.dStaff('POST', `/bulletins/${b.id}/read`), 404, 'not_found');
    expect(ok(await as.dStaff('GET', '/bulletins')).items).toEqual([]);
    expect(ok(await as.sup('GET', '/bulletins?status=draft')).items.every((i: Bulletin) => i.status === 'draft')).toBe(
      true,
    );
  });
});

describe('bulletin documents', () => {
  it('should give the issued bulletin as a .docx with its number, ranking and commendations', async () => {
    const b = await issue(await generate());
    const res = await as.aStaff('GET', `/bulletins/${b.id}/document.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${b.number}.docx`));
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(value).toContain(b.number);
    expect(value).toContain('市人民政府督查通报');
    expect(value).toContain('二、考核排名');
    for (const name of ['市发展改革委', '市教育局', '市交通运输局']) expect(value).toContain(name);
    expect(value).toContain('102.50');
    expect(value).toContain('先进典型：集团化办学扩大优质教育资源（市教育局）');
  });

  it('should give the bulletin as a PDF whose text is Chinese', async () => {
    const b = await issue(await generate());
    const res = await as.sup('GET', `/bulletins/${b.id}/document.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = await mkdtemp(path.join(tmpdir(), 'luoshi-bulletin-'));
    try {
      const file = path.join(dir, 'bulletin.pdf');
      await writeFile(file, res.rawPayload);
      const text = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, '');
      expect(text).toContain(b.number);
      expect(text).toContain('市交通运输局');
      expect(text).toContain('督查通报');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('should render a draft with a blank number', async () => {
    const b = await generate();
    const res = await as.sup('GET', `/bulletins/${b.id}/document.docx`);
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(value).toContain(`督通〔${today.slice(0, 4)}〕　号`);
  });
});
