import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/status-reports-api.js';
import { type MailSink, startMailSink } from '../notifications/channel-fixtures.js';
import { deliverDue } from '../notifications/delivery.job.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { runDueSchedules } from './status-report-due.service.js';
import { type ReportOrg, seedReportOrg, TITLES } from './status-report-fixtures.js';
import { isoWeek, nextDueAt, resolveWindow, windowForRun } from './status-report-window.js';

// Scheduled implementation reports: the settings (create, read, change and remove with versions,
// refusals that change nothing), "send now", and the job that sends each due schedule once per
// due time under the job lease, by email with the report attached (a real SMTP sink reads it back).

const TZ = 'Asia/Shanghai';
let t: TestApp;
let sink: MailSink;
let org: ReportOrg;
let recipient = 0;

beforeAll(async () => {
  sink = await startMailSink();
  t = await createTestApp({ LUOSHI_SMTP_URL: sink.url, LUOSHI_PUBLIC_URL: 'https://luoshi.example.gov.cn' });
  org = await seedReportOrg(t, 'ss');
  recipient = await t.makeUser('ss.reader', ['leader'], { unitsInChargeIds: [org.unit.b] });
  await t.db.updateTable('users').set({ email: 'reader@example.gov.cn' }).where('id', '=', recipient).execute();
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const body = (overrides: object = {}) => ({
  name: '政府工作报告周报',
  sourceId: org.sourceId,
  frequency: 'weekly',
  weekday: 1,
  hour: 9,
  formats: ['docx', 'xlsx'],
  recipientIds: [recipient],
  ownerId: recipient,
  ...overrides,
});

async function schedulesSnapshot() {
  return Promise.all([
    t.db.selectFrom('status_report_schedules').selectAll().orderBy('id').execute(),
    t.db.selectFrom('status_report_runs').selectAll().orderBy('id').execute(),
  ]);
}

describe('status report windows', () => {
  it('should take Monday–Sunday weeks and calendar months', () => {
    expect(resolveWindow({ window: 'weekly', on: '2026-11-27', today: '2026-11-27' })).toEqual({
      kind: 'weekly',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(resolveWindow({ window: 'monthly', on: '2026-02-10', today: '2026-11-27' })).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
  });

  it('should find the next due time in local time and report on the period just closed', () => {
    const rule = { frequency: 'weekly' as const, weekday: 1, dayOfMonth: 1, hour: 9 };
    // Friday 27 November 2026, 12:00 in Shanghai → Monday 30 November, 09:00 local = 01:00 UTC.
    const due = nextDueAt(rule, new Date('2026-11-27T04:00:00Z'), TZ);
    expect(due.toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(windowForRun('weekly', due, TZ)).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    const monthly = nextDueAt({ ...rule, frequency: 'monthly' }, due, TZ);
    expect(monthly.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(windowForRun('monthly', monthly, TZ)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });
});

describe('/status-report-schedules', () => {
  it('should create, read, change and remove a schedule with versions', async () => {
    const created = await org.as.sup('POST', '/status-report-schedules', body());
    expect(created.statusCode, created.body).toBe(201);
    const schedule = created.json() as Schedule;
    expect(schedule).toMatchObject({
      subject: { kind: 'source', id: org.sourceId, title: '2026年政府工作报告' },
      recipients: [{ id: recipient, name: 'ss.reader' }],
      enabled: true,
      version: 1,
      runs: [],
    });
    expect(schedule.nextRunAt).not.toBeNull();
    const changed = await org.as.sup('PATCH', `/status-report-schedules/${schedule.id}`, {
      frequency: 'monthly',
      dayOfMonth: 5,
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ frequency: 'monthly', dayOfMonth: 5, version: 2 });
    const before = await schedulesSnapshot();
    const stale = await org.as.sup('PATCH', `/status-report-schedules/${schedule.id}`, { name: '改名', version: 1 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'version_conflict']);
    const staleDelete = await org.as.sup('DELETE', `/status-report-schedules/${schedule.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    expect(await schedulesSnapshot()).toEqual(before);
    const list = await org.as.admin('GET', '/status-report-schedules');
    expect(list.json().items.map((item: Schedule) => item.id)).toContain(schedule.id);
    const removed = await org.as.sup('DELETE', `/status-report-schedules/${schedule.id}?version=2`);
    expect(removed.statusCode).toBe(204);
    expect((await org.as.sup('GET', `/status-report-schedules/${schedule.id}`)).statusCode).toBe(404);
  });

  it('should refuse bad settings and other roles, changing nothing', async () => {
    const before = await schedulesSnapshot();
    const refusals: Array<[ReturnType<typeof org.as.sup>, number]> = [
      [org.as.sup('POST', '/status-report-schedules', body({ periodId: org.periodId })), 400],
      [org.as.sup('POST', '/status-report-schedules', body({ sourceId: null })), 400],
      [org.as.sup('POST', '/status-report-schedules', body({ sourceId: 999999 })), 422],
      [org.as.sup('POST', '/status-report-schedules', body({ recipientIds: [999999] })), 400],
      [org.as.sup('POST', '/status-report-schedules', body({ formats: [] })), 400],
      [org.as.sup('POST', '/status-report-schedules', body({ hour: 24 })), 400],
      [org.as.leader('POST', '/status-report-schedules', body()), 403],
      [org.as.aStaff('GET', '/status-report-schedules'), 403],
      [org.as.auditor('GET', '/status-report-schedules'), 403],
      [org.as.sup('PATCH', '/status-report-schedules/999999', { name: 'x', version: 1 }), 404],
    ];
    for (const [request, status] of refusals) expect((await request).statusCode).toBe(status);
    expect(await schedulesSnapshot()).toEqual(before);
  });
});

describe('sending scheduled reports', () => {
  it('should send a due schedule once per due time, under the lease, with the report attached', async () => {
    const created = (
      await org.as.sup('POST', '/status-report-schedules', body({ name: '到期周报' }))
    ).json() as Schedule;
    const dueAt = '2026-11-23T01:00:00.000Z';
    await t.db
      .updateTable('status_report_schedules')
      .set({ next_run_at: dueAt })
      .where('id', '=', created.id)
      .execute();
    const deps = { db: t.db, dialect: t.dialect, config: t.config };
    const now = new Date('2026-11-27T04:00:30Z');
    // Two nodes at once: one takes the lease and sends; the other finds it taken or done.
    const [first, second] = await Promise.all([
      runDueSchedules(deps, { owner: 'node-1', now }),
      runDueSchedules(deps, { owner: 'node-2', now }),
    ]);
    const sent = [...first.sent, ...second.sent].filter((run) => run.dueAt !== null);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ trigger: 'schedule', outcome: 'queued', from: '2026-11-16', to: '2026-11-22' });
    // A later round finds nothing due: the schedule moved on to its next due time.
    const later = await runDueSchedules(deps, { owner: 'node-2', now: new Date('2026-11-27T04:05:00Z') });
    expect(later).toEqual({ claimed: true, sent: [] });
    const runs = await t.db
      .selectFrom('status_report_runs')
      .selectAll()
      .where('schedule_id', '=', created.id)
      .execute();
    expect(runs).toHaveLength(1);
    const row = await t.db
      .selectFrom('status_report_schedules')
      .select('next_run_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(new Date(String(row.next_run_at)).toISOString()).toBe('2026-11-30T01:00:00.000Z');

    const delivered = await deliverDue(deps);
    expect(delivered.sent).toBeGreaterThanOrEqual(1);
    const mail = sink.messages.find((message) => message.to.includes('reader@example.gov.cn'));
    expect(mail?.raw).toMatch(/Content-Disposition: attachment/i);
    expect(mail?.raw).toContain('.docx');
    expect(mail?.raw).toContain('.xlsx');
  });

  it('should send now on request and show the run with its recipients on the schedule', async () => {
    const created = (
      await org.as.sup('POST', '/status-report-schedules', body({ name: '立即发送' }))
    ).json() as Schedule;
    const res = await org.as.sup('POST', `/status-report-schedules/${created.id}/send`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      trigger: 'manual',
      outcome: 'queued',
      items: 1,
      recipients: [{ id: recipient, email: 'reader@example.gov.cn' }],
    });
    const shown = (await org.as.sup('GET', `/status-report-schedules/${created.id}`)).json() as Schedule;
    expect(shown.runs).toHaveLength(1);
    expect(shown.lastRunAt).not.toBeNull();
    expect((await org.as.leader('POST', `/status-report-schedules/${created.id}/send`)).statusCode).toBe(403);
  });

  it('should generate the report in the owner’s scope, not everyone’s', async () => {
    const created = (
      await org.as.sup('POST', '/status-report-schedules', body({ name: '范围', formats: ['xlsx'] }))
    ).json();
    await org.as.sup('POST', `/status-report-schedules/${created.id}/send`);
    const deliveries = await t.db
      .selectFrom('deliveries')
      .select('payload')
      .where('dedupe_key', 'like', 'status-report:%')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    const payload = JSON.parse(deliveries[0]?.payload ?? '{}') as { attachments: Array<{ base64: string }> };
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(payload.attachments[0]?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const text = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
    expect(text).toContain(TITLES.b);
    expect(text).not.toContain(TITLES.a);
  });

  it('should record a failed run when the owner is no longer active', async () => {
    const owner = await t.makeUser('ss.gone', ['supervisor']);
    const created = (
      await org.as.sup('POST', '/status-report-schedules', body({ name: '失败', ownerId: owner }))
    ).json();
    await t.db.updateTable('users').set({ deactivated_at: new Date().toISOString() }).where('id', '=', owner).execute();
    const res = await org.as.sup('POST', `/status-report-schedules/${created.id}/send`);
    expect(res.json()).toMatchObject({ outcome: 'failed', error: expect.stringContaining('owner') });
  });
});
