import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { type MailSink, startMailSink } from './channel-fixtures.js';
import { deliverDue, retryDelayMs } from './delivery.job.js';
import { notify } from './notifications.service.js';

// Email end to end: a real notification (a task assigned through the API) queues one email per
// recipient in their language; the delivery job sends it over SMTP to a real in-process server, and
// what arrives is read back. Preferences, missing addresses and a refusing server are covered too.

const PUBLIC_URL = 'https://luoshi.example.gov.cn';
let t: TestApp;
let sink: MailSink;
let unitId = 0;
const u = { head: 0, staff: 0, muted: 0, off: 0, noEmail: 0, bounce: 0, sup: 0 };

async function setEmail(userId: number, email: string | null) {
  await t.db.updateTable('users').set({ email }).where('id', '=', userId).execute();
}

const send = () => deliverDue({ db: t.db, dialect: t.dialect, config: t.config });

async function emailRows(notificationKind: string) {
  return t.db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .selectAll('deliveries')
    .where('deliveries.channel', '=', 'email')
    .where('notifications.kind', '=', notificationKind)
    .orderBy('deliveries.id')
    .execute();
}

beforeAll(async () => {
  sink = await startMailSink();
  t = await createTestApp({
    LUOSHI_SMTP_URL: sink.url,
    LUOSHI_PUBLIC_URL: PUBLIC_URL,
    LUOSHI_MAIL_FROM: '落实 <luoshi@example.gov.cn>',
  });
  unitId = (await t.makeUnit('市交通运输局')).id;
  u.head = await t.makeUser('m.head', ['unit_head'], { unitId });
  u.staff = await t.makeUser('m.staff', ['unit_staff'], { unitId });
  u.muted = await t.makeUser('m.muted', ['unit_staff'], { unitId });
  u.off = await t.makeUser('m.off', ['unit_staff'], { unitId });
  u.noEmail = await t.makeUser('m.noemail', ['unit_staff'], { unitId });
  u.sup = await t.makeUser('m.sup', ['supervisor']);
  await setEmail(u.head, 'head@example.gov.cn');
  await setEmail(u.staff, 'staff@example.gov.cn');
  await setEmail(u.muted, 'muted@example.gov.cn');
  await setEmail(u.off, 'off@example.gov.cn');
  await setEmail(u.sup, 'sup@example.gov.cn');
  const save = async (username: string, body: object) => {
    const res = await caller(t, await t.login(username))('PUT', '/me/notification-prefs', { version: 0, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };
  await save('m.staff', { locale: 'en', emailEnabled: true, digestEnabled: true, mutedKinds: [] });
  await save('m.muted', { locale: null, emailEnabled: true, digestEnabled: true, mutedKinds: ['task.assigned'] });
  await save('m.off', { locale: null, emailEnabled: false, digestEnabled: true, mutedKinds: [] });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('email on assigning a task', () => {
  it('should mail each recipient in their language with a link to the task, once', async () => {
    const task = await makeTask(t, { title: '推进公交线网优化', leadUnitId: unitId });
    const sup = caller(t, await t.login('m.sup'));
    const res = await sup('POST', `/tasks/${task.id}/assign`, { version: task.version });
    expect(res.statusCode, res.body).toBe(200);

    const queued = await emailRows('task.assigned');
    expect(queued.map((row) => row.target).sort()).toEqual(['head@example.gov.cn', 'staff@example.gov.cn']);
    expect(queued.every((row) => row.status === 'pending' && row.dedupe_key === `email:${row.notification_id}`)).toBe(
      true,
    );

    const run = await send();
    expect(run).toMatchObject({ claimed: 2, sent: 2, retrying: 0, dead: 0 });
    expect(sink.messages).toHaveLength(2);
    const zh = sink.messages.find((mail) => mail.to.includes('head@example.gov.cn'));
    const en = sink.messages.find((mail) => mail.to.includes('staff@example.gov.cn'));
    expect(zh?.from).toBe('luoshi@example.gov.cn');
    expect(zh?.subject).toBe(`【落实】新交办任务：${task.number}「推进公交线网优化」，请及时签收。`);
    expect(zh?.text).toContain(`新交办任务：${task.number}「推进公交线网优化」，请及时签收。`);
    expect(zh?.text).toContain(`查看任务：${PUBLIC_URL}/tasks/${task.id}`);
    expect(zh?.text).toContain(`${PUBLIC_URL}/notifications/preferences`);
    expect(zh?.html).toContain(`href="${PUBLIC_URL}/tasks/${task.id}"`);
    expect(en?.subject).toBe(`[Luoshi] New task assigned: ${task.number}「推进公交线网优化」. Please acknowledge it.`);
    expect(en?.text).toContain(`Open the task: ${PUBLIC_URL}/tasks/${task.id}`);

    const sent = await emailRows('task.assigned');
    expect(sent.every((row) => row.status === 'sent' && row.attempts === 1 && row.last_status === 250)).toBe(true);
    expect(sent.every((row) => row.sent_at !== null)).toBe(true);
    expect(await send()).toMatchObject({ claimed: 0 });
    expect(sink.messages).toHaveLength(2);
  });

  it('should not mail a muted kind, a person with email off, or a person without an address', async () => {
    const rows = await emailRows('task.assigned');
    const targets = rows.map((row) => row.user_id);
    for (const userId of [u.muted, u.off, u.noEmail]) expect(targets).not.toContain(userId);
    // The muted kind still reaches the inbox, and other kinds still reach the mailbox.
    const inbox = await t.db.selectFrom('notifications').select('kind').where('user_id', '=', u.muted).execute();
    expect(inbox.map((row) => row.kind)).toContain('task.assigned');
    await notify(t.db, { kind: 'plan.accepted', taskId: null, userIds: [u.muted, u.off] });
    expect((await emailRows('plan.accepted')).map((row) => row.user_id)).toEqual([u.muted]);
  });

  it('should queue nothing when the change is rolled back, and never mail the daily digest kind on its own', async () => {
    const before = await t.db.selectFrom('deliveries').select('id').execute();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notify(trx, { kind: 'report.accepted', taskId: null, userIds: [u.head] });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await notify(t.db, { kind: 'digest.daily', taskId: null, userIds: [u.head] });
    expect(await t.db.selectFrom('deliveries').select('id').execute()).toEqual(before);
  });
});

describe(deliverDue.name, () => {
  it('should retry a refused address with back-off and log the SMTP code', async () => {
    await send();
    u.bounce = await t.makeUser('m.bounce', ['unit_staff'], { unitId });
    await setEmail(u.bounce, 'bounce@example.gov.cn');
    await notify(t.db, { kind: 'closure.accepted', taskId: null, userIds: [u.bounce] });
    const start = new Date(Date.now() + 1000);
    expect(await deliverDue({ db: t.db, dialect: t.dialect, config: t.config }, { now: start })).toMatchObject({
      claimed: 1,
      retrying: 1,
    });
    const [row] = await emailRows('closure.accepted');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 550 });
    expect(row?.last_error).toMatch(/550|Mailbox unavailable/);
    expect(row?.next_attempt_at).toBe(new Date(start.getTime() + retryDelayMs(1)).toISOString());
    expect(await deliverDue({ db: t.db, dialect: t.dialect, config: t.config }, { now: start })).toMatchObject({
      claimed: 0,
    });
  });

  it('should show the log to administrators only', async () => {
    const admin = caller(t, await t.login('admin'));
    const log = await admin('GET', '/deliveries?channel=email&status=sent&limit=1');
    expect(log.statusCode, log.body).toBe(200);
    const [first] = log.json().items;
    expect(first).toMatchObject({ channel: 'email', status: 'sent', attempts: 1, lastStatus: 250, lastError: null });
    expect(first).not.toHaveProperty('payload');
    expect(log.json().nextCursor).toBeTruthy();
    const next = await admin('GET', `/deliveries?channel=email&status=sent&limit=1&cursor=${log.json().nextCursor}`);
    expect(next.json().items[0].id).toBeLessThan(first.id);
    const failed = await admin('GET', '/deliveries?status=pending');
    expect(failed.json().items[0]).toMatchObject({ target: 'bounce@example.gov.cn', attempts: 1, lastStatus: 550 });
    const sup = caller(t, await t.login('m.sup'));
    expect((await sup('GET', '/deliveries')).statusCode).toBe(403);
  });
});
