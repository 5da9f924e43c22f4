import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateWorkingDays, reportDueDate } from '../../domain/report-cycle.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  acceptedPlan,
  act,
  addDays,
  buildReportingWorld,
  draftReport,
  makeReportingTask,
  periodsOf,
  type ReportingWorld,
  reportSnapshot,
  slotId,
  taskFile,
  todayOf,
} from './report-test-fixtures.js';

// The formalism guards: copy-paste reports flagged with their similarity and a side-by-side diff,
// milestones that need evidence, explanations for a drop or a jump past an unmet milestone, plan
// items that must exist; and late and missing reports counted in working days.

let t: TestApp;
let w: ReportingWorld;
let today: string;
const dates = { first: '', second: '', third: '', yesterday: '' };

const JUNE =
  '本月完成城区三条主干道的改造工程，累计投入资金一千二百万元，完成管网铺设八公里。存在问题：部分路段拆迁进度较慢，影响施工。下步措施：加快协调拆迁工作，确保年底前全面完工。';
const JULY = JUNE.replace('三条', '四条').replace('八公里', '九公里');
const DIFFERENT =
  '本季度重点推进老旧小区改造，完成外立面整治两处，加装电梯五部，群众满意度调查反映良好；下一步将启动雨污分流改造和停车位规划。';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportingWorld(t, 'guard');
  today = todayOf(t);
  dates.first = addDays(today, -70);
  dates.second = addDays(today, -40);
  dates.third = addDays(today, -20);
  dates.yesterday = addDays(today, -1);
});
afterAll(() => t.close());

async function task(title: string, extra: { isKey?: boolean } = {}) {
  return makeReportingTask(t, {
    title,
    lead: w.units.lead,
    cooperating: [w.units.coop],
    assignedOn: addDays(today, -100),
    cycle: { kind: 'custom', customDates: [dates.first, dates.second, dates.third, dates.yesterday] },
    ...extra,
  });
}

async function submitted(taskId: number, end: string, fields: Record<string, unknown>, unit: 'lead' | 'coop' = 'lead') {
  const call = unit === 'lead' ? w.as.leadStaff : w.as.coopStaff;
  const draft = await draftReport(call, taskId, await slotId(call, taskId, end, w.units[unit]), fields);
  const res = await act(call, draft.id, 'submit');
  if (res.statusCode !== 200) throw new Error(`submit ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('duplicate reports (重复/雷同)', () => {
  it("should flag a report ≥ 90 % similar to the unit's previous one, naming it, and compare them side by side", async () => {
    const { id } = await task('雷同任务');
    const june = await submitted(id, dates.first, { doneText: JUNE, percent: 20 });
    expect(june).toMatchObject({ similarity: null, flagged: false });
    const july = await submitted(id, dates.second, { doneText: JULY, percent: 30 });
    expect(july.flagged).toBe(true);
    expect(july.similarity).toBeGreaterThanOrEqual(0.9);
    expect(july.similarity).toBeLessThan(1);
    expect(july.similarReportId).toBe(june.id);
    const compare = await w.as.sup('GET', `/reports/${july.id}/compare/${june.id}`);
    expect(compare.statusCode, compare.body).toBe(200);
    const body = compare.json();
    expect(body.left).toMatchObject({ id: july.id, taskId: id, unitId: w.units.lead, periodEnd: dates.second });
    expect(body.right).toMatchObject({ id: june.id, periodEnd: dates.first, text: expect.stringContaining('三条') });
    expect(body.similarity).toBe(july.similarity);
    const removed = body.diff.filter((c: { removed: boolean }) => c.removed).map((c: { value: string }) => c.value);
    const added = body.diff.filter((c: { added: boolean }) => c.added).map((c: { value: string }) => c.value);
    expect(removed.join('')).toContain('四');
    expect(added.join('')).toContain('三');
    const unchanged = body.diff.filter((c: { added: boolean; removed: boolean }) => !c.added && !c.removed);
    expect(unchanged.map((c: { value: string }) => c.value).join('')).toContain('主干道的改造工程');
  });

  it("should flag a cooperating unit's copy of the lead unit's report for the same period", async () => {
    const { id } = await task('抄袭牵头单位任务');
    const lead = await submitted(id, dates.first, { doneText: DIFFERENT, percent: 20 });
    const copy = await submitted(id, dates.first, { doneText: DIFFERENT, problems: '无。', percent: 20 }, 'coop');
    expect(copy).toMatchObject({ flagged: true, similarReportId: lead.id });
    expect(copy.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it("should flag the same unit's report copied onto another task for the same period", async () => {
    const one = await task('同单位任务甲');
    const two = await task('同单位任务乙');
    const text = '本月牵头召开项目推进会两次，协调解决用地指标问题，完成项目立项和环评批复，启动施工图设计。';
    const first = await submitted(one.id, dates.first, { doneText: text, percent: 10 });
    const second = await submitted(two.id, dates.first, { doneText: text, percent: 10 });
    expect(second).toMatchObject({ flagged: true, similarity: 1, similarReportId: first.id });
  });

  it('should not flag a report written anew', async () => {
    const { id } = await task('认真填报任务');
    await submitted(id, dates.first, { doneText: JUNE, percent: 20 });
    const fresh = await submitted(id, dates.second, { doneText: DIFFERENT, percent: 30 });
    expect(fresh.flagged).toBe(false);
    expect(fresh.similarity).toBeLessThan(0.5);
  });

  it('should answer 404 to a comparison with a report the caller may not see', async () => {
    const { id } = await task('对比范围任务');
    const report = await submitted(id, dates.first, { doneText: JUNE, percent: 10 });
    const draft = await draftReport(w.as.coopStaff, id, await slotId(w.as.coopStaff, id, dates.first, w.units.coop), {
      doneText: '配合单位草稿',
    });
    expect((await w.as.otherStaff('GET', `/reports/${report.id}/compare/${report.id}`)).statusCode).toBe(404);
    expect((await w.as.leadStaff('GET', `/reports/${report.id}/compare/${draft.id}`)).statusCode).toBe(404);
    expect((await w.as.sup('GET', `/reports/${report.id}/compare/999999`)).statusCode).toBe(404);
  });
});

describe('milestones that require evidence', () => {
  it('should refuse to submit a milestone marked done without a file (422), and accept it with one', async () => {
    const { id } = await task('佐证任务');
    await acceptedPlan(t, id, {
      milestones: [
        { id: 'm1', date: dates.first, deliverable: '完成可行性研究报告', evidenceRequired: true },
        { id: 'm2', date: dates.third, deliverable: '开工建设', evidenceRequired: false },
      ],
    });
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '可研报告已完成。',
      percent: 20,
      milestonesDone: ['m1'],
    });
    const before = await reportSnapshot(t);
    const refused = await act(w.as.leadStaff, draft.id, 'submit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'milestone_evidence_required', field: 'fileIds' });
    expect(refused.json().detail).toContain('完成可行性研究报告');
    expect(await reportSnapshot(t)).toEqual(before);
    const fileId = await taskFile(t, id);
    const linked = await w.as.leadStaff('PUT', `/reports/${draft.id}`, { version: draft.version, fileIds: [fileId] });
    expect(linked.json().files).toMatchObject([{ id: fileId, name: '佐证材料.pdf' }]);
    const ok = await act(w.as.leadStaff, draft.id, 'submit');
    expect(ok.statusCode, ok.body).toBe(200);
    const link = await t.db
      .selectFrom('evidence_links')
      .selectAll()
      .where('file_id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ subject_type: 'report', subject_id: draft.id });
    expect(Number(link.locked)).toBe(1);
    expect(ok.json().rounds[0].snapshot.fileIds).toEqual([fileId]);
  });

  it('should refuse target values and milestones that are not in the accepted plan (422), changing nothing', async () => {
    const { id } = await task('方案条目任务');
    await acceptedPlan(t, id, {
      targets: [{ id: 't1', name: '新建道路', measureUnit: 'km', baseline: 0, targetValue: 12, dueDate: null }],
    });
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '内容',
      targetValues: { t1: 3.5 },
    });
    expect(draft.targetValues).toEqual({ t1: 3.5 });
    const before = await reportSnapshot(t);
    const target = await w.as.leadStaff('PUT', `/reports/${draft.id}`, {
      version: draft.version,
      targetValues: { t9: 1 },
    });
    expect(target.statusCode).toBe(422);
    expect(target.json()).toMatchObject({ code: 'unknown_plan_item', field: 'targetValues' });
    const milestone = await w.as.leadStaff('PUT', `/reports/${draft.id}`, {
      version: draft.version,
      milestonesDone: ['m9'],
    });
    expect(milestone.json()).toMatchObject({ code: 'unknown_plan_item', field: 'milestonesDone' });
    expect(await reportSnapshot(t)).toEqual(before);
  });
});

describe('explanations (情况说明)', () => {
  async function acceptedAt(id: number, end: string, percent: number) {
    const report = await submitted(id, end, { doneText: `第${end}期进展，完成${percent}%。`, percent });
    await act(w.as.leadHead, report.id, 'approve');
    const res = await act(w.as.sup, report.id, 'accept');
    expect(res.statusCode, res.body).toBe(200);
  }

  it('should require an explanation when the percent drops below the last accepted one', async () => {
    const { id } = await task('进度倒退任务');
    await acceptedAt(id, dates.first, 40);
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.second, w.units.lead), {
      doneText: '重新核算后进度下调。',
      percent: 35,
    });
    const before = await reportSnapshot(t);
    const refused = await act(w.as.leadStaff, draft.id, 'submit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'explanation_required', field: 'explanation' });
    expect(await reportSnapshot(t)).toEqual(before);
    await w.as.leadStaff('PUT', `/reports/${draft.id}`, {
      version: draft.version,
      explanation: '统计口径调整，剔除重复计算部分。',
    });
    expect((await act(w.as.leadStaff, draft.id, 'submit')).json()).toMatchObject({ status: 'pending_head' });
  });

  it('should require an explanation for a percent past the progress expected at an unmet milestone', async () => {
    const { id } = await task('跳过节点任务');
    const quarter = `${dates.first.slice(0, 4)}-Q${Math.floor((Number(dates.first.slice(5, 7)) - 1) / 3) + 1}`;
    await acceptedPlan(t, id, {
      milestones: [{ id: 'm1', date: dates.first, deliverable: '完成招标', evidenceRequired: false }],
      expectedProgress: [{ quarter, percent: 30 }],
    });
    const draft = await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.second, w.units.lead), {
      doneText: '施工进展顺利。',
      percent: 60,
    });
    const refused = await act(w.as.leadStaff, draft.id, 'submit');
    expect(refused.json()).toMatchObject({ code: 'explanation_required' });
    await w.as.leadStaff('PUT', `/reports/${draft.id}`, { version: draft.version, milestonesDone: ['m1'] });
    expect((await act(w.as.leadStaff, draft.id, 'submit')).json()).toMatchObject({ status: 'pending_head' });
  });
});

describe('late and missing reports', () => {
  it('should mark a report submitted after its due date with the working days it is late, and one on time with 0', async () => {
    const { id } = await task('迟报任务');
    const calendar = await loadWorkingCalendar(t.db);
    const due = reportDueDate(calendar, dates.second, 3);
    const late = await submitted(id, dates.second, { doneText: '迟报的内容。', percent: 10 });
    expect(late.lateWorkingDays).toBe(lateWorkingDays(calendar, due, today));
    expect(late.lateWorkingDays).toBeGreaterThan(0);
    const onTime = await submitted(id, dates.yesterday, { doneText: '按时报送的内容，与上期完全不同。', percent: 20 });
    expect(onTime.lateWorkingDays).toBe(0);
  });

  it('should mark periods whose lead report is overdue and not submitted as missing, with working days', async () => {
    const { id } = await task('漏报任务');
    await submitted(id, dates.second, { doneText: '第二期已报。', percent: 10 });
    const calendar = await loadWorkingCalendar(t.db);
    const periods = await periodsOf(w.as.sup, id);
    const byEnd = new Map(periods.map((p) => [p.end, p]));
    const firstDue = reportDueDate(calendar, dates.first, 3);
    expect(byEnd.get(dates.first)).toMatchObject({
      dueDate: firstDue,
      missingWorkingDays: lateWorkingDays(calendar, firstDue, today),
    });
    expect(byEnd.get(dates.first)?.missingWorkingDays).toBeGreaterThan(0);
    expect(byEnd.get(dates.second)?.missingWorkingDays).toBeNull();
    expect(byEnd.get(dates.third)?.missingWorkingDays).toBeGreaterThan(0);
    expect(byEnd.get(dates.yesterday)?.missingWorkingDays).toBeNull();
  });

  it('should count a draft that was never submitted as missing', async () => {
    const { id } = await task('仅草稿任务');
    await draftReport(w.as.leadStaff, id, await slotId(w.as.leadStaff, id, dates.first, w.units.lead), {
      doneText: '草稿',
    });
    const period = (await periodsOf(w.as.leadStaff, id)).find((p) => p.end === dates.first);
    expect(period?.missingWorkingDays).toBeGreaterThan(0);
  });
});
