import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.service.js';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  type SheetCell,
  type SheetOrganisation,
  seedSheetOrganisation,
  sheetFile,
  uploadSheet,
} from './spreadsheet-fixtures.js';

// Issue 6, item 5, through the real routes on both databases: a sheet with bad rows is refused
// naming exactly those rows and writes nothing; fixed, it imports; changed, it updates; exported,
// it re-imports into a fresh source as the same tree.

let t: TestApp;
let org: SheetOrganisation;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedSheetOrganisation(t);
  await t.makeUser('sheet-supervisor', ['supervisor']);
  cookie = await t.login('sheet-supervisor');
});
afterAll(() => t.close());

/** The fixed sheet: two top-level tasks, the first with two subtasks. */
const GOOD: SheetCell[][] = [
  [
    '1',
    '加快推进重大项目建设',
    '市发改委',
    '市财政局、市商务局',
    '王副市长',
    '2026年12月底前',
    '全年固定资产投资增长8%',
  ],
  ['1.1', '建立重大项目月度调度机制', '发改委', null, null, '2026-06-30', null],
  ['1.2', '保障重大项目用地指标', '自然资源局', null, null, '2026年9月30日', null],
  ['2', '优化营商环境', '发展改革委', null, null, new Date(Date.UTC(2026, 9, 31)), null],
];

/** Each task of a source as the sheet describes it: the tree by parent title, units by id. */
async function sourceTree(db: Database, sourceId: number) {
  const tasks = await db.selectFrom('tasks').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
  const links = tasks.length
    ? await db
        .selectFrom('task_units')
        .selectAll()
        .where(
          'task_id',
          'in',
          tasks.map((task) => task.id),
        )
        .execute()
    : [];
  const titles = new Map(tasks.map((task) => [task.id, task.title]));
  return tasks
    .map((task) => ({
      title: task.title,
      parent: task.parent_id === null ? null : (titles.get(task.parent_id) ?? '?'),
      lead: task.lead_unit_id,
      cooperating: links
        .filter((link) => link.task_id === task.id && link.role === 'cooperating')
        .map((link) => link.unit_id)
        .sort((a, b) => a - b),
      leader: task.responsible_leader_id,
      deadline: task.deadline,
      description: task.description,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

describe('importSpreadsheet', () => {
  let sourceId = 0;

  it('should refuse a sheet with three bad rows, naming exactly those rows, and create nothing', async () => {
    const bad = [
      GOOD[0] as SheetCell[],
      ['1.1', '建立重大项目月度调度机制', '市不存在局', null, null, '2026-06-30', null],
      ['1.2', '保障重大项目用地指标', '自然资源局', null, null, '2026-02-30', null],
      ['1.2', '落实重大项目建设资金', '市财政局', null, null, '2026年9月30日', null],
      GOOD[3] as SheetCell[],
    ];
    const before = await taskSnapshot(t.db);
    const res = await uploadSheet(t, cookie, await sheetFile(bad));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('spreadsheet_invalid');
    expect(body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [3, '牵头单位', 'unit_unknown'],
      [4, '完成时限', 'date_impossible'],
      [5, '序号', 'number_duplicate'],
    ]);
    expect(body.problems[0].detail).toContain('市不存在局');
    expect(body.problems[2].detail).toContain('第 4 行');
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should report the problems in the caller’s language', async () => {
    const res = await uploadSheet(t, cookie, await sheetFile([['1', '', '市发改委']]), { language: 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0]).toMatchObject({ row: 2, column: '任务', code: 'title_missing' });
    expect(res.json().problems[0].detail).toBe('The task is empty.');
  });

  it('should import the fixed sheet as a draft tree of a new source named after the file', async () => {
    const res = await uploadSheet(t, cookie, await sheetFile(GOOD));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 4, updated: 0, unchanged: 0, assigned: false, notInSheet: [] });
    expect(body.source).toMatchObject({ title: '2026年重点工作任务分解表', isNew: true });
    sourceId = body.source.id;
    const { fgw, czj, swj, zrzyj } = org.units;
    const leader = org.leaderId;
    expect(await sourceTree(t.db, sourceId)).toEqual([
      {
        title: '优化营商环境',
        parent: null,
        lead: fgw,
        cooperating: [],
        leader: null,
        deadline: '2026-10-31',
        description: null,
      },
      // 1.2 leads with a cooperating unit of its parent: that one leaves the inherited list.
      {
        title: '保障重大项目用地指标',
        parent: '加快推进重大项目建设',
        lead: zrzyj,
        cooperating: [czj, swj],
        leader,
        deadline: '2026-09-30',
        description: null,
      },
      {
        title: '加快推进重大项目建设',
        parent: null,
        lead: fgw,
        cooperating: [czj, swj],
        leader,
        deadline: '2026-12-31',
        description: '全年固定资产投资增长8%',
      },
      {
        title: '建立重大项目月度调度机制',
        parent: '加快推进重大项目建设',
        lead: fgw,
        cooperating: [czj, swj],
        leader,
        deadline: '2026-06-30',
        description: null,
      },
    ]);
    const statuses = await t.db.selectFrom('tasks').select('status').where('source_id', '=', sourceId).execute();
    expect(statuses.every((row) => row.status === 'draft')).toBe(true);
    const keys = await t.db.selectFrom('import_keys').select('row_key').where('source_id', '=', sourceId).execute();
    expect(keys.map((k) => k.row_key).sort()).toEqual(['1', '1.1', '1.2', '2']);
  });

  it('should record each created task in its history and the audit trail, and keep the chain intact', async () => {
    const ids = (await t.db.selectFrom('tasks').select('id').where('source_id', '=', sourceId).execute()).map(
      (r) => r.id,
    );
    const events = await t.db.selectFrom('task_events').selectAll().where('task_id', 'in', ids).execute();
    expect(events.map((e) => [e.action, e.to_status])).toEqual(ids.map(() => ['create', 'draft']));
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', 'in', ['task.create', 'source.create', 'import.spreadsheet'])
      .where('object_id', 'in', [...ids.map(String), String(sourceId)])
      .execute();
    expect(
      audit
        .filter((a) => a.action === 'task.create')
        .map((a) => Number(a.object_id))
        .sort(),
    ).toEqual([...ids].sort((a, b) => a - b));
    expect(
      audit
        .filter((a) => a.action !== 'task.create')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['import.spreadsheet', 'source.create']);
    expect(await verifyAuditChain(t.db, { actor: systemActor('test') })).toMatchObject({ ok: true });
  });

  it('should update the edited rows, create the added one and duplicate nothing on re-import', async () => {
    const changed = [
      GOOD[0] as SheetCell[],
      ['1.1', '建立重大项目周调度机制', '发改委', null, null, '2026-06-30', null],
      GOOD[2] as SheetCell[],
      ['1.3', '落实重大项目建设资金', '市财政局', null, null, '2026-11-30', null],
      ['2', '优化营商环境', '发展改革委', null, null, '2026-09-30', null],
    ];
    const task11 = await t.db
      .selectFrom('tasks')
      .selectAll()
      .where('title', '=', '建立重大项目月度调度机制')
      .executeTakeFirstOrThrow();
    const res = await uploadSheet(t, cookie, await sheetFile(changed), { query: `sourceId=${sourceId}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 1, updated: 2, unchanged: 2, notInSheet: [] });
    expect(body.source).toMatchObject({ id: sourceId, isNew: false });
    expect(body.rows.map((r: { number: string; outcome: string }) => `${r.number}:${r.outcome}`)).toEqual([
      '1:unchanged',
      '1.1:updated',
      '1.2:unchanged',
      '1.3:created',
      '2:updated',
    ]);
    const tree = await sourceTree(t.db, sourceId);
    expect(tree).toHaveLength(5);
    expect(tree.find((task) => task.title === '优化营商环境')?.deadline).toBe('2026-09-30');
    expect(tree.find((task) => task.title === '落实重大项目建设资金')).toMatchObject({
      parent: '加快推进重大项目建设',
      lead: org.units.czj,
      cooperating: [org.units.swj],
    });
    const after = await t.db.selectFrom('tasks').selectAll().where('id', '=', task11.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ title: '建立重大项目周调度机制', version: task11.version + 1 });
    const parent = await t.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', after.parent_id)
      .executeTakeFirstOrThrow();
    expect(parent.child_count).toBe(3);
    const history = await t.db.selectFrom('task_events').selectAll().where('task_id', '=', task11.id).execute();
    expect(history.map((event) => event.action)).toEqual(['create', 'update']);
  });

  it('should leave tasks whose 序号 is no longer in the sheet alone and report them', async () => {
    const shorter = [GOOD[0] as SheetCell[], GOOD[2] as SheetCell[]];
    const res = await uploadSheet(t, cookie, await sheetFile(shorter), { query: `sourceId=${sourceId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().notInSheet.map((m: { number: string }) => m.number)).toEqual(['1.1', '1.3', '2']);
    expect(await sourceTree(t.db, sourceId)).toHaveLength(5);
  });

  it('should roll back every row when a task rule refuses one while writing', async () => {
    // 1's new deadline is before that of 1.3, which the sheet does not list: only the write sees it.
    const early = [
      ['1', '加快推进重大项目建设（修订）', '市发改委', '市财政局、市商务局', '王副市长', '2026-10-31', null],
      GOOD[2] as SheetCell[],
    ];
    const before = await taskSnapshot(t.db);
    const res = await uploadSheet(t, cookie, await sheetFile(early), { query: `sourceId=${sourceId}` });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: '完成时限',
        code: 'task_rule',
        params: expect.objectContaining({ rule: 'deadline_before_subtasks' }),
      }),
    ]);
    expect(await taskSnapshot(t.db)).toEqual(before);
  });
});
