import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './channel-fixtures.js';
import { purgeDeliveries } from './deliveries.repository.js';
import { deliverDue, MAX_ATTEMPTS, retryDelayMs } from './delivery.job.js';
import { notify } from './notifications.service.js';

// Webhooks end to end: administrators manage them through the API; a real event queues one call
// per webhook (not per recipient); the job posts it, signed, to a real local receiver that fails
// first, retries after the back-off (the clock moved by `now`), and the delivery log tells the story.

const PUBLIC_URL = 'https://luoshi.example.gov.cn';
let t: TestApp;
let receiver: WebhookReceiver;
let admin: ReturnType<typeof caller>;
let unitId = 0;

const run = (now?: Date) => deliverDue({ db: t.db, dialect: t.dialect, config: t.config }, now ? { now } : {});

async function addWebhook(body: Record<string, unknown>) {
  const res = await admin('POST', '/webhooks', {
    name: '督查室群',
    url: `${receiver.url}/hook`,
    format: 'generic',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function disableAll() {
  await t.db.updateTable('webhooks').set({ enabled: 0 }).execute();
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTestApp({ LUOSHI_PUBLIC_URL: PUBLIC_URL });
  admin = caller(t, await t.login('admin'));
  unitId = (await t.makeUnit('市水务局')).id;
  await t.makeUser('w.head', ['unit_head'], { unitId });
  await t.makeUser('w.staff', ['unit_staff'], { unitId });
  await t.makeUser('w.sup', ['supervisor']);
  await t.makeUser('w.clerk', ['unit_staff'], { unitId });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
beforeEach(async () => {
  await run();
  await disableAll();
  receiver.calls.length = 0;
  receiver.answers.length = 0;
});

describe('webhooks API', () => {
  it('should create a generic webhook with a generated secret shown once, and never again', async () => {
    const created = await addWebhook({ kinds: ['task.assigned'] });
    expect(created).toMatchObject({ format: 'generic', hasSecret: true, kinds: ['task.assigned'], enabled: true });
    expect(created.secret).toMatch(/^whsec_/);
    const list = await admin('GET', '/webhooks');
    const listed = list.json().items.find((w: { id: number }) => w.id === created.id);
    expect(listed).not.toHaveProperty('secret');
    expect(JSON.stringify(list.json())).not.toContain(created.secret);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'webhook.create').execute();
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it('should refuse an address that is not http(s)', async () => {
    for (const url of ['ftp://example.com/hook', 'javascript:alert(1)', 'not a url', '/relative']) {
      const res = await admin('POST', '/webhooks', { name: '坏地址', url, format: 'wecom' });
      expect(res.statusCode, url).toBe(422);
      expect(res.json()).toMatchObject({ code: 'webhook_url_invalid', field: 'url' });
    }
  });

  it('should update with the version, answer 409 to a stale one, and delete', async () => {
    const created = await addWebhook({
      format: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    });
    expect(created.secret).toBeNull();
    const changed = await admin('PATCH', `/webhooks/${created.id}`, {
      version: created.version,
      name: '改名',
      enabled: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '改名', enabled: false, version: created.version + 1 });
    const stale = await admin('PATCH', `/webhooks/${created.id}`, { version: created.version, name: '再改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await admin('DELETE', `/webhooks/${created.id}?version=${created.version}`)).statusCode).toBe(409);
    expect((await admin('DELETE', `/webhooks/${created.id}?version=${created.version + 1}`)).statusCode).toBe(204);
    expect((await admin('GET', `/webhooks/${created.id}`)).statusCode).toBe(404);
  });

  it('should let the supervision office read webhooks without the robot key, and nobody else change them', async () => {
    const created = await addWebhook({
      format: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=SECRET123',
    });
    const sup = caller(t, await t.login('w.sup'));
    const seen = (await sup('GET', '/webhooks')).json().items.find((w: { id: number }) => w.id === created.id);
    expect(seen.url).toBe('https://oapi.dingtalk.com/robot/send?…');
    expect((await sup('PATCH', `/webhooks/${created.id}`, { version: 1, enabled: false })).statusCode).toBe(403);
    expect((await sup('POST', `/webhooks/${created.id}/test`)).statusCode).toBe(403);
    const clerk = caller(t, await t.login('w.clerk'));
    expect((await clerk('GET', '/webhooks')).statusCode).toBe(403);
  });
});

describe('webhook delivery', () => {
  it('should post one signed call per event, retry after a failure with back-off, and log it', async () => {
    const hook = await addWebhook({ kinds: ['task.assigned'] });
    const task = await makeTask(t, { title: '防汛物资储备', leadUnitId: unitId });
    const sup = caller(t, await t.login('w.sup'));
    expect((await sup('POST', `/tasks/${task.id}/assign`, { version: task.version })).statusCode).toBe(200);
    const queued = await t.db.selectFrom('deliveries').selectAll().where('webhook_id', '=', hook.id).execute();
    // Three people were notified; the webhook hears of the event once.
    expect(queued).toHaveLength(1);
    expect(queued[0]?.target).toBe(`${receiver.url}/hook`);

    receiver.answers.push({ status: 500, body: 'busy' });
    const start = new Date(Date.now() + 1000);
    expect(await run(start)).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await t.db.selectFrom('deliveries').selectAll().where('webhook_id', '=', hook.id).execute();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 500 });
    expect(row?.last_error).toContain('HTTP 500');
    expect(row?.next_attempt_at).toBe(new Date(start.getTime() + 60_000).toISOString());

    expect(await run(new Date(start.getTime() + 30_000))).toMatchObject({ claimed: 0 });
    expect(await run(new Date(start.getTime() + 61_000))).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await t.db.selectFrom('deliveries').selectAll().where('webhook_id', '=', hook.id).execute();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_status: 200, last_error: null });

    expect(receiver.calls).toHaveLength(2);
    const [first, second] = receiver.calls;
    expect(first?.body).toBe(second?.body);
    const call = second;
    const timestamp = String(call?.headers['x-luoshi-timestamp']);
    const expected = createHmac('sha256', hook.secret).update(`${timestamp}.${call?.body}`).digest('hex');
    expect(call?.headers['x-luoshi-signature']).toBe(`sha256=${expected}`);
    expect(Number(timestamp)).toBe(Math.floor((start.getTime() + 61_000) / 1000));
    const body = JSON.parse(call?.body ?? '{}');
    expect(body).toMatchObject({
      kind: 'task.assigned',
      text: `新交办任务：${task.number}「防汛物资储备」，请及时签收。`,
      task: { id: task.id, number: task.number, title: '防汛物资储备' },
      link: `${PUBLIC_URL}/tasks/${task.id}`,
    });
    expect(body.id).toMatch(/^n\d+$/);
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'id', 'kind', 'link', 'params', 'task', 'text']);

    const log = await admin('GET', `/webhooks/${hook.id}/deliveries`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastStatus: 200,
      webhookName: '督查室群',
    });
  });

  it('should skip kinds a webhook does not listen to, and send every kind when it lists none', async () => {
    const picky = await addWebhook({ name: '只收交办', kinds: ['task.assigned'] });
    const all = await addWebhook({ name: '全部', kinds: [] });
    await notify(t.db, { kind: 'report.missing', taskId: null, userIds: [], roles: ['supervisor'] });
    const rows = await t.db
      .selectFrom('deliveries')
      .select('webhook_id')
      .where('webhook_id', 'in', [picky.id, all.id])
      .execute();
    expect(rows.map((row) => row.webhook_id)).toEqual([all.id]);
  });

  it('should give up after the last attempt, and drop a call to a disabled webhook', async () => {
    const hook = await addWebhook({ name: '总是失败' });
    await notify(t.db, {
      kind: 'plan.returned',
      taskId: null,
      roles: ['supervisor'],
      params: { reason: '目标不具体' },
    });
    let at = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      receiver.answers.push({ status: 503 });
      await run(at);
      at = new Date(at.getTime() + retryDelayMs(attempt));
    }
    const [row] = await t.db.selectFrom('deliveries').selectAll().where('webhook_id', '=', hook.id).execute();
    expect(row).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, last_status: 503 });
    expect(await run(new Date(at.getTime() + 86_400_000))).toMatchObject({ claimed: 0 });

    await disableAll();
    const later = await addWebhook({ name: '随后停用' });
    await notify(t.db, { kind: 'plan.accepted', taskId: null, roles: ['supervisor'] });
    await t.db.updateTable('webhooks').set({ enabled: 0 }).where('id', '=', later.id).execute();
    expect(await run()).toMatchObject({ claimed: 1, dead: 1 });
    const [dropped] = await t.db.selectFrom('deliveries').selectAll().where('webhook_id', '=', later.id).execute();
    expect(dropped).toMatchObject({ status: 'dead', attempts: 1, last_error: 'webhook disabled' });
  });

  it('should queue a test message on request, even to a disabled webhook', async () => {
    const hook = await addWebhook({ name: '测试', enabled: false, locale: 'en' });
    const res = await admin('POST', `/webhooks/${hook.id}/test`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ channel: 'webhook', status: 'pending', webhookId: hook.id, attempts: 0 });
    expect(await run()).toMatchObject({ claimed: 1, sent: 1 });
    const body = JSON.parse(receiver.calls[0]?.body ?? '{}');
    expect(body).toMatchObject({ kind: 'webhook.test', task: null, text: expect.stringContaining('"测试"') });
  });

  it('should purge old sent and given-up deliveries but never pending ones', async () => {
    await addWebhook({ name: '待清理' });
    await notify(t.db, { kind: 'plan.accepted', taskId: null, roles: ['supervisor'] });
    const counts = async () =>
      Object.fromEntries(
        (
          await t.db
            .selectFrom('deliveries')
            .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy('status')
            .execute()
        ).map((row) => [row.status, Number(row.n)]),
      );
    const before = await counts();
    expect(before.pending).toBeGreaterThan(0);
    expect(before.sent).toBeGreaterThan(0);
    const removed = await purgeDeliveries(t.db, new Date(Date.now() + 365 * 86_400_000).toISOString());
    expect(removed).toBe((before.sent ?? 0) + (before.dead ?? 0));
    expect(await counts()).toEqual({ pending: before.pending });
  });
});
