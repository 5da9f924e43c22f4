import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../db/connect.js';
import {
  act,
  addDays,
  buildReportingWorld,
  draftReport,
  makeReportingTask,
  type ReportingWorld,
  slotId,
  todayOf,
} from '../reports/report-test-fixtures.js';
import { actorOf, advance, currentTask, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The public accountability page through HTTP on a real database: opting tasks in and out (alone
// and with their subtree), what the anonymous pages and API show and — by a canary string written
// into every internal field — what they never show, search and the area filter, caching.
// Ratings and their moderation are in public-ratings.test.ts.

const CANARY = 'zqcanary7x';
let t: TestApp;
let w: ReportingWorld;
let today: string;
const area = { city: 0, east: 0, eastBureau: 0, west: 0 };
const task = { main: 0, sub: 0, subPrivate: 0, west: 0, draft: 0, cancelled: 0, private: 0 };

/** An anonymous request (no cookie), optionally with headers. */
function anon(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers });
}

async function publish(id: number, isPublic: boolean, includeSubtasks = false) {
  const { version } = await currentTask(t.db, id);
  const res = await w.as.sup('POST', `/tasks/${id}/public`, { isPublic, includeSubtasks, version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { changed: number[]; version: number };
}

/** Takes a lead report through submit → approve → (return once with `returnReason`) → accept. */
async function acceptedReport(taskId: number, end: string, fields: Record<string, unknown>, returnReason?: string) {
  const periodId = await slotId(w.as.leadStaff, taskId, end, w.units.lead);
  const draft = await draftReport(w.as.leadStaff, taskId, periodId, fields);
  await act(w.as.leadStaff, draft.id, 'submit');
  await act(w.as.leadHead, draft.id, 'approve');
  if (returnReason) {
    expect((await act(w.as.sup, draft.id, 'return', returnReason)).statusCode).toBe(200);
    await act(w.as.leadStaff, draft.id, 'submit');
    await act(w.as.leadHead, draft.id, 'approve');
  }
  const accepted = await act(w.as.sup, draft.id, 'accept');
  expect(accepted.statusCode, accepted.body).toBe(200);
  return draft.id;
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayOf(t);
  // People whose names carry the canary: names are internal and must never reach the public.
  w = await buildReportingWorld(t, CANARY);
  area.city = (await t.makeUnit('公开市')).id;
  area.east = (await t.makeUnit('东城区', area.city)).id;
  area.eastBureau = (await t.makeUnit('东城区住建局', area.east)).id;
  area.west = (await t.makeUnit('西城区', area.city)).id;
  // The lead unit of the reporting world sits under 东城区 so the area filter can find it; its name
  // is public (the responsible unit), the cooperating unit's name keeps the canary.
  await t.db
    .updateTable('units')
    .set({
      name: '东城区城市更新中心',
      parent_id: area.east,
      path: `/${area.city}/${area.east}/${w.units.lead}/`,
      depth: 2,
    })
    .where('id', '=', w.units.lead)
    .execute();
  await t.db
    .updateTable('tasks')
    .set({ lead_unit_path: `/${area.city}/${area.east}/${w.units.lead}/` })
    .where('lead_unit_id', '=', w.units.lead)
    .execute();
  const dates = [addDays(today, -40), addDays(today, -10)];
  const main = await makeReportingTask(t, {
    title: '老旧小区改造提升工程',
    lead: w.units.lead,
    cooperating: [w.units.coop],
    assignedOn: addDays(today, -60),
    cycle: { kind: 'custom', customDates: dates },
  });
  task.main = main.id;
  // Internal fields of the task itself: category, tags, responsible person and leader.
  await t.db
    .updateTable('tasks')
    .set({
      category: `${CANARY}-category`,
      tags: JSON.stringify([`${CANARY}-tag`]),
      responsible_person_id: w.users.leadStaff,
      responsible_leader_id: w.users.leader,
      lead_unit_path: `/${area.city}/${area.east}/${w.units.lead}/`,
      health_light: 'amber',
      progress: 40,
    })
    .where('id', '=', main.id)
    .execute();
  const reportId = await acceptedReport(
    main.id,
    dates[0] as string,
    {
      doneText: `${CANARY}-done`,
      problems: `${CANARY}-problems`,
      nextSteps: `${CANARY}-next`,
      coordination: `${CANARY}-coordination`,
      explanation: `${CANARY}-explanation`,
      percent: 40,
      publicSummary: '已完成 12 个小区的改造设计，3 个小区开工。',
    },
    `${CANARY}-return-reason`,
  );
  // A later report, accepted, without a public summary; and one not accepted that has one.
  await acceptedReport(main.id, dates[1] as string, { doneText: `${CANARY}-second`, percent: 45 });
  const pendingSlot = await slotId(w.as.coopStaff, main.id, dates[0] as string, w.units.coop);
  await draftReport(w.as.coopStaff, main.id, pendingSlot, {
    doneText: `${CANARY}-coop`,
    publicSummary: `${CANARY}-unaccepted-summary`,
  });
  // An evidence file whose name carries the canary, linked to the accepted report.
  const file = await t.db
    .insertInto('files')
    .values({
      task_id: main.id,
      sha256: 'a'.repeat(64),
      size_bytes: 3,
      content_type: 'application/pdf',
      original_name: `${CANARY}-evidence.pdf`,
      uploaded_by: w.users.leadStaff,
      unit_id: w.units.lead,
      uploaded_at: nowIso(),
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('evidence_links')
    .values({ file_id: file.id, subject_type: 'report', subject_id: reportId, locked: 1 })
    .execute();
  // Task events with reasons, and an urge with a message.
  const sup = await actorOf(t, w.users.sup);
  const { transitionTask } = await import('../tasks/task-transitions.service.js');
  for (const action of ['suspend', 'resume'] as const) {
    const current = await currentTask(t.db, main.id);
    await transitionTask(
      { db: t.db, config: t.config },
      { taskId: main.id, action, version: current.version, reason: `${CANARY}-${action}-reason`, actor: sup },
    );
  }
  const urged = await w.as.sup('POST', '/supervision/urges', { taskIds: [main.id], message: `${CANARY}-urge` });
  expect(urged.statusCode, urged.body).toBeLessThan(300);

  const sub = await makeTask(t, { title: '加装电梯子项', leadUnitId: area.eastBureau, parentId: main.id });
  await advance(t, sub.id, ['assign']);
  task.sub = sub.id;
  const subPrivate = await makeTask(t, { title: '草稿中的子项', leadUnitId: area.eastBureau, parentId: main.id });
  task.subPrivate = subPrivate.id; // stays a draft: never public even with the subtree published
  const west = await makeTask(t, { title: '西城背街小巷整治', leadUnitId: area.west });
  await advance(t, west.id, ['assign']);
  task.west = west.id;
  task.draft = (await makeTask(t, { title: '未交办的草稿事项', leadUnitId: area.west })).id;
  const cancelled = await makeTask(t, { title: '已撤销事项', leadUnitId: area.west });
  await advance(t, cancelled.id, ['assign', 'cancel']);
  task.cancelled = cancelled.id;
  const hidden = await makeTask(t, { title: '内部事项不公开', leadUnitId: area.west });
  await advance(t, hidden.id, ['assign']);
  task.private = hidden.id;

  await publish(task.main, true, true);
  for (const id of [task.west, task.draft, task.cancelled]) await publish(id, true);
}, 60_000);
afterAll(() => t.close());

describe('POST /tasks/:id/public', () => {
  it('should publish the whole subtree in one call and record each change in history and audit', async () => {
    const rows = await t.db
      .selectFrom('tasks')
      .select(['id', 'is_public'])
      .where('id', 'in', [task.main, task.sub, task.subPrivate])
      .execute();
    expect(rows.every((row) => row.is_public === 1)).toBe(true);
    const events = await t.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'task.update')
      .where('object_id', 'in', [task.main, task.sub, task.subPrivate].map(String))
      .execute();
    expect(events.length).toBe(3);
  });

  it('should unpublish one task without touching its subtree, then publish it back', async () => {
    const off = await publish(task.main, false);
    expect(off.changed).toEqual([task.main]);
    expect((await anon(`/public/tasks/${task.main}`)).statusCode).toBe(404);
    expect((await anon(`/public/tasks/${task.sub}`)).statusCode).toBe(200);
    await publish(task.main, true);
    expect((await anon(`/public/tasks/${task.main}`)).statusCode).toBe(200);
  });

  it('should answer 409 on a stale version and change nothing', async () => {
    const before = await currentTask(t.db, task.west);
    const res = await w.as.sup('POST', `/tasks/${task.west}/public`, {
      isPublic: false,
      includeSubtasks: false,
      version: before.version - 1,
    });
    expect(res.statusCode).toBe(409);
    expect((await currentTask(t.db, task.west)).is_public).toBe(1);
  });

  it('should refuse people outside the supervision office with 403', async () => {
    const { version } = await currentTask(t.db, task.private);
    for (const who of ['leadHead', 'leader', 'auditor'] as const) {
      const res = await w.as[who]('POST', `/tasks/${task.private}/public`, { isPublic: true, version });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await currentTask(t.db, task.private)).is_public).toBe(0);
  });

  it('should let an administrator publish', async () => {
    const { version } = await currentTask(t.db, task.private);
    const res = await w.as.admin('POST', `/tasks/${task.private}/public`, { isPublic: true, version });
    expect(res.statusCode, res.body).toBe(200);
    const back = await w.as.admin('POST', `/tasks/${task.private}/public`, {
      isPublic: false,
      version: res.json().version,
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('GET /api/v1/public/tasks', () => {
  it('should list public tasks only, never drafts, cancelled or private ones', async () => {
    const res = await anon('/api/v1/public/tasks');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((item: { id: number }) => item.id);
    expect(ids.sort()).toEqual([task.main, task.sub, task.west].sort());
  });

  it('should search by title and number', async () => {
    const byTitle = await anon(`/api/v1/public/tasks?q=${encodeURIComponent('背街')}`);
    expect(byTitle.json().items.map((item: { id: number }) => item.id)).toEqual([task.west]);
    const { number } = await currentTask(t.db, task.sub);
    const byNumber = await anon(`/api/v1/public/tasks?q=${number}`);
    expect(byNumber.json().items.map((item: { id: number }) => item.id)).toEqual([task.sub]);
  });

  it('should filter by the lead unit and every unit under it', async () => {
    const east = await anon(`/api/v1/public/tasks?unitId=${area.east}`);
    expect(
      east
        .json()
        .items.map((item: { id: number }) => item.id)
        .sort(),
    ).toEqual([task.main, task.sub].sort());
    const units = east.json().units.map((unit: { id: number }) => unit.id);
    expect(units).toEqual(expect.arrayContaining([area.city, area.east, area.west, area.eastBureau]));
  });

  it('should answer 400 on a bad query', async () => {
    expect((await anon('/api/v1/public/tasks?page=0')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/public/tasks/:id', () => {
  it('should show the public fields, the accepted summaries and the public subtasks', async () => {
    const res = await anon(`/api/v1/public/tasks/${task.main}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: task.main,
      title: '老旧小区改造提升工程',
      leadUnit: { id: w.units.lead },
      light: 'amber',
      timeline: [{ text: '已完成 12 个小区的改造设计，3 个小区开工。' }],
      ratings: { average: null, count: 0 },
    });
    expect(body.subtasks.map((s: { id: number }) => s.id)).toEqual([task.sub]);
  });

  it('should answer 404 for private, draft, cancelled and missing tasks', async () => {
    for (const id of [task.private, task.draft, task.cancelled, task.subPrivate, 999999]) {
      expect((await anon(`/api/v1/public/tasks/${id}`)).statusCode, String(id)).toBe(404);
      expect((await anon(`/public/tasks/${id}`)).statusCode, String(id)).toBe(404);
    }
  });
});

describe('the canary', () => {
  it('should never appear on the public pages or in the public API, while the public summary does', async () => {
    const urls = [
      '/public',
      `/public?unitId=${area.east}`,
      `/public?q=${encodeURIComponent('老旧')}`,
      `/public/tasks/${task.main}`,
      `/public/tasks/${task.main}?lang=en`,
      `/public/tasks/${task.main}?lang=zh-TW`,
      `/public/tasks/${task.sub}`,
      '/api/v1/public/tasks',
      `/api/v1/public/tasks?unitId=${area.east}`,
      `/api/v1/public/tasks/${task.main}`,
      `/api/v1/public/tasks/${task.sub}`,
    ];
    // The canary is really in the database, in the places the public page must not read.
    const report = await t.db.selectFrom('reports').select('done_text').where('task_id', '=', task.main).execute();
    expect(report.some((r) => r.done_text.includes(CANARY))).toBe(true);
    const events = await t.db.selectFrom('task_events').select('reason').where('task_id', '=', task.main).execute();
    expect(events.some((e) => e.reason?.includes(CANARY))).toBe(true);
    for (const url of urls) {
      const res = await anon(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body.includes(CANARY), url).toBe(false);
    }
    const page = await anon(`/public/tasks/${task.main}`);
    expect(page.body).toContain('已完成 12 个小区的改造设计，3 个小区开工。');
  });
});

describe('the HTML pages', () => {
  it('should render the list in zh-CN by default with landmarks, a skip link and a search form', async () => {
    const res = await anon('/public');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toMatch(/<a class="skip" href="#main">/);
    expect(res.body).toContain('<main id="main"');
    expect(res.body).toContain('<label for="q">');
    expect(res.body).toContain('name="viewport"');
    expect(res.body).not.toContain('<script');
    // A form post under no-referrer carries `Origin: null`, which the CSRF check refuses.
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('should switch language by ?lang= and by Accept-Language', async () => {
    const en = await anon(`/public/tasks/${task.main}?lang=en`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Amber: needs attention');
    const tw = await anon(`/public/tasks/${task.main}`, { 'accept-language': 'zh-TW,zh;q=0.9' });
    expect(tw.body).toContain('<html lang="zh-TW">');
    expect(tw.headers.vary).toContain('Accept-Language');
  });

  it('should show the light in words and the stars as labelled radio inputs in a fieldset', async () => {
    const res = await anon(`/public/tasks/${task.main}`);
    expect(res.body).toContain('黄灯：需要关注');
    expect(res.body).toContain('<fieldset><legend>满意度（1–5 星）</legend>');
    for (const n of [1, 2, 3, 4, 5]) expect(res.body).toContain(`<label for="rating-${n}">`);
    expect(res.body).toContain('maxlength="500"');
  });

  it('should not be taken over by the web app for /public routes, and serve its stylesheet', async () => {
    const css = await anon('/public/style.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
  });
});

describe('caching', () => {
  it('should send Cache-Control public and an ETag, and 304 on If-None-Match', async () => {
    for (const url of [`/public/tasks/${task.main}`, '/public', `/api/v1/public/tasks/${task.main}`]) {
      const first = await anon(url);
      expect(first.headers['cache-control'], url).toMatch(/^public, max-age=\d+$/);
      const etag = first.headers.etag as string;
      expect(etag).toBeTruthy();
      const again = await anon(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('should change the ETag when the content changes', async () => {
    const before = (await anon(`/public/tasks/${task.west}`)).headers.etag;
    await t.db.updateTable('tasks').set({ progress: 55 }).where('id', '=', task.west).execute();
    const after = await anon(`/public/tasks/${task.west}`, { 'if-none-match': String(before) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before);
  });
});

describe('drafts', () => {
  it('should stay off the public page even when flagged public', async () => {
    const flagged = await t.db
      .selectFrom('tasks')
      .select('is_public')
      .where('id', '=', task.draft)
      .executeTakeFirstOrThrow();
    expect(flagged.is_public).toBe(1);
    expect((await anon(`/api/v1/public/tasks/${task.draft}`)).statusCode).toBe(404);
  });
});

describe("a report's public summary", () => {
  it('should be saved with the draft, shown in the report API, and limited to 500 characters', async () => {
    const slot = await slotId(w.as.leadStaff, task.main, addDays(today, -10), w.units.lead);
    const reports = await t.db.selectFrom('reports').select(['id', 'version']).where('period_id', '=', slot).execute();
    expect(reports.length).toBe(1);
    const { id } = reports[0] as { id: number; version: number };
    const before = await w.as.leadStaff('GET', `/reports/${id}`);
    expect(before.json().publicSummary).toBeNull();
    // An accepted report is closed to editing; a new draft of the cooperating unit takes the test.
    const coopSlot = await slotId(w.as.coopStaff, task.main, addDays(today, -10), w.units.coop);
    const draft = await draftReport(w.as.coopStaff, task.main, coopSlot, { publicSummary: '  本期完成 5 个小区。  ' });
    expect(draft.publicSummary).toBe('本期完成 5 个小区。');
    const tooLong = await w.as.coopStaff('PUT', `/reports/${draft.id}`, {
      version: draft.version,
      publicSummary: '字'.repeat(501),
    });
    expect(tooLong.statusCode).toBe(400);
    const cleared = await w.as.coopStaff('PUT', `/reports/${draft.id}`, {
      version: draft.version,
      publicSummary: '  ',
    });
    expect(cleared.json().publicSummary).toBeNull();
  });
});
