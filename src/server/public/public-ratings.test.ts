import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The public's ratings through HTTP on a real database: validation that stores nothing, the
// per-address limits kept in the database, the honeypot, the HTML form's redirect and friendly
// refusals, moderation (who, versions, audit) and the averages of approved ratings only.

let t: TestApp;
let sup: ReturnType<typeof caller>;
let staff: ReturnType<typeof caller>;
let publicTask = 0;
let privateTask = 0;
let address = 0;

/** A fresh client address for each test, so the limits of one do not spill into another. */
function nextAddress(): string {
  address += 1;
  return `203.0.113.${address}`;
}

function rate(taskId: number, payload: object, ip: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/public/tasks/${taskId}/ratings`, payload, remoteAddress: ip });
}

function ratePage(taskId: number, form: Record<string, string>, ip: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/public/tasks/${taskId}/ratings`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
    remoteAddress: ip,
  });
}

async function ratingCount(): Promise<number> {
  const row = await t.db
    .selectFrom('public_ratings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function makePublicTask(title: string): Promise<number> {
  const unit = (await t.makeUnit(`${title}单位`)).id;
  const task = await makeTask(t, { title, leadUnitId: unit });
  await advance(t, task.id, ['assign']);
  await t.db.updateTable('tasks').set({ is_public: 1 }).where('id', '=', task.id).execute();
  return task.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const office = (await t.makeUnit('督查室')).id;
  await t.makeUser('r.sup', ['supervisor'], { unitId: office });
  await t.makeUser('r.staff', ['unit_staff'], { unitId: office });
  sup = caller(t, await t.login('r.sup'));
  staff = caller(t, await t.login('r.staff'));
  publicTask = await makePublicTask('公开评价事项');
  const hidden = await makeTask(t, { title: '内部事项' });
  privateTask = hidden.id;
});
afterAll(() => t.close());

describe('POST /api/v1/public/tasks/:id/ratings', () => {
  it('should hold a rating for moderation with its comment trimmed and the address only hashed', async () => {
    const ip = nextAddress();
    const res = await rate(publicTask, { rating: 4, comment: '  进度很快，点赞！  ' }, ip);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'pending' });
    const row = await t.db.selectFrom('public_ratings').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ task_id: publicTask, rating: 4, comment: '进度很快，点赞！', status: 'pending' });
    expect(row.address_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.address_hash).not.toContain(ip);
  });

  it('should refuse bad ratings and comments with 400 and store nothing', async () => {
    const before = await ratingCount();
    for (const payload of [
      { rating: 0 },
      { rating: 6 },
      { rating: 2.5 },
      { rating: 'five' },
      {},
      { rating: 3, comment: 'x'.repeat(501) },
      { rating: 3, extra: 1 },
    ]) {
      const res = await rate(publicTask, payload, nextAddress());
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await ratingCount()).toBe(before);
  });

  it('should accept a 500-character comment', async () => {
    const res = await rate(publicTask, { rating: 5, comment: '好'.repeat(500) }, nextAddress());
    expect(res.statusCode).toBe(202);
  });

  it('should answer 404 for a task that is not public', async () => {
    const before = await ratingCount();
    expect((await rate(privateTask, { rating: 5 }, nextAddress())).statusCode).toBe(404);
    expect(await ratingCount()).toBe(before);
  });

  it('should allow one rating per task per address a day (429 rating_rate_limited)', async () => {
    const ip = nextAddress();
    expect((await rate(publicTask, { rating: 3 }, ip)).statusCode).toBe(202);
    const again = await rate(publicTask, { rating: 1 }, ip);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('rating_rate_limited');
    // Another address is not held back.
    expect((await rate(publicTask, { rating: 3 }, nextAddress())).statusCode).toBe(202);
  });

  it('should allow at most 5 ratings an hour from one address across tasks', async () => {
    const ip = nextAddress();
    const tasks = [];
    for (let i = 0; i < 6; i++) tasks.push(await makePublicTask(`限流事项${i}`));
    for (const id of tasks.slice(0, 5)) expect((await rate(id, { rating: 4 }, ip)).statusCode).toBe(202);
    const before = await ratingCount();
    const sixth = await rate(tasks[5] as number, { rating: 4 }, ip);
    expect(sixth.statusCode).toBe(429);
    expect(await ratingCount()).toBe(before);
  });

  it('should forget ratings older than the window', async () => {
    const ip = nextAddress();
    expect((await rate(publicTask, { rating: 2 }, ip)).statusCode).toBe(202);
    const old = new Date(Date.now() - 25 * 3600_000).toISOString();
    const latest = await t.db.selectFrom('public_ratings').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await t.db.updateTable('public_ratings').set({ created_at: old }).where('id', '=', latest.id).execute();
    expect((await rate(publicTask, { rating: 2 }, ip)).statusCode).toBe(202);
  });

  it('should pretend to accept a filled honeypot and store nothing', async () => {
    const before = await ratingCount();
    const res = await rate(publicTask, { rating: 5, website: 'http://spam.example' }, nextAddress());
    expect(res.statusCode).toBe(202);
    expect(await ratingCount()).toBe(before);
  });
});

describe('POST /public/tasks/:id/ratings (the HTML form)', () => {
  it('should redirect back to the task with a thank-you note', async () => {
    const res = await ratePage(
      publicTask,
      { rating: '5', comment: '<script>alert(1)</script>', lang: 'en' },
      nextAddress(),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/public/tasks/${publicTask}?rated=1&lang=en#rate`);
    const page = await t.app.inject({ method: 'GET', url: `/public/tasks/${publicTask}?rated=1&lang=en` });
    expect(page.body).toContain('It will appear after moderation');
  });

  it('should show a friendly page on bad input (400) and on the limit (429)', async () => {
    const ip = nextAddress();
    const bad = await ratePage(publicTask, { rating: '9' }, ip);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.body).toContain('请选择 1 至 5 星');
    expect((await ratePage(publicTask, { rating: '3' }, ip)).statusCode).toBe(303);
    const limited = await ratePage(publicTask, { rating: '3' }, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('提交过于频繁');
  });
});

describe('moderation', () => {
  async function pendingIds(): Promise<Array<{ id: number; version: number; comment: string | null }>> {
    const res = await sup('GET', '/public-ratings?status=pending');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  it('should refuse people outside the supervision office with 403', async () => {
    expect((await staff('GET', '/public-ratings')).statusCode).toBe(403);
    const [first] = await pendingIds();
    const res = await staff('POST', `/public-ratings/${first?.id}/moderate`, { status: 'approved', version: 1 });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/public-ratings' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('should count only approved ratings in the average and show only approved comments, escaped', async () => {
    const task = await makePublicTask('均分事项');
    await rate(task, { rating: 5, comment: '<b>很好</b>' }, nextAddress());
    await rate(task, { rating: 2, comment: '太慢了' }, nextAddress());
    await rate(task, { rating: 1, comment: '不予公开的留言' }, nextAddress());
    const pending = (await pendingIds()).filter((r) =>
      ['<b>很好</b>', '太慢了', '不予公开的留言'].includes(r.comment ?? ''),
    );
    const byComment = new Map(pending.map((r) => [r.comment, r]));
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/public/tasks/${task}` });
    expect(before.json().ratings).toEqual({ average: null, count: 0 });
    for (const [comment, status] of [
      ['<b>很好</b>', 'approved'],
      ['太慢了', 'approved'],
      ['不予公开的留言', 'rejected'],
    ] as const) {
      const rating = byComment.get(comment);
      const res = await sup('POST', `/public-ratings/${rating?.id}/moderate`, { status, version: rating?.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status, version: (rating?.version ?? 0) + 1 });
    }
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/public/tasks/${task}` });
    expect(after.json().ratings).toEqual({ average: 3.5, count: 2 });
    expect(
      after
        .json()
        .comments.map((c: { text: string }) => c.text)
        .sort(),
    ).toEqual(['<b>很好</b>', '太慢了'].sort());
    const html = await t.app.inject({ method: 'GET', url: `/public/tasks/${task}` });
    expect(html.body).toContain('平均 3.5 星（2 条评价）');
    expect(html.body).toContain('&lt;b&gt;很好&lt;/b&gt;');
    expect(html.body).not.toContain('<b>很好</b>');
    expect(html.body).not.toContain('不予公开的留言');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'public_rating')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['public_rating.approve', 'public_rating.reject']),
    );
    const rejected = await sup('GET', '/public-ratings?status=rejected');
    expect(rejected.json().items.map((r: { comment: string }) => r.comment)).toContain('不予公开的留言');
  });

  it('should answer 409 on a stale version and leave the rating as it was', async () => {
    const [first] = await pendingIds();
    const res = await sup('POST', `/public-ratings/${first?.id}/moderate`, {
      status: 'approved',
      version: (first?.version ?? 1) + 5,
    });
    expect(res.statusCode).toBe(409);
    const row = await t.db
      .selectFrom('public_ratings')
      .select('status')
      .where('id', '=', first?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('should answer 404 for a missing rating and 400 for a bad status', async () => {
    expect((await sup('POST', '/public-ratings/999999/moderate', { status: 'approved', version: 1 })).statusCode).toBe(
      404,
    );
    const [first] = await pendingIds();
    const bad = await sup('POST', `/public-ratings/${first?.id}/moderate`, { status: 'pending', version: 1 });
    expect(bad.statusCode).toBe(400);
  });
});
