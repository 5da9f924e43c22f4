import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPREADSHEET_LIMITS } from '../../shared/spreadsheet-api.js';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { advance, makeTask, taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { exportTasks, numberTasks } from './spreadsheet-export.service.js';
import {
  type SheetCell,
  type SheetOrganisation,
  seedSheetOrganisation,
  sheetFile,
  sheetRows,
  uploadSheet,
} from './spreadsheet-fixtures.js';

// Export of a task list or tree in the 任务分解表 template (issue 6, item 5): the file re-imports
// into a fresh source as the same tree, CSV opens in Excel, and nobody exports what they cannot see.

let t: TestApp;
let org: SheetOrganisation;
let cookie: string;
let sourceId = 0;

const SHEET: SheetCell[][] = [
  [
    '1',
    '加快推进重大项目建设',
    '市发改委',
    '市财政局、市商务局',
    '王副市长',
    '2026年12月底前',
    '全年投资增长8%，"十五五"开局',
  ],
  ['1.1', '建立重大项目月度调度机制', '发改委', null, null, '2026-06-30', null],
  ['1.1.1', '每月召开调度会', '市发改委', '市自然资源局', null, '2026-06-15', null],
  ['1.2', '保障重大项目用地指标', '自然资源局', null, null, '2026年9月30日', null],
  ['2', '优化营商环境, 压缩开办时间', '市商务局', null, null, '2026-10-31', '第二项'],
];

beforeAll(async () => {
  t = await createTestApp();
  org = await seedSheetOrganisation(t);
  await t.makeUser('export-supervisor', ['supervisor']);
  cookie = await t.login('export-supervisor');
  const res = await uploadSheet(t, cookie, await sheetFile(SHEET));
  if (res.statusCode !== 200) throw new Error(res.body);
  sourceId = res.json().source.id;
});
afterAll(() => t.close());

function get(url: string, session = cookie) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1${url}`,
    headers: { cookie: session, 'accept-language': 'zh-CN' },
  });
}

/** A source's tasks by title with parent title, units, leader, deadline and description. */
async function treeOf(db: Database, id: number) {
  const tasks = await db.selectFrom('tasks').selectAll().where('source_id', '=', id).execute();
  const links = await db
    .selectFrom('task_units')
    .selectAll()
    .where(
      'task_id',
      'in',
      tasks.map((task) => task.id),
    )
    .execute();
  const titles = new Map(tasks.map((task) => [task.id, task.title]));
  return tasks
    .map((task) => ({
      title: task.title,
      parent: task.parent_id === null ? null : titles.get(task.parent_id),
      units: links
        .filter((link) => link.task_id === task.id)
        .map((link) => `${link.role}:${link.unit_id}`)
        .sort(),
      leader: task.responsible_leader_id,
      deadline: task.deadline,
      description: task.description,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

describe('exportTasks', () => {
  it('should export a source in the template, numbered from the tree, and re-import it to the same tree', async () => {
    const res = await get(`/tasks/export.xlsx?sourceId=${sourceId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['序号', '任务', '牵头单位', '配合单位', '责任领导', '完成时限', '备注']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['1', '1.1', '1.1.1', '1.2', '2']);
    expect(rows[1]?.slice(2, 5)).toEqual(['市发改委', '市财政局、市商务局', '王副市长']);
    const again = await uploadSheet(t, cookie, res.rawPayload, { name: '导出.xlsx' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 5, source: { isNew: true, title: '导出' } });
    expect(await treeOf(t.db, again.json().source.id)).toEqual(await treeOf(t.db, sourceId));
  });

  it('should export one task’s tree with rootId, numbering it from 1', async () => {
    const root = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('source_id', '=', sourceId)
      .where('title', '=', '建立重大项目月度调度机制')
      .executeTakeFirstOrThrow();
    const rows = await sheetRows((await get(`/tasks/export.xlsx?rootId=${root.id}`)).rawPayload);
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['1', '建立重大项目月度调度机制'],
      ['1.1', '每月召开调度会'],
    ]);
  });

  it('should write CSV as UTF-8 with a BOM, CRLF line ends and RFC 4180 quoting', async () => {
    const res = await get(`/tasks/export.csv?sourceId=${sourceId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,任务,牵头单位,配合单位,责任领导,完成时限,备注');
    expect(lines[1]).toBe(
      '1,加快推进重大项目建设,市发改委,市财政局、市商务局,王副市长,2026-12-31,"全年投资增长8%，""十五五""开局"',
    );
    expect(lines[5]).toBe('2,"优化营商环境, 压缩开办时间",市商务局,,,2026-10-31,第二项');
    expect(lines.at(-1)).toBe('');
  });

  it('should export only what the caller may see: a unit’s assigned tasks, not drafts or other units’', async () => {
    const staffId = await t.makeUser('export-staff', ['unit_staff'], { unitId: org.units.czj });
    const session = await t.login('export-staff');
    const assigned = await makeTask(t, { title: '财政局已交办任务', leadUnitId: org.units.czj });
    await advance(t, assigned.id, ['assign']);
    await makeTask(t, { title: '财政局草稿任务', leadUnitId: org.units.czj });
    const rows = await sheetRows((await get('/tasks/export.xlsx', session)).rawPayload);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['财政局已交办任务']);
    expect(staffId).toBeGreaterThan(0);
  });

  it('should refuse more tasks than one export may hold', async () => {
    const deps = { db: t.db, config: t.config, dialect: t.dialect };
    const query = { sourceId, unitRole: 'any' as const, sort: '-updated' as const };
    const input = { query, format: 'csv' as const, actor: systemActor('test'), locale: 'en' as const };
    await expect(exportTasks(deps, { ...input, max: 4 })).rejects.toMatchObject({ code: 'export_too_large' });
    await expect(exportTasks(deps, { ...input, max: 5 })).resolves.toMatchObject({
      fileName: expect.stringMatching(/^tasks-/),
    });
  });
});

describe('numberTasks', () => {
  it('should number a forest by registration order and put tasks whose parent is not exported at the top', () => {
    const tasks = [
      { id: 5, parentId: 1 },
      { id: 1, parentId: null },
      { id: 9, parentId: 5 },
      { id: 7, parentId: 1 },
      { id: 8, parentId: 42 },
    ];
    expect(numberTasks(tasks).map(([key, task]) => `${key}=${task.id}`)).toEqual([
      '1=1',
      '1.1=5',
      '1.1.1=9',
      '1.2=7',
      '2=8',
    ]);
  });
});

describe('template', () => {
  it('should download the template with the header in the asked language, frozen, and a note tab', async () => {
    const res = await get('/imports/spreadsheet/template?lang=en');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [data, notes] = workbook.worksheets;
    if (!data || !notes) throw new Error('the template should have a data tab and a note tab');
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No.',
      'Task',
      'Lead unit',
      'Cooperating units',
      'Responsible leader',
      'Deadline',
      'Remarks',
    ]);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getColumn(2).width).toBeGreaterThan(40);
    expect(String(notes.getRow(3).getCell(1).value)).toContain('1.1');
  });

  it('should refuse the untouched template as an empty sheet, and a file that is not a workbook with 415', async () => {
    const template = (await get('/imports/spreadsheet/template')).rawPayload;
    const empty = await uploadSheet(t, cookie, template);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().problems.map((p: { code: string }) => p.code)).toEqual(['sheet_empty']);
    const text = await uploadSheet(t, cookie, Buffer.from('序号,任务\n1,测试\n'), { name: 'tasks.csv' });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('spreadsheet_unreadable');
  });

  it('should refuse a file over the size limit with 413 before reading it as a workbook', async () => {
    const big = Buffer.alloc(SPREADSHEET_LIMITS.maxBytes + 1, 0x50);
    const res = await uploadSheet(t, cookie, big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large', field: 'file' });
  });

  it('should refuse a unit staff member the import with 403 and write nothing', async () => {
    await t.makeUser('import-staff', ['unit_staff'], { unitId: org.units.czj });
    const session = await t.login('import-staff');
    const before = await taskSnapshot(t.db);
    const res = await uploadSheet(t, session, await sheetFile([['1', '越权导入', '市财政局']]));
    expect(res.statusCode).toBe(403);
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should assign the new tasks with assign=true, and refuse rows without a lead unit then', async () => {
    const noLead = await uploadSheet(t, cookie, await sheetFile([['1', '无牵头单位的任务']]), { query: 'assign=true' });
    expect(noLead.json().problems).toEqual([
      expect.objectContaining({ row: 2, column: '牵头单位', code: 'lead_required' }),
    ]);
    const res = await uploadSheet(t, cookie, await sheetFile([['1', '直接交办的任务', '市商务局']]), {
      query: 'assign=true',
    });
    expect(res.json()).toMatchObject({ created: 1, assigned: true });
    const task = await t.db
      .selectFrom('tasks')
      .selectAll()
      .where('title', '=', '直接交办的任务')
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('assigned');
  });
});
