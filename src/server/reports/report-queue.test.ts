import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  act,
  addDays,
  buildReportingWorld,
  type Call,
  draftReport,
  makeReportingTask,
  type ReportingWorld,
  slotId,
  todayOf,
} from './report-test-fixtures.js';

// The supervision office's queue: lead reports waiting for it, oldest first, filtered by late,
// flagged as duplicates, unit and key task, page by page.

let t: TestApp;
let w: ReportingWorld;
let today: string;
let otherHead: Call;
let past: string;
let yesterday: string;
const ids = { late: 0, onTime: 0, flagged: 0, key: 0, otherUnit: 0, pendingHead: 0 };

const TEXT =
  '本期完成河道清淤十二公里，新建堤防加固工程三处，完成投资八百万元；存在问题是汛期施工窗口短；下一步加快施工进度。';

async function pending(call: Call, head: Call, taskId: number, unitId: number, end: string, doneText: string) {
  const draft = await draftReport(call, taskId, await slotId(call, taskId, end, unitId), { doneText, percent: 20 });
  await act(call, draft.id, 'submit');
  await act(head, draft.id, 'approve');
  return draft.id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildReportingWorld(t, 'queue');
  await t.makeUser('queue.other.head', ['unit_head'], { unitId: w.units.other });
  otherHead = caller(t, await t.login('queue.other.head'));
  today = todayOf(t);
  past = addDays(today, -40);
  yesterday = addDays(today, -1);
  const cycle = { kind: 'custom' as const, customDates: [past, yesterday] };
  const assignedOn = addDays(today, -60);
  const plain = await makeReportingTask(t, { title: '普通任务', lead: w.units.lead, assignedOn, cycle });
  const key = await makeReportingTask(t, { title: '重点任务', lead: w.units.lead, assignedOn, cycle, isKey: true });
  const copy = await makeReportingTask(t, { title: '雷同任务', lead: w.units.lead, assignedOn, cycle });
  const other = await makeReportingTask(t, { title: '他单位任务', lead: w.units.other, assignedOn, cycle });
  ids.late = await pending(w.as.leadStaff, w.as.leadHead, plain.id, w.units.lead, past, '迟报：上期完成清淤五公里。');
  ids.onTime = await pending(w.as.leadStaff, w.as.leadHead, plain.id, w.units.lead, yesterday, TEXT);
  ids.key = await pending(
    w.as.leadStaff,
    w.as.leadHead,
    key.id,
    w.units.lead,
    yesterday,
    '重点任务按期推进，完成征地拆迁九成。',
  );
  ids.flagged = await pending(w.as.leadStaff, w.as.leadHead, copy.id, w.units.lead, yesterday, TEXT);
  ids.otherUnit = await pending(
    w.as.otherStaff,
    otherHead,
    other.id,
    w.units.other,
    yesterday,
    '他单位完成年度培训计划。',
  );
  const waiting = await draftReport(
    w.as.leadStaff,
    copy.id,
    await slotId(w.as.leadStaff, copy.id, past, w.units.lead),
    {
      doneText: '尚待单位审核。',
      percent: 5,
    },
  );
  await act(w.as.leadStaff, waiting.id, 'submit');
  ids.pendingHead = waiting.id;
});
afterAll(() => t.close());

async function queue(query = '', call: Call = w.as.sup) {
  const res = await call('GET', `/reports/review-queue${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Array<{ id: number; task: { isKey: boolean }; flagged: boolean }>;
    nextCursor: string | null;
  };
}

describe('GET /reports/review-queue', () => {
  it('should list the lead reports waiting for the supervision office, oldest first, and nothing still with a unit head', async () => {
    const body = await queue();
    expect(body.items.map((i) => i.id)).toEqual([ids.late, ids.onTime, ids.key, ids.flagged, ids.otherUnit]);
    expect(body.nextCursor).toBeNull();
  });

  it.each([
    ['late', '?late=true', () => [ids.late]],
    ['not late', '?late=false', () => [ids.onTime, ids.key, ids.flagged, ids.otherUnit]],
    ['flagged', '?flagged=true', () => [ids.flagged]],
    ['key tasks', '?key=true', () => [ids.key]],
    ['one unit', () => `?unitId=${w.units.other}`, () => [ids.otherUnit]],
    ['combined filters', '?late=false&flagged=false&key=false', () => [ids.onTime, ids.otherUnit]],
  ])('should filter by %s', async (_label, query, expected) => {
    const q = typeof query === 'function' ? query() : query;
    expect((await queue(q)).items.map((i) => i.id)).toEqual(expected());
  });

  it('should page with a cursor, each report once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await queue(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([ids.late, ids.onTime, ids.key, ids.flagged, ids.otherUnit]);
  });

  it('should refuse everyone outside the supervision office with 403 and a forged cursor with 400', async () => {
    for (const call of [w.as.leadStaff, w.as.leadHead, w.as.leader, w.as.auditor]) {
      expect((await call('GET', '/reports/review-queue')).statusCode).toBe(403);
    }
    expect((await w.as.admin('GET', '/reports/review-queue')).statusCode).toBe(200);
    const forged = await w.as.sup('GET', '/reports/review-queue?cursor=abc');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_cursor');
    expect((await w.as.sup('GET', '/reports/review-queue?late=maybe')).statusCode).toBe(400);
  });

  it('should drop a report from the queue once it is accepted', async () => {
    await act(w.as.sup, ids.key, 'accept');
    expect((await queue('?key=true')).items).toEqual([]);
  });
});
