import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodEndingOnOrAfter, periodsEndingBetween } from '../../domain/report-cycle.js';
import { advance } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { openReportSlots } from './report-slots.service.js';
import {
  act,
  addDays,
  buildReportingWorld,
  draftReport,
  makeReportingTask,
  periodsOf,
  type ReportingWorld,
  reportSnapshot,
  todayOf,
} from './report-test-fixtures.js';

// Report slots open by themselves when a period ends (the housekeeping job, or a read of the task's
// reports), once per task, unit and period, whatever runs them and however often; cycles are set
// by the supervision office and default to the reports setting.

let t: TestApp;
let w: ReportingWorld;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportingWorld(t, 'slots');
  today = todayOf(t);
});
afterAll(() => t.close());

const job = (options: { batchSize?: number } = {}) =>
  openReportSlots(t.db, today, { timeZone: t.config.timeZone, ...options });

async function slotsOf(taskId: number) {
  return t.db.selectFrom('report_periods').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

async function scheduleOf(taskId: number) {
  const row = await t.db.selectFrom('report_schedules').selectAll().where('task_id', '=', taskId).executeTakeFirst();
  return row?.next_period_end;
}

describe(openReportSlots.name, () => {
  it('should open a slot per unit for every month ended since assignment, and nothing more when run again', async () => {
    const assignedOn = addDays(today, -100);
    const { id } = await makeReportingTask(t, { lead: w.units.lead, cooperating: [w.units.coop], assignedOn });
    await job({ batchSize: 1 });
    const expected = periodsEndingBetween(
      { kind: 'monthly', customDates: [], anchorDate: null },
      assignedOn,
      addDays(today, -1),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const slots = await slotsOf(id);
    expect(slots).toHaveLength(expected.length * 2);
    expect(new Set(slots.map((s) => s.period_end))).toEqual(new Set(expected.map((p) => p.end)));
    expect(slots.filter((s) => s.unit_id === w.units.lead).every((s) => s.role === 'lead')).toBe(true);
    expect(await scheduleOf(id)).toBe(
      periodEndingOnOrAfter({ kind: 'monthly', customDates: [], anchorDate: null }, today)?.end,
    );

    const before = await reportSnapshot(t);
    await job();
    await job({ batchSize: 1 });
    await periodsOf(w.as.leadStaff, id);
    expect(await reportSnapshot(t)).toEqual(before);
  });

  it('should tell the units that a newly opened report is due, once', async () => {
    const { id } = await makeReportingTask(t, {
      lead: w.units.lead,
      assignedOn: addDays(today, -30),
      cycle: { kind: 'custom', customDates: [addDays(today, -20), addDays(today, -1)] },
    });
    await job();
    await job();
    const due = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('task_id', '=', id)
      .where('kind', '=', 'report.due')
      .execute();
    // Only the period still due is announced (the one ended 20 days ago is already overdue).
    expect(due.map((n) => n.user_id).sort()).toEqual([w.users.leadStaff, w.users.leadHead].sort());
    expect(JSON.parse(due[0]?.params ?? '{}').period).toContain(addDays(today, -1));
  });

  it('should tell the units once about a report whose due date passed unsubmitted, and not about one submitted', async () => {
    const { id } = await makeReportingTask(t, {
      lead: w.units.lead,
      cooperating: [w.units.coop],
      assignedOn: addDays(today, -30),
      cycle: { kind: 'custom', customDates: [addDays(today, -1)] },
    });
    await job();
    const slots = await slotsOf(id);
    expect(slots.every((slot) => Number(slot.due_checked) === 0)).toBe(true);
    const coopSlot = slots.find((slot) => slot.unit_id === w.units.coop);
    const part = await draftReport(w.as.coopStaff, id, coopSlot?.id ?? 0, {
      doneText: '配合单位按时报送。',
      percent: 10,
    });
    expect((await act(w.as.coopStaff, part.id, 'submit')).statusCode).toBe(200);
    // As if the due date had passed: the job looks at each slot once.
    await t.db
      .updateTable('report_periods')
      .set({ due_date: addDays(today, -1) })
      .where('task_id', '=', id)
      .execute();
    const first = await job();
    await job();
    const missing = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('task_id', '=', id)
      .where('kind', '=', 'report.missing')
      .execute();
    expect(missing.map((n) => n.user_id).sort()).toEqual([w.users.leadStaff, w.users.leadHead].sort());
    expect(first.missing).toBeGreaterThanOrEqual(1);
    expect((await slotsOf(id)).every((slot) => Number(slot.due_checked) === 1)).toBe(true);
  });

  it('should open nothing for a task suspended meanwhile, nor for the periods it spent suspended', async () => {
    const { id } = await makeReportingTask(t, { lead: w.units.lead, assignedOn: addDays(today, -100) });
    await advance(t, id, ['suspend']);
    await job();
    expect(await slotsOf(id)).toEqual([]);
    expect(await scheduleOf(id)).toBe('9999-12-31');
    await advance(t, id, ['resume']);
    await job();
    expect(await slotsOf(id)).toEqual([]);
    expect(await scheduleOf(id)).toBe(
      periodEndingOnOrAfter({ kind: 'monthly', customDates: [], anchorDate: null }, today)?.end,
    );
  });

  it('should open nothing for a task whose cycle is none', async () => {
    const { id } = await makeReportingTask(t, {
      lead: w.units.lead,
      assignedOn: addDays(today, -100),
      cycle: { kind: 'none' },
    });
    await job();
    expect(await periodsOf(w.as.leadStaff, id)).toEqual([]);
    expect(await scheduleOf(id)).toBe('9999-12-31');
  });
});

describe('PUT /tasks/:id/report-cycle', () => {
  it('should let the supervision office give a task its own cycle, applied from today on without opening past periods', async () => {
    const { id } = await makeReportingTask(t, { lead: w.units.lead, assignedOn: addDays(today, -100) });
    await job();
    const opened = (await slotsOf(id)).length;
    const res = await w.as.sup('PUT', `/tasks/${id}/report-cycle`, { version: 0, kind: 'weekly' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'weekly', customDates: [], anchorDate: null, isDefault: false, version: 1 });
    await job();
    expect(await slotsOf(id)).toHaveLength(opened);
    expect(await scheduleOf(id)).toBe(
      periodEndingOnOrAfter({ kind: 'weekly', customDates: [], anchorDate: null }, today)?.end,
    );
    const again = await w.as.admin('PUT', `/tasks/${id}/report-cycle`, {
      version: 1,
      kind: 'custom',
      customDates: ['2027-03-31', '2026-12-31', '2026-12-31'],
    });
    expect(again.json()).toMatchObject({ kind: 'custom', customDates: ['2026-12-31', '2027-03-31'], version: 2 });
    const history = await t.db.selectFrom('task_events').select('action').where('task_id', '=', id).execute();
    expect(history.filter((e) => e.action === 'report_cycle')).toHaveLength(2);
  });

  it('should show the default cycle, version 0, on a task without its own', async () => {
    const { id } = await makeReportingTask(t, { lead: w.units.lead, assignedOn: addDays(today, -10) });
    const res = await w.as.leadStaff('GET', `/tasks/${id}/reports`);
    expect(res.json().cycle).toEqual({
      kind: 'monthly',
      customDates: [],
      anchorDate: null,
      isDefault: true,
      version: 0,
    });
  });

  it('should refuse stale versions (409), other roles (403), unknown tasks (404) and bad cycles (400), changing nothing', async () => {
    const { id } = await makeReportingTask(t, { lead: w.units.lead, assignedOn: addDays(today, -10) });
    expect((await w.as.sup('PUT', `/tasks/${id}/report-cycle`, { version: 0, kind: 'quarterly' })).statusCode).toBe(
      200,
    );
    const before = await reportSnapshot(t);
    const stale = await w.as.sup('PUT', `/tasks/${id}/report-cycle`, { version: 0, kind: 'weekly' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await w.as.sup('PUT', `/tasks/${id}/report-cycle`, { version: 7, kind: 'weekly' })).statusCode).toBe(409);
    for (const call of [w.as.leadStaff, w.as.leadHead, w.as.leader, w.as.auditor]) {
      expect((await call('PUT', `/tasks/${id}/report-cycle`, { version: 1, kind: 'weekly' })).statusCode).toBe(403);
    }
    expect((await w.as.sup('PUT', '/tasks/999999/report-cycle', { version: 0, kind: 'weekly' })).statusCode).toBe(404);
    for (const body of [
      { version: 1, kind: 'custom' },
      { version: 1, kind: 'custom', customDates: [] },
      { version: 1, kind: 'fortnightly' },
      { version: 1, kind: 'custom', customDates: ['2026-02-30'] },
      { kind: 'weekly' },
    ]) {
      expect((await w.as.sup('PUT', `/tasks/${id}/report-cycle`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await reportSnapshot(t)).toEqual(before);
  });
});

describe('/settings/reports', () => {
  it('should show anyone the defaults: monthly, due on the 3rd working day, stalled after 2 cycles', async () => {
    const res = await w.as.leadStaff('GET', '/settings/reports');
    expect(res.json()).toEqual({ defaultCycle: 'monthly', dueWorkingDays: 3, stalledCycles: 2, version: 1 });
  });

  it('should refuse anyone but an administrator, stale versions and bad values, changing nothing', async () => {
    const before = (await w.as.admin('GET', '/settings/reports')).json();
    expect((await w.as.sup('PUT', '/settings/reports', { ...before })).statusCode).toBe(403);
    for (const body of [
      { ...before, dueWorkingDays: 31 },
      { ...before, stalledCycles: 0 },
      { ...before, defaultCycle: 'custom' },
      { ...before, extra: 1 },
    ]) {
      expect((await w.as.admin('PUT', '/settings/reports', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const stale = await w.as.admin('PUT', '/settings/reports', { ...before, version: before.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect((await w.as.admin('GET', '/settings/reports')).json()).toEqual(before);
  });

  it('should move tasks on the default cycle to a new default from today, leaving tasks with their own cycle', async () => {
    const onDefault = await makeReportingTask(t, { lead: w.units.lead, assignedOn: addDays(today, -60) });
    const ownCycle = await makeReportingTask(t, {
      lead: w.units.lead,
      assignedOn: addDays(today, -60),
      cycle: { kind: 'quarterly' },
    });
    await job();
    const ownNext = await scheduleOf(ownCycle.id);
    const opened = (await slotsOf(onDefault.id)).length;
    const current = (await w.as.admin('GET', '/settings/reports')).json();
    const res = await w.as.admin('PUT', '/settings/reports', { ...current, defaultCycle: 'weekly', dueWorkingDays: 2 });
    expect(res.json()).toEqual({
      defaultCycle: 'weekly',
      dueWorkingDays: 2,
      stalledCycles: 2,
      version: current.version + 1,
    });
    await job();
    expect(await slotsOf(onDefault.id)).toHaveLength(opened);
    expect(await scheduleOf(onDefault.id)).toBe(
      periodEndingOnOrAfter({ kind: 'weekly', customDates: [], anchorDate: null }, today)?.end,
    );
    expect(await scheduleOf(ownCycle.id)).toBe(ownNext);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('object_id', '=', 'reports')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({
      from: { defaultCycle: 'monthly' },
      to: { defaultCycle: 'weekly' },
    });
    await w.as.admin('PUT', '/settings/reports', { ...current, version: current.version + 1 });
  });
});

describe('the slot job with the history cursor', () => {
  it('should move past settled history, pick up a task assigned later, and read young entries again', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await t.db.updateTable('task_events').set({ at: hourAgo }).execute();
    const settled = await t.db
      .selectFrom('task_events')
      .select((eb) => eb.fn.max('id').as('last'))
      .executeTakeFirstOrThrow();
    await job();
    const cursor = await t.db.selectFrom('report_slot_cursor').select('last_event_id').executeTakeFirstOrThrow();
    expect(cursor.last_event_id).toBeLessThanOrEqual(Number(settled.last));
    expect(cursor.last_event_id).toBeGreaterThan(0);
    const { id } = await makeReportingTask(t, { lead: w.units.lead, assignedOn: addDays(today, -45) });
    await job();
    expect((await slotsOf(id)).length).toBeGreaterThan(0);
    const after = await t.db.selectFrom('report_slot_cursor').select('last_event_id').executeTakeFirstOrThrow();
    // The new assignment is younger than two minutes: read again next time, in case an earlier entry commits late.
    expect(after.last_event_id).toBe(cursor.last_event_id);
  });
});
