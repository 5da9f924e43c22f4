import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  act,
  addDays,
  buildReportingWorld,
  draftReport,
  makeReportingTask,
  periodsOf,
  type ReportingWorld,
  reportSnapshot,
  slotId,
  todayOf,
} from './report-test-fixtures.js';

// Progress reports (进展反馈) through their review: drafts saved as people type, submission to the
// unit head, the supervision office's acceptance or return with reasons, resubmission with every
// round kept; cooperating units' parts stop at their head and show on the lead unit's report.

let t: TestApp;
let w: ReportingWorld;
let today: string;
const dates = { first: '', second: '', third: '' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportingWorld(t, 'flow');
  today = todayOf(t);
  dates.first = addDays(today, -70);
  dates.second = addDays(today, -40);
  dates.third = addDays(today, -10);
});
afterAll(() => t.close());

async function task(title: string) {
  return makeReportingTask(t, {
    title,
    lead: w.units.lead,
    cooperating: [w.units.coop],
    assignedOn: addDays(today, -100),
    cycle: { kind: 'custom', customDates: [dates.first, dates.second, dates.third] },
  });
}

describe('GET /tasks/:id/reports', () => {
  it('should open a slot for each unit and each period that has ended since assignment, newest first', async () => {
    const { id } = await task('开槽任务');
    const periods = await periodsOf(w.as.leadStaff, id);
    expect(periods.map((p) => p.end)).toEqual([dates.third, dates.second, dates.first]);
    expect(periods[2]?.start).toBe(addDays(today, -100));
    for (const period of periods) {
      expect(period.slots.map((s) => [s.unitId, s.role]).sort()).toEqual(
        [
          [w.units.lead, 'lead'],
          [w.units.coop, 'cooperating'],
        ].sort(),
      );
    }
    const res = await w.as.leadStaff('GET', `/tasks/${id}/reports`);
    expect(res.json()).toMatchObject({
      cycle: { kind: 'custom', isDefault: false, version: 1 },
      dueWorkingDays: 3,
      stalled: false,
      ownUnitIds: [w.units.lead],
      canSetCycle: false,
    });
  });

  it('should show the reports to the supervision office, a leader in charge and an auditor, and 404 to an unrelated unit', async () => {
    const { id } = await task('可见性任务');
    for (const call of [w.as.sup, w.as.leader, w.as.auditor, w.as.coopStaff]) {
      expect((await call('GET', `/tasks/${id}/reports`)).statusCode).toBe(200);
    }
    const res = await w.as.otherStaff('GET', `/tasks/${id}/reports`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('POST /tasks/:id/reports', () => {
  it("should start the caller's unit's draft once, answering the same report the second time", async () => {
    const { id } = await task('起草任务');
    const periodId = await slotId(w.as.leadStaff, id, dates.first, w.units.lead);
    const first = await w.as.leadStaff('POST', `/tasks/${id}/reports`, { periodId });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'draft',
      role: 'lead',
      unitId: w.units.lead,
      canEdit: true,
      version: 1,
    });
    const again = await w.as.leadHead('POST', `/tasks/${id}/reports`, { periodId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  it("should refuse another unit's slot with 403 and an unrelated unit with 404, changing nothing", async () => {
    const { id } = await task('越权起草任务');
    const periodId = await slotId(w.as.leadStaff, id, dates.first, w.units.lead);
    const other = await task('另一任务');
    const before = await reportSnapshot(t);
    expect((await w.as.coopStaff('POST', `/tasks/${id}/reports`, { periodId })).statusCode).toBe(403);
    expect((await w.as.sup('POST', `/tasks/${id}/reports`, { periodId })).statusCode).toBe(403);
    expect((await w.as.otherStaff('POST', `/tasks/${id}/reports`, { periodId })).statusCode).toBe(404);
    expect((await w.as.leadStaff('POST', `/tasks/${other.id}/reports`, { periodId })).statusCode).toBe(404);
    expect((await w.as.leadStaff('POST', `/tasks/${id}/reports`, { periodId: 'x' })).statusCode).toBe(400);
    expect(await reportSnapshot(t)).toEqual(before);
  });
});

describe('PUT /reports/:id', () => {
  it('should save the fields sent, bump the version, and keep no round or audit entry', async () => {
    const { id } = await task('保存草稿任务');
    const periodId = await slotId(w.as.leadStaff, id, dates.first, w.units.lead);
    const report = (await w.as.leadStaff('POST', `/tasks/${id}/reports`, { periodId })).json();
    const audit = (await reportSnapshot(t)).audit;
    const saved = await w.as.leadStaff('PUT', `/reports/${report.id}`, {
      version: 1,
      doneText: '完成了道路改造一期工程。',
      percent: 35.555,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      doneText: '完成了道路改造一期工程。',
      percent: 35.56,
      problems: '',
      version: 2,
    });
    const next = await w.as.leadStaff('PUT', `/reports/${report.id}`, { version: 2, problems: '资金不足。' });
    expect(next.json()).toMatchObject({ doneText: '完成了道路改造一期工程。', problems: '资金不足。', version: 3 });
    const after = await reportSnapshot(t);
    expect(after.audit).toBe(audit);
    expect(after.rounds.filter((r) => r.report_id === report.id)).toEqual([]);
  });

  it('should refuse a stale version with 409, changing nothing', async () => {
    const { id } = await task('过期版本任务');
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '第一稿',
    });
    const before = await reportSnapshot(t);
    const res = await w.as.leadStaff('PUT', `/reports/${draft.id}`, { version: draft.version - 1, doneText: '覆盖' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
    expect(await reportSnapshot(t)).toEqual(before);
  });

  it('should hide a draft from everyone outside its unit (404) and refuse bad input with 400', async () => {
    const { id } = await task('草稿保密任务');
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '尚未提交的草稿',
    });
    const before = await reportSnapshot(t);
    for (const call of [w.as.sup, w.as.coopStaff, w.as.otherStaff, w.as.auditor]) {
      expect((await call('GET', `/reports/${draft.id}`)).statusCode).toBe(404);
      expect((await call('PUT', `/reports/${draft.id}`, { version: draft.version, doneText: '改' })).statusCode).toBe(
        404,
      );
    }
    for (const body of [
      { version: draft.version, percent: 101 },
      { version: draft.version, percent: -1 },
      { version: draft.version, doneText: 'x'.repeat(20001) },
      { version: draft.version, status: 'accepted' },
      { version: draft.version, milestonesDone: ['bad id!'] },
      { doneText: '无版本' },
    ]) {
      const res = await w.as.leadStaff('PUT', `/reports/${draft.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await reportSnapshot(t)).toEqual(before);
  });
});

describe('POST /reports/:id/actions', () => {
  it('should keep both rounds when a returned report is fixed and resubmitted, then accepted', async () => {
    const { id } = await task('退回重报任务');
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '第一次报送：完成前期调研。',
      percent: 20,
    });
    expect((await act(w.as.leadStaff, draft.id, 'submit')).json()).toMatchObject({ status: 'pending_head' });
    expect((await act(w.as.leadHead, draft.id, 'approve')).json()).toMatchObject({ status: 'pending_supervisor' });
    const returned = await act(w.as.sup, draft.id, 'return', '进展情况过于笼统，请补充具体数据。');
    expect(returned.json()).toMatchObject({ status: 'returned', canEdit: false });
    const fixed = await w.as.leadStaff('PUT', `/reports/${draft.id}`, {
      version: returned.json().version,
      doneText: '第二次报送：完成前期调研，走访企业 32 家，形成报告 1 份。',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    await act(w.as.leadStaff, draft.id, 'submit');
    await act(w.as.leadHead, draft.id, 'approve');
    const accepted = await act(w.as.sup, draft.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    const body = accepted.json();
    expect(body.status).toBe('accepted');
    expect(body.rounds.map((r: { action: string }) => r.action)).toEqual([
      'submit',
      'approve',
      'return',
      'submit',
      'approve',
      'accept',
    ]);
    expect(body.rounds[0].snapshot.doneText).toBe('第一次报送：完成前期调研。');
    expect(body.rounds[2]).toMatchObject({ reason: '进展情况过于笼统，请补充具体数据。', snapshot: null });
    expect(body.rounds[3].snapshot.doneText).toContain('走访企业 32 家');
    expect(body.rounds[2].actor.id).toBe(w.users.sup);
    const timeline = await t.db
      .selectFrom('task_events')
      .select(['action', 'reason'])
      .where('task_id', '=', id)
      .where('action', 'like', 'report_%')
      .orderBy('id')
      .execute();
    expect(timeline.map((e) => e.action)).toEqual([
      'report_cycle',
      'report_submitted',
      'report_approved',
      'report_returned',
      'report_submitted',
      'report_approved',
      'report_accepted',
    ]);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'task')
      .where('object_id', '=', String(id))
      .where('action', 'like', 'task.report_%')
      .execute();
    expect(audited).toHaveLength(7);
  });

  it('should notify the head on submission, the supervision office on approval and the unit on return', async () => {
    const { id } = await task('通知任务');
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.second, w.units.lead), {
      doneText: '完成设备采购。',
      percent: 40,
    });
    await act(w.as.leadStaff, draft.id, 'submit');
    await act(w.as.leadHead, draft.id, 'approve');
    await act(w.as.sup, draft.id, 'return', '请补充验收材料。');
    const inbox = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'params'])
      .where('task_id', '=', id)
      .where('kind', 'like', 'report.%')
      .orderBy('id')
      .execute();
    const kindsOf = (userId: number) => inbox.filter((n) => n.user_id === userId).map((n) => n.kind);
    expect(kindsOf(w.users.leadHead)).toEqual(['report.pending_head', 'report.returned']);
    expect(kindsOf(w.users.sup)).toEqual(['report.pending_supervisor']);
    expect(kindsOf(w.users.leadStaff)).toEqual(['report.returned']);
    expect(JSON.parse(inbox.at(-1)?.params ?? '{}')).toMatchObject({ reason: '请补充验收材料。' });
  });

  it("should send a head's own submission straight to the supervision office, recording the implied approval", async () => {
    const { id } = await task('负责人直报任务');
    const draft = await draftReport(w.as.leadHead, id, await slotId(w.as.leadHead, id, dates.first, w.units.lead), {
      doneText: '负责人亲自报送。',
      percent: 10,
    });
    const res = await act(w.as.leadHead, draft.id, 'submit');
    expect(res.json()).toMatchObject({ status: 'pending_supervisor' });
    expect(res.json().rounds.map((r: { action: string }) => r.action)).toEqual(['submit', 'approve']);
  });

  it('should stop a cooperating part at its head and show it on the lead report of the same period', async () => {
    const { id } = await task('配合单位任务');
    const part = await draftReport(w.as.coopStaff, id, await slotId(w.as.coopStaff, id, dates.first, w.units.coop), {
      doneText: '配合单位完成数据核对。',
      problems: '数据口径不一致。',
      percent: 50,
    });
    await act(w.as.coopStaff, part.id, 'submit');
    const approved = await act(w.as.coopHead, part.id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'accepted', allowedActions: [] });
    const lead = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '牵头单位汇总。',
      percent: 30,
    });
    expect(lead.parts).toMatchObject([
      {
        id: part.id,
        unitId: w.units.coop,
        role: 'cooperating',
        status: 'accepted',
        doneText: '配合单位完成数据核对。',
      },
    ]);
    const task_ = await t.db.selectFrom('tasks').select('progress').where('id', '=', id).executeTakeFirstOrThrow();
    expect(task_.progress).toBe(0);
    // On the timeline the part's head approval is its own step, not a supervision acceptance.
    const timeline = await t.db
      .selectFrom('task_events')
      .select('action')
      .where('task_id', '=', id)
      .where('action', 'like', 'report_%')
      .orderBy('id')
      .execute();
    expect(timeline.map((e) => e.action)).toEqual(['report_cycle', 'report_submitted', 'report_part_accepted']);
  });

  it('should refuse illegal steps (409), steps by the wrong person (403), returns without a reason (422) and stale versions (409), changing nothing', async () => {
    const { id } = await task('非法操作任务');
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '待审核内容。',
      percent: 15,
    });
    await act(w.as.leadStaff, draft.id, 'submit');
    const current = (await w.as.leadStaff('GET', `/reports/${draft.id}`)).json();
    const before = await reportSnapshot(t);
    const illegal = await w.as.sup('POST', `/reports/${draft.id}/actions`, {
      action: 'accept',
      version: current.version,
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'report_action_illegal', allowed: ['approve', 'return'] });
    const byStaff = await w.as.leadStaff('POST', `/reports/${draft.id}/actions`, {
      action: 'approve',
      version: current.version,
    });
    expect(byStaff.statusCode).toBe(403);
    const byOtherHead = await w.as.coopHead('POST', `/reports/${draft.id}/actions`, {
      action: 'approve',
      version: current.version,
    });
    expect(byOtherHead.statusCode).toBe(403);
    const noReason = await w.as.leadHead('POST', `/reports/${draft.id}/actions`, {
      action: 'return',
      version: current.version,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'reason_required', field: 'reason' });
    const stale = await w.as.leadHead('POST', `/reports/${draft.id}/actions`, {
      action: 'approve',
      version: current.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const unrelated = await w.as.otherStaff('POST', `/reports/${draft.id}/actions`, {
      action: 'approve',
      version: current.version,
    });
    expect(unrelated.statusCode).toBe(404);
    const editPending = await w.as.leadStaff('PUT', `/reports/${draft.id}`, {
      version: current.version,
      doneText: '改',
    });
    expect(editPending.statusCode).toBe(409);
    expect(editPending.json().code).toBe('report_not_editable');
    const unknown = await w.as.leadHead('POST', `/reports/${draft.id}/actions`, {
      action: 'publish',
      version: current.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(await reportSnapshot(t)).toEqual(before);
  });

  it('should refuse to submit a report without what was done or without a percent (422)', async () => {
    const { id } = await task('内容不全任务');
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '  ',
      percent: 10,
    });
    const blank = await act(w.as.leadStaff, draft.id, 'submit');
    expect(blank.json()).toMatchObject({ code: 'report_incomplete', field: 'doneText' });
    await w.as.leadStaff('PUT', `/reports/${draft.id}`, { version: draft.version, doneText: '有内容', percent: null });
    const noPercent = await act(w.as.leadStaff, draft.id, 'submit');
    expect(noPercent.statusCode).toBe(422);
    expect(noPercent.json()).toMatchObject({ code: 'report_incomplete', field: 'percent' });
  });
});
