import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import { addWorkingDays } from '../../domain/working-days.js';
import type { Notice } from '../../shared/notices-api.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import { inTransaction } from '../db/transaction.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { issueNotice } from './notices.service.js';

// Supervision notices (督办单) through the API on a real database: numbering per year under
// concurrency, the respond → return → respond → accept flow with the task's timeline and
// notifications, who sees what, refusals that change nothing, and the .docx and PDF documents.

const run = promisify(execFile);
let t: TestApp;
let today: string;
const unit = { city: 0, a: 0, b: 0, c: 0 };
const u = { aStaff: 0, aHead: 0, bStaff: 0, bHead: 0, cStaff: 0, sup: 0, aLeader: 0, cLeader: 0 };
type Who = keyof typeof u | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let aStaffActor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住房城乡建设局', unit.city)).id;
  unit.b = (await t.makeUnit('市自然资源局', unit.city)).id;
  unit.c = (await t.makeUnit('市卫生健康委', unit.city)).id;
  // A second root: the letterhead then comes from the issuer's own tree, not "the only root".
  await t.makeUnit('市纪委监委');
  const office = (await t.makeUnit('市政府督查室', unit.city)).id;
  u.aStaff = await t.makeUser('n.astaff', ['unit_staff'], { unitId: unit.a });
  u.aHead = await t.makeUser('n.ahead', ['unit_head'], { unitId: unit.a });
  u.bStaff = await t.makeUser('n.bstaff', ['unit_staff'], { unitId: unit.b });
  u.bHead = await t.makeUser('n.bhead', ['unit_head'], { unitId: unit.b });
  u.cStaff = await t.makeUser('n.cstaff', ['unit_staff'], { unitId: unit.c });
  u.sup = await t.makeUser('n.sup', ['supervisor'], { unitId: office });
  u.aLeader = await t.makeUser('n.aleader', ['leader'], { unitsInChargeIds: [unit.a] });
  u.cLeader = await t.makeUser('n.cleader', ['leader'], { unitsInChargeIds: [unit.c] });
  for (const who of Object.keys(u) as Array<keyof typeof u>) {
    as[who] = caller(t, await t.login(`n.${who.toLowerCase()}`));
  }
  as.admin = caller(t, await t.login('admin'));
  aStaffActor = await actorOf(t, u.aStaff);
});
afterAll(() => t.close());

/** A task led by unit A (B cooperating), assigned and acknowledged; overdue when `deadline` is past. */
async function openTask(title = '推进城镇老旧小区改造', deadline?: string) {
  const task = await makeTask(t, { title, leadUnitId: unit.a, cooperatingUnits: [{ unitId: unit.b }] });
  const open = await advance(t, task.id, ['assign', ['acknowledge', aStaffActor]]);
  if (deadline) await t.db.updateTable('tasks').set({ deadline }).where('id', '=', task.id).execute();
  return open;
}

function expectOk(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
}

async function issue(body: object): Promise<Notice[]> {
  return expectOk(await as.sup('POST', '/notices', body), 201).items;
}

async function issueOne(taskId: number, extra: object = {}): Promise<Notice> {
  const [notice] = await issue({ taskIds: [taskId], ...extra });
  if (!notice) throw new Error('no notice issued');
  return notice;
}

/** Everything a refused notice request could have touched. */
async function stateOf() {
  const count = async (table: 'notifications' | 'task_events' | 'audit_log' | 'supervision_actions') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    notices: await t.db.selectFrom('supervision_notices').selectAll().orderBy('id').execute(),
    counters: await t.db.selectFrom('doc_counters').selectAll().orderBy('series').orderBy('year').execute(),
    notifications: await count('notifications'),
    events: await count('task_events'),
    audit: await count('audit_log'),
    actions: await count('supervision_actions'),
  };
}

const numberOf = (seq: number) => `督〔${today.slice(0, 4)}〕${seq}号`;

describe('POST /notices', () => {
  it('should number notices per year in sequence, uniquely, when issued in parallel', async () => {
    const before = await t.db.selectFrom('doc_counters').selectAll().where('series', '=', '督').execute();
    const start = before[0]?.last ?? 0;
    const tasks = await Promise.all(Array.from({ length: 6 }, (_, i) => openTask(`并发督办任务${i}`)));
    const answers = await Promise.all(tasks.map((task) => as.sup('POST', '/notices', { taskIds: [task.id] })));
    const numbers = answers.map((res) => expectOk(res, 201).items[0].number as string);
    const expected = Array.from({ length: 6 }, (_, i) => numberOf(start + i + 1));
    expect([...numbers].sort()).toEqual([...expected].sort());
    const counter = await t.db.selectFrom('doc_counters').selectAll().where('series', '=', '督').executeTakeFirst();
    expect(counter?.last).toBe(start + 6);
  });

  it('should issue one notice per task to its lead unit, with generated texts and the default due date', async () => {
    const overdue = await openTask('整治城市内涝点', '2026-01-05');
    const onTime = await openTask('建设口袋公园');
    const notices = await issue({ taskIds: [overdue.id, onTime.id], ccUnitIds: [unit.b, unit.a] });
    const calendar = await loadWorkingCalendar(t.db);
    expect(notices).toHaveLength(2);
    const [first, second] = notices as [Notice, Notice];
    expect(Number(second.number.match(/〕(\d+)号/)?.[1])).toBe(Number(first.number.match(/〕(\d+)号/)?.[1]) + 1);
    expect(first.unit).toEqual({ id: unit.a, name: '市住房城乡建设局' });
    expect(first.ccUnits).toEqual([{ id: unit.b, name: '市自然资源局' }]);
    expect(first.responseDue).toBe(addWorkingDays(calendar, today, 5));
    expect(first.matter).toContain('“整治城市内涝点”');
    expect(first.matter).toContain(overdue.number);
    expect(first.matter).toMatch(/现已逾期\d+个工作日/);
    expect(first.requirements).toContain('逾期原因、整改措施和完成时限');
    expect(second.matter).not.toContain('逾期');
    expect(first.status).toBe('issued');
    expect(first.issuedBy?.id).toBe(u.sup);
    expect(first.organisation).toBe('市人民政府');
    expect(first.allowedActions).toEqual([]);
  });

  it('should record a manual supervision action, the timeline event and the notifications', async () => {
    const task = await openTask('推进垃圾分类');
    const notice = await issueOne(task.id, { matter: '自定义督办事项', ccUnitIds: [unit.b] });
    const action = await t.db
      .selectFrom('supervision_actions')
      .selectAll()
      .where('id', '=', notice.actionId as number)
      .executeTakeFirstOrThrow();
    expect(action).toMatchObject({ kind: 'notice', origin: 'manual', notice_id: notice.id, unit_id: unit.a });
    expect(action.occurrence_key).toMatch(/^manual:[0-9a-f-]{36}$/);
    expect(JSON.parse(action.recipients).sort()).toEqual([u.aHead, u.aStaff, u.bHead].sort());
    const event = await t.db
      .selectFrom('task_events')
      .selectAll()
      .where('task_id', '=', task.id)
      .where('action', '=', 'notice_issued')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail ?? '{}')).toMatchObject({ number: notice.number, responseDue: notice.responseDue });
    const told = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'params'])
      .where('subject_type', '=', 'notice')
      .where('subject_id', '=', notice.id)
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([u.aHead, u.aStaff, u.bHead].sort());
    expect(told.every((n) => n.kind === 'supervision.notice')).toBe(true);
    expect(JSON.parse(told[0]?.params ?? '{}')).toEqual({ number: notice.number, dueDate: notice.responseDue });
    expect(notice.matter).toBe('自定义督办事项');
  });

  it('should refuse bad requests and change nothing', async () => {
    const task = await openTask('整治违法建设');
    const cancelled = await openTask('已撤销的事项');
    await advance(t, cancelled.id, ['cancel']);
    const before = await stateOf();
    expectProblem(await as.sup('POST', '/notices', { taskIds: [] }), 400, 'validation_failed');
    expectProblem(await as.sup('POST', '/notices', { taskIds: [task.id], extra: 1 }), 400, 'validation_failed');
    expectProblem(
      await as.sup('POST', '/notices', { taskIds: [task.id], responseDue: '2020-01-02' }),
      422,
      'date_in_past',
    );
    expectProblem(await as.sup('POST', '/notices', { taskIds: [task.id], ccUnitIds: [999999] }), 422, 'unit_not_found');
    // All or none: the open task's notice is not kept when the other task cannot take one.
    expectProblem(
      await as.sup('POST', '/notices', { taskIds: [task.id, cancelled.id] }),
      409,
      'supervision_action_illegal',
    );
    expectProblem(await as.sup('POST', '/notices', { taskIds: [task.id, 999999] }), 404, 'not_found');
    expectProblem(await as.aHead('POST', '/notices', { taskIds: [task.id] }), 403, 'forbidden');
    expect(await stateOf()).toEqual(before);
  });
});

describe('issueNotice', () => {
  it('should issue a notice inside the caller’s transaction with no person as issuer', async () => {
    const task = await openTask('规则触发的督办');
    const issued = await inTransaction(t.db, (trx) =>
      issueNotice(trx, {
        taskId: task.id,
        unitId: unit.a,
        ccUnitIds: [],
        matter: '规则督办事项',
        requirements: '规则督办要求',
        responseDue: today,
        actionId: null,
        actor: systemActor('ladder'),
        today,
      }),
    );
    expect(issued.number).toMatch(/^督〔\d{4}〕\d+号$/);
    expect(issued.recipients.sort()).toEqual([u.aHead, u.aStaff].sort());
    const notice = expectOk(await as.aStaff('GET', `/notices/${issued.id}`));
    expect(notice.issuedBy).toBeNull();
    expect(notice.organisation).toBeNull();
    expect(notice.allowedActions).toEqual(['respond']);
  });
});

describe('notice flow', () => {
  it('should go respond → return → respond → accept, each step on the timeline and announced', async () => {
    const task = await openTask('推进老旧管网改造', '2026-02-02');
    let notice = await issueOne(task.id);
    expect(notice.allowedActions).toEqual([]);
    notice = expectOk(
      await as.aStaff('POST', `/notices/${notice.id}/respond`, {
        response: '已完成70%，预计月底完成。',
        version: notice.version,
      }),
    );
    expect(notice).toMatchObject({
      status: 'responded',
      response: '已完成70%，预计月底完成。',
      respondedBy: { id: u.aStaff },
    });
    const supView = expectOk(await as.sup('GET', `/notices/${notice.id}`));
    expect(supView.allowedActions).toEqual(['accept', 'return']);
    notice = expectOk(
      await as.sup('POST', `/notices/${notice.id}/return`, { reason: '请补充整改时限', version: notice.version }),
    );
    expect(notice).toMatchObject({ status: 'returned', reviewComment: '请补充整改时限', reviewedBy: { id: u.sup } });
    notice = expectOk(
      await as.aHead('POST', `/notices/${notice.id}/respond`, {
        response: '12月20日前完成整改。',
        version: notice.version,
      }),
    );
    expect(notice.status).toBe('responded');
    notice = expectOk(await as.sup('POST', `/notices/${notice.id}/accept`, { version: notice.version }));
    expect(notice).toMatchObject({ status: 'accepted', allowedActions: [] });
    const events = await t.db
      .selectFrom('task_events')
      .select(['action', 'reason'])
      .where('task_id', '=', task.id)
      .where('action', 'like', 'notice_%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'notice_issued',
      'notice_responded',
      'notice_returned',
      'notice_responded',
      'notice_accepted',
    ]);
    expect(events[2]?.reason).toBe('请补充整改时限');
    const kinds = await t.db
      .selectFrom('notifications')
      .select(['kind', 'user_id'])
      .where('subject_type', '=', 'notice')
      .where('subject_id', '=', notice.id)
      .orderBy('id')
      .execute();
    expect(kinds.filter((n) => n.kind === 'notice.responded').map((n) => n.user_id)).toContain(u.sup);
    expect(
      kinds
        .filter((n) => n.kind === 'notice.returned')
        .map((n) => n.user_id)
        .sort(),
    ).toEqual([u.aHead, u.aStaff].sort());
    expect(
      kinds
        .filter((n) => n.kind === 'notice.accepted')
        .map((n) => n.user_id)
        .sort(),
    ).toEqual([u.aHead, u.aStaff].sort());
  });

  it('should refuse blank texts, stale versions, wrong steps and wrong people, changing nothing', async () => {
    const task = await openTask('提升政务服务效能');
    const notice = await issueOne(task.id);
    const url = `/notices/${notice.id}`;
    const before = await stateOf();
    expectProblem(
      await as.aStaff('POST', `${url}/respond`, { response: '   ', version: 1 }),
      422,
      'notice_response_required',
    );
    expectProblem(await as.aStaff('POST', `${url}/respond`, { version: 1 }), 400, 'validation_failed');
    expectProblem(await as.aStaff('POST', `${url}/respond`, { response: '回复', version: 7 }), 409, 'version_conflict');
    expectProblem(await as.sup('POST', `${url}/accept`, { version: 1 }), 409, 'supervision_action_illegal');
    expectProblem(await as.bStaff('POST', `${url}/respond`, { response: '越权回复', version: 1 }), 403, 'forbidden');
    expectProblem(await as.aStaff('POST', `${url}/accept`, { version: 1 }), 403, 'forbidden');
    expectProblem(await as.cStaff('POST', `${url}/respond`, { response: '无关单位', version: 1 }), 404, 'not_found');
    expect(await stateOf()).toEqual(before);
    const responded = expectOk(await as.aStaff('POST', `${url}/respond`, { response: '回复', version: 1 }));
    const after = await stateOf();
    expectProblem(
      await as.sup('POST', `${url}/return`, { reason: ' ', version: responded.version }),
      422,
      'reason_required',
    );
    expectProblem(
      await as.aStaff('POST', `${url}/respond`, { response: '再回复', version: responded.version }),
      409,
      'supervision_action_illegal',
    );
    expect(await stateOf()).toEqual(after);
  });
});

describe('GET /notices', () => {
  it('should show each caller only the notices they may see', async () => {
    const task = await openTask('优化营商环境');
    const notice = await issueOne(task.id, { ccUnitIds: [unit.b] });
    for (const who of ['sup', 'admin', 'aStaff', 'aHead', 'bStaff', 'aLeader'] as const) {
      expect((await as[who]('GET', `/notices/${notice.id}`)).statusCode, who).toBe(200);
    }
    for (const who of ['cStaff', 'cLeader'] as const) {
      expectProblem(await as[who]('GET', `/notices/${notice.id}`), 404, 'not_found');
      expectProblem(await as[who]('GET', `/notices/${notice.id}/docx`), 404, 'not_found');
      expectProblem(await as[who]('GET', `/notices/${notice.id}/pdf`), 404, 'not_found');
    }
    const ids = async (who: Who, query = '') =>
      (expectOk(await as[who]('GET', `/notices?limit=200${query}`)).items as Notice[]).map((n) => n.id);
    expect(await ids('aStaff')).toContain(notice.id);
    expect(await ids('aLeader')).toContain(notice.id);
    expect(await ids('sup')).toContain(notice.id);
    expect(await ids('cStaff')).toEqual([]);
    expect(await ids('cLeader')).toEqual([]);
    expect(await ids('bStaff')).not.toContain(notice.id);
    expect(expectOk(await as.bStaff('GET', `/tasks/${task.id}/notices`)).items.map((n: Notice) => n.id)).toEqual([
      notice.id,
    ]);
    expectProblem(await as.cStaff('GET', `/tasks/${task.id}/notices`), 404, 'not_found');
  });

  it('should filter by status and task and page by cursor', async () => {
    const task = await openTask('分页测试事项');
    const first = await issueOne(task.id);
    const second = await issueOne(task.id);
    await as.aStaff('POST', `/notices/${first.id}/respond`, { response: '已回复', version: 1 });
    const byTask = expectOk(await as.sup('GET', `/notices?taskId=${task.id}&limit=1`));
    expect(byTask.items.map((n: Notice) => n.id)).toEqual([second.id]);
    const next = expectOk(await as.sup('GET', `/notices?taskId=${task.id}&limit=1&cursor=${byTask.nextCursor}`));
    expect(next.items.map((n: Notice) => n.id)).toEqual([first.id]);
    expect(next.nextCursor).toBeNull();
    const responded = expectOk(await as.sup('GET', `/notices?taskId=${task.id}&status=responded`));
    expect(responded.items.map((n: Notice) => n.id)).toEqual([first.id]);
    expectProblem(await as.sup('GET', '/notices?cursor=bogus'), 400, 'invalid_cursor');
  });
});

describe('notice documents', () => {
  it('should give the notice as an official .docx with its number and matter', async () => {
    const task = await openTask('建设智慧社区');
    const notice = await issueOne(task.id, { matter: '智慧社区建设进度滞后，请加快推进。' });
    const res = await as.aStaff('GET', `/notices/${notice.id}/docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${notice.number}.docx`)}`,
    );
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(value).toContain(notice.number);
    expect(value).toContain('智慧社区建设进度滞后，请加快推进。');
    expect(value).toContain('市人民政府督查督办单');
    expect(value).toContain('市住房城乡建设局');
  });

  it('should give the notice as a PDF whose text holds the number and the Chinese matter', async () => {
    const task = await openTask('治理黑臭水体');
    const notice = await issueOne(task.id, { matter: '黑臭水体治理工作推进缓慢，群众反映强烈。' });
    const res = await as.sup('GET', `/notices/${notice.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${notice.number}.pdf`)}`,
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'luoshi-notice-'));
    try {
      const file = path.join(dir, 'notice.pdf');
      await writeFile(file, res.rawPayload);
      const { stdout } = await run('pdftotext', [file, '-']);
      const text = stdout.replace(/\s+/g, '');
      expect(text).toContain(notice.number);
      expect(text).toContain('黑臭水体治理工作推进缓慢，群众反映强烈。');
      expect(text).toContain('督办要求');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
