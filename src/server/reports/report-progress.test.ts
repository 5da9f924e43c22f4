import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, currentTask, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { openReportSlots } from './report-slots.service.js';
import {
  acceptedPlan,
  act,
  addDays,
  buildReportingWorld,
  draftReport,
  makeReportingTask,
  type ReportingWorld,
  slotId,
  todayOf,
} from './report-test-fixtures.js';

// Progress from reports: accepting a leaf task's lead report sets its progress (or the share of
// milestones done, when the plan says so) and rolls it up to the root in the same transaction; a
// task whose accepted percent stays put for N cycles is marked stalled (半途而废 risk).

let t: TestApp;
let w: ReportingWorld;
let today: string;
const d: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportingWorld(t, 'prog');
  today = todayOf(t);
  d.push(addDays(today, -80), addDays(today, -60), addDays(today, -40), addDays(today, -1));
});
afterAll(() => t.close());

async function task(extra: { parentId?: number; title?: string; dates?: string[] } = {}) {
  return makeReportingTask(t, {
    title: extra.title ?? '进度任务',
    lead: w.units.lead,
    assignedOn: addDays(today, -100),
    cycle: { kind: 'custom', customDates: extra.dates ?? d },
    ...(extra.parentId ? { parentId: extra.parentId } : {}),
  });
}

/** Drafts, submits, approves and accepts the lead report of the period ending `end` at `percent`. */
async function accept(
  taskId: number,
  end: string,
  percent: number,
  extra: Record<string, unknown> = {},
  periodId?: number,
) {
  const slot = periodId ?? (await slotId(w.as.leadStaff, taskId, end, w.units.lead));
  const draft = await draftReport(w.as.leadStaff, taskId, slot, {
    doneText: `截至${end}，累计完成${percent}%的工作量，本期工作内容编号${taskId}-${end}。`,
    percent,
    ...extra,
  });
  for (const [call, action] of [
    [w.as.leadStaff, 'submit'],
    [w.as.leadHead, 'approve'],
    [w.as.sup, 'accept'],
  ] as const) {
    const res = await act(call, draft.id, action);
    if (res.statusCode !== 200) throw new Error(`${action} ${res.statusCode} ${res.body}`);
  }
  return draft.id;
}

async function stateOf(taskId: number) {
  return t.db.selectFrom('task_report_state').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

describe('progress roll-up on acceptance', () => {
  it("should set a leaf's progress from its accepted lead report and roll it up to the parent, on the history", async () => {
    const parent = await makeTask(t, { title: '父任务', leadUnitId: w.units.lead });
    await advance(t, parent.id, ['assign']);
    const a = await task({ parentId: parent.id, title: '子任务甲' });
    const b = await task({ parentId: parent.id, title: '子任务乙' });
    const reportId = await accept(a.id, d[0] as string, 60);
    expect((await currentTask(t.db, a.id)).progress).toBe(60);
    expect((await currentTask(t.db, b.id)).progress).toBe(0);
    expect((await currentTask(t.db, parent.id)).progress).toBe(30);
    const history = await t.db
      .selectFrom('task_events')
      .select('action')
      .where('task_id', '=', a.id)
      .orderBy('id')
      .execute();
    // The acceptance first, then the progress it set: the timeline reads as cause and effect.
    expect(history.map((e) => e.action).slice(-2)).toEqual(['report_accepted', 'progress']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'task.progress')
      .where('object_id', '=', String(a.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ progress: [0, 60], reportId });
    await accept(b.id, d[0] as string, 20);
    expect((await currentTask(t.db, parent.id)).progress).toBe(40);
  });

  it('should use the share of milestones done when the plan says progress is milestone-weighted', async () => {
    const { id } = await task({ title: '节点加权任务' });
    await acceptedPlan(t, id, {
      progressBasis: 'milestones',
      milestones: ['m1', 'm2', 'm3', 'm4'].map((mid, i) => ({
        id: mid,
        date: addDays(today, 10 + i),
        deliverable: `节点${i + 1}`,
        evidenceRequired: false,
      })),
    });
    await accept(id, d[0] as string, 90, { milestonesDone: ['m1'] });
    expect((await currentTask(t.db, id)).progress).toBe(25);
  });

  it("should leave a parent's rolled-up progress alone when its own lead report is accepted", async () => {
    const parent = await task({ title: '有子任务的父任务' });
    await task({ parentId: parent.id, title: '其子任务' });
    const before = await currentTask(t.db, parent.id);
    await accept(parent.id, d[0] as string, 80);
    expect((await currentTask(t.db, parent.id)).progress).toBe(before.progress);
  });
});

describe('the stalled mark (半途而废)', () => {
  it('should mark a task stalled after 2 past-due cycles without a change of its accepted percent', async () => {
    const { id } = await task({ title: '停滞任务' });
    await accept(id, d[0] as string, 30);
    await accept(id, d[1] as string, 30);
    await accept(id, d[2] as string, 30);
    const state = await stateOf(id);
    expect(state).toMatchObject({ stalled: 1, last_percent: 30, change_period_end: d[0] });
    expect(state?.stalled_since).not.toBeNull();
    const res = await w.as.sup('GET', `/tasks/${id}/reports`);
    expect(res.json()).toMatchObject({ stalled: true, stalledSince: state?.stalled_since });
    await accept(id, d[3] as string, 45);
    expect(await stateOf(id)).toMatchObject({
      stalled: 0,
      stalled_since: null,
      last_percent: 45,
      change_period_end: d[3],
    });
  });

  it('should not mark a task whose percent moves each cycle', async () => {
    const { id } = await task({ title: '推进任务' });
    await accept(id, d[0] as string, 30);
    await accept(id, d[1] as string, 40);
    await accept(id, d[2] as string, 50);
    expect(await stateOf(id)).toMatchObject({ stalled: 0, change_period_end: d[2] });
  });

  it('should raise the mark when a new period opens without progress', async () => {
    const { id } = await task({ title: '开槽后停滞任务', dates: d.slice(0, 3) });
    const first = await slotId(w.as.leadStaff, id, d[0] as string, w.units.lead);
    const second = await slotId(w.as.leadStaff, id, d[1] as string, w.units.lead);
    // As if the job had not reached the third period yet (and reads had nothing to open either).
    await t.db
      .deleteFrom('report_periods')
      .where('task_id', '=', id)
      .where('period_end', '=', d[2] as string)
      .execute();
    await t.db
      .updateTable('report_schedules')
      .set({ next_period_end: '9999-12-30' })
      .where('task_id', '=', id)
      .execute();
    await accept(id, d[0] as string, 30, {}, first);
    await accept(id, d[1] as string, 30, {}, second);
    await t.db
      .updateTable('report_schedules')
      .set({ next_period_end: d[2] as string })
      .where('task_id', '=', id)
      .execute();
    expect(await stateOf(id)).toMatchObject({ stalled: 0 });
    await openReportSlots(t.db, today, { timeZone: t.config.timeZone });
    expect(await stateOf(id)).toMatchObject({ stalled: 1 });
  });
});
