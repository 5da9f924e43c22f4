import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import { caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { type MailSink, startMailSink } from './channel-fixtures.js';
import { deliverDue } from './delivery.job.js';
import { buildDigest, queueDailyDigests } from './digest.service.js';
import { startOfLocalDay } from './local-time.js';
import { notify } from './notifications.service.js';

// Preferences through the API (defaults, versions, validation) and the daily digest: what it says,
// in whose language, for whom, and that it is queued once per person and day however often and on
// however many nodes the job runs.

const TZ = 'Asia/Shanghai';
let t: TestApp;
let sink: MailSink;
const unit = { a: 0, b: 0, city: 0 };
const u = { head: 0, leader: 0, sup: 0, quiet: 0, off: 0, noEmail: 0 };
/** The digest's day: tomorrow, so that what is notified today is "yesterday's". */
let day = '';
/** 08:30 on the digest's day, local time. */
let digestTime: Date;

async function setEmail(userId: number, email: string) {
  await t.db.updateTable('users').set({ email }).where('id', '=', userId).execute();
}

async function digestRows() {
  return t.db.selectFrom('deliveries').selectAll().where('channel', '=', 'digest').orderBy('user_id').execute();
}

beforeAll(async () => {
  sink = await startMailSink();
  t = await createTestApp({ LUOSHI_SMTP_URL: sink.url, LUOSHI_TIMEZONE: TZ, LUOSHI_DIGEST_HOUR: '8' });
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住建局', unit.city)).id;
  unit.b = (await t.makeUnit('市城管局', unit.city)).id;
  u.head = await t.makeUser('d.head', ['unit_head'], { unitId: unit.a });
  u.leader = await t.makeUser('d.leader', ['leader'], { unitsInChargeIds: [unit.city] });
  u.sup = await t.makeUser('d.sup', ['supervisor']);
  u.quiet = await t.makeUser('d.quiet', ['auditor']);
  u.off = await t.makeUser('d.off', ['unit_staff'], { unitId: unit.a });
  u.noEmail = await t.makeUser('d.noemail', ['unit_staff'], { unitId: unit.a });
  for (const [id, email] of [
    [u.head, 'head@example.gov.cn'],
    [u.leader, 'leader@example.gov.cn'],
    [u.sup, 'sup@example.gov.cn'],
    [u.quiet, 'quiet@example.gov.cn'],
    [u.off, 'off@example.gov.cn'],
  ] as const) {
    await setEmail(id, email);
  }
  const tomorrow = new Date(startOfLocalDay(localDate(new Date(), TZ), TZ).getTime() + 36 * 3_600_000);
  day = localDate(tomorrow, TZ);
  digestTime = new Date(startOfLocalDay(day, TZ).getTime() + 8.5 * 3_600_000);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('GET and PUT /me/notification-prefs', () => {
  it('should answer the defaults until saved, then save with the version', async () => {
    const me = caller(t, await t.login('d.leader'));
    const defaults = await me('GET', '/me/notification-prefs');
    expect(defaults.statusCode, defaults.body).toBe(200);
    expect(defaults.json()).toEqual({
      locale: null,
      emailEnabled: true,
      digestEnabled: true,
      mutedKinds: [],
      version: 0,
      hasEmail: true,
      emailAvailable: true,
      digestHour: 8,
    });
    const body = { locale: 'en', emailEnabled: true, digestEnabled: true, mutedKinds: ['report.due', 'plan.accepted'] };
    const saved = await me('PUT', '/me/notification-prefs', { ...body, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ locale: 'en', mutedKinds: ['plan.accepted', 'report.due'], version: 1 });
    expect((await me('PUT', '/me/notification-prefs', { ...body, version: 0 })).statusCode).toBe(409);
    const stale = await me('PUT', '/me/notification-prefs', { ...body, version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const again = await me('PUT', '/me/notification-prefs', { ...body, mutedKinds: [], version: 1 });
    expect(again.json()).toMatchObject({ mutedKinds: [], version: 2 });
    expect((await me('GET', '/me/notification-prefs')).json()).toMatchObject({ locale: 'en', version: 2 });
  });

  it('should refuse unknown languages and kinds, the digest kind, and extra fields', async () => {
    const me = caller(t, await t.login('d.off'));
    const valid = { locale: null, emailEnabled: true, digestEnabled: false, mutedKinds: [], version: 0 };
    for (const body of [
      { ...valid, locale: 'fr' },
      { ...valid, mutedKinds: ['nope.kind'] },
      { ...valid, mutedKinds: ['digest.daily'] },
      { ...valid, userId: u.head },
    ]) {
      const res = await me('PUT', '/me/notification-prefs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await me('PUT', '/me/notification-prefs', valid)).statusCode).toBe(200);
  });
});

describe(buildDigest.name, () => {
  it("should list yesterday's unread notifications by group and the red and amber tasks, in the reader's language", async () => {
    const led = await makeTask(t, { title: '城中村改造', leadUnitId: unit.a });
    const other = await makeTask(t, { title: '市容整治', leadUnitId: unit.b });
    const third = await makeTask(t, { title: '背街小巷提升', leadUnitId: unit.b });
    await t.db.updateTable('tasks').set({ health_light: 'red' }).where('id', '=', led.id).execute();
    await t.db.updateTable('tasks').set({ health_light: 'amber' }).where('id', 'in', [other.id, third.id]).execute();
    await notify(t.db, { kind: 'task.assigned', taskId: led.id, userIds: [u.head, u.leader] });
    await notify(t.db, {
      kind: 'report.due',
      taskId: led.id,
      userIds: [u.head],
      params: { period: '3月', dueDate: '2026-03-05' },
    });
    await notify(t.db, { kind: 'plan.accepted', taskId: led.id, userIds: [u.head] });
    const [read] = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', u.head)
      .where('kind', '=', 'plan.accepted')
      .execute();
    await t.db
      .updateTable('notifications')
      .set({ read_at: new Date().toISOString() })
      .where('id', '=', read?.id ?? 0)
      .execute();

    const zh = await buildDigest(t.db, u.head, day, t.config);
    expect(zh).toMatchObject({ locale: 'zh-CN', unreadCount: 2, red: 1, amber: 0, isEmpty: false });
    expect(zh.subject).toBe(`【落实】每日督查摘要（${day}）`);
    expect(zh.groups).toEqual([
      { group: 'task', count: 1 },
      { group: 'report', count: 1 },
    ]);
    expect(zh.text).toContain(`任务交办（1）\n· 新交办任务：${led.number}「城中村改造」，请及时签收。`);
    expect(zh.text).toContain('进展反馈（1）');
    expect(zh.text).not.toContain('办理方案');
    expect(zh.text).toContain('红灯 1 项，黄灯 0 项');

    const en = await buildDigest(t.db, u.leader, day, t.config);
    expect(en).toMatchObject({ locale: 'en', unreadCount: 1, red: 1, amber: 2 });
    expect(en.subject).toBe(`[Luoshi] Daily supervision digest (${day})`);
    expect(en.text).toContain('Assigned tasks (1)');
    expect(en.text).toContain('1 red, 2 amber');

    const sup = await buildDigest(t.db, u.sup, day, t.config);
    expect(sup).toMatchObject({ unreadCount: 0, red: 1, amber: 2, isEmpty: false });
    expect((await buildDigest(t.db, u.quiet, day, t.config)).isEmpty).toBe(true);
    // Notifications of today are not yet "yesterday's" for today's digest.
    expect((await buildDigest(t.db, u.head, localDate(new Date(), TZ), t.config)).unreadCount).toBe(0);
  });
});

describe(queueDailyDigests.name, () => {
  it('should wait for the hour, then queue one digest per person with something to read, once', async () => {
    const deps = { db: t.db, config: t.config };
    await caller(t, await t.login('d.off'))('PUT', '/me/notification-prefs', {
      locale: null,
      emailEnabled: true,
      digestEnabled: false,
      mutedKinds: [],
      version: 1,
    });
    await notify(t.db, { kind: 'task.assigned', taskId: null, userIds: [u.off, u.noEmail] });
    expect(await queueDailyDigests(deps, { now: new Date(digestTime.getTime() - 3_600_000) })).toBeNull();
    expect(
      await queueDailyDigests({ db: t.db, config: { ...t.config, smtpUrl: undefined } }, { now: digestTime }),
    ).toBeNull();

    const [first, second] = await Promise.all([
      queueDailyDigests(deps, { now: digestTime, owner: 'node-a' }),
      queueDailyDigests(deps, { now: digestTime, owner: 'node-b' }),
    ]);
    expect((first?.queued ?? 0) + (second?.queued ?? 0)).toBe(3);
    const rows = await digestRows();
    expect(rows.map((row) => row.user_id).sort()).toEqual([u.head, u.leader, u.sup].sort());
    expect(rows.every((row) => row.dedupe_key === `digest:${row.user_id}:${day}` && row.status === 'pending')).toBe(
      true,
    );

    expect(await queueDailyDigests(deps, { now: new Date(digestTime.getTime() + 600_000) })).toBeNull();
    // A node that never saw the day completed still queues nothing twice.
    await t.db.updateTable('job_runs').set({ last_day: null, lease_owner: null, lease_until: null }).execute();
    expect(await queueDailyDigests(deps, { now: digestTime, owner: 'node-c' })).toEqual({ day, queued: 0 });
    expect(await digestRows()).toHaveLength(3);
  });

  it('should be mailed by the delivery job in the reader language', async () => {
    // The single emails of the notifications above go out in the same run.
    const run = await deliverDue({ db: t.db, dialect: t.dialect, config: t.config }, { now: digestTime });
    expect(run).toMatchObject({ retrying: 0, dead: 0 });
    expect((await digestRows()).every((row) => row.status === 'sent')).toBe(true);
    const digestTo = (address: string) =>
      sink.messages.find((mail) => mail.to.includes(address) && mail.subject.includes(day));
    const leaderMail = digestTo('leader@example.gov.cn');
    expect(leaderMail?.subject).toBe(`[Luoshi] Daily supervision digest (${day})`);
    expect(leaderMail?.text).toContain('Open tasks in your scope: 1 red, 2 amber.');
    const headMail = digestTo('head@example.gov.cn');
    expect(headMail?.subject).toBe(`【落实】每日督查摘要（${day}）`);
  });
});

describe('GET /me/digest-preview', () => {
  it('should show my digest as it would be mailed today, in my language', async () => {
    const me = caller(t, await t.login('d.leader'));
    const res = await me('GET', '/me/digest-preview');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      day: localDate(new Date(), TZ),
      locale: 'en',
      red: 1,
      amber: 2,
      isEmpty: false,
    });
    expect(res.json().text).toContain('Open tasks in your scope');
  });
});
