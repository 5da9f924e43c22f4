import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseText } from '../../domain/docparse/normalise.js';
import type { ParsedItem } from '../../domain/docparse/types.js';
import { DOCUMENT_IMPORT_LIMITS, type ImportItem, type RegisterImportInput } from '../../shared/document-import-api.js';
import { multipart } from '../files/file-samples.js';
import { caller, taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { hashText, matchDocumentUnits } from './document-import.service.js';

// Document import (issue 6 item 4) on a real database: parse writes nothing; register writes the
// source, the tree, assignments and aliases in one transaction, refuses a second import of the same
// text unless confirmed (and then updates instead of duplicating), and on any refusal writes nothing.

let t: TestApp;
let sup: ReturnType<typeof caller>;
let staff: ReturnType<typeof caller>;
let supCookie: string;
const unit = { fgw: 0, cz: 0, sw: 0 };
let leaderId = 0;
const Y = new Date().getFullYear() + 1;

beforeAll(async () => {
  t = await createTestApp();
  unit.fgw = (await t.makeUnit('市发展和改革委员会')).id;
  await t.db.updateTable('units').set({ short_name: '市发改委' }).where('id', '=', unit.fgw).execute();
  unit.cz = (await t.makeUnit('市财政局')).id;
  unit.sw = (await t.makeUnit('市商务局')).id;
  await t.makeUser('imp.sup', ['supervisor']);
  await t.makeUser('imp.staff', ['unit_staff'], { unitId: unit.cz });
  leaderId = await t.makeUser('imp.leader', ['leader'], { unitsInChargeIds: [unit.fgw] });
  supCookie = await t.login('imp.sup');
  sup = caller(t, supCookie);
  staff = caller(t, await t.login('imp.staff'));
});
afterAll(() => t.close());

/** A reviewed tree: a key item with units and two children (one inheriting units, one its deadline), and an ongoing one. */
function sampleItems(): ImportItem[] {
  return [
    {
      title: '优化营商环境',
      body: '持续深化“放管服”改革。',
      leadUnitId: unit.fgw,
      cooperatingUnitIds: [unit.cz, unit.sw],
      responsibleLeaderId: leaderId,
      deadline: `${Y}-12-31`,
      isKey: true,
      children: [
        { title: '压缩企业开办时间', leadUnitId: null, cooperatingUnitIds: [], deadline: `${Y}-06-30` },
        { title: '推行“一网通办”', leadUnitId: unit.sw, cooperatingUnitIds: [], deadline: null },
      ],
    },
    { title: '加强财政管理', leadUnitId: unit.cz, cooperatingUnitIds: [], deadline: null, ongoing: true },
  ];
}

function registerBody(text: string, overrides: Partial<RegisterImportInput> = {}): RegisterImportInput {
  return {
    source: { kind: 'document', title: '重点工作任务分工方案', docNumber: '江政办〔2026〕5号', fullText: text },
    contentHash: hashText(normaliseText(text).text),
    mode: 'draft',
    items: sampleItems(),
    aliases: [],
    ...overrides,
  };
}

let counter = 0;
/** A document text no other test uses (so no test sees another's import as a duplicate). */
function freshText(): string {
  counter += 1;
  return `关于印发重点工作任务分工方案的通知（第${counter}份）\n一、优化营商环境\n二、加强财政管理`;
}

async function tasksOf(sourceId: number) {
  return t.db.selectFrom('tasks').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
}

async function unitsOf(taskId: number) {
  const rows = await t.db.selectFrom('task_units').selectAll().where('task_id', '=', taskId).execute();
  return {
    lead: rows.filter((r) => r.role === 'lead').map((r) => r.unit_id),
    cooperating: rows
      .filter((r) => r.role === 'cooperating')
      .map((r) => r.unit_id)
      .sort(),
  };
}

/** Every row an import could write: tasks, units' links, sources, history, audit, import keys, units. */
async function importSnapshot() {
  return {
    ...(await taskSnapshot(t.db)),
    keys: await t.db.selectFrom('import_keys').selectAll().orderBy('task_id').execute(),
    units: await t.db.selectFrom('units').selectAll().orderBy('id').execute(),
  };
}

function parsedItem(fields: Partial<ParsedItem>): ParsedItem {
  return {
    path: '1',
    marker: '一、',
    title: '事项',
    body: '',
    lead: [],
    cooperating: [],
    leaders: [],
    deadline: null,
    deadline_iso: null,
    ongoing: false,
    children: [],
    line: 0,
    ...fields,
  };
}

function upload(filename: string, content: Buffer, fields: Record<string, string> = {}, cookie = supCookie) {
  const { payload, contentType } = multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, content: value })),
    { name: 'file', filename, contentType: 'application/octet-stream', content },
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports/document/parse',
    payload,
    headers: { 'content-type': contentType, cookie },
  });
}

describe('POST /imports/document/parse', () => {
  it('should answer the normalised text, its hash and no earlier import, writing nothing', async () => {
    const before = await importSnapshot();
    const text = freshText();
    const res = await sup('POST', '/imports/document/parse', { text, year: Y, convert: 'none' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.original).toBe(text);
    expect(body.text).toBe(normaliseText(text).text);
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.contentHash).toBe(hashText(body.text));
    expect(body.duplicateOf).toBeUndefined();
    expect(await importSnapshot()).toEqual(before);
  });

  it('should name the source of an earlier import of the same text', async () => {
    const text = freshText();
    const registered = await sup('POST', '/imports/document/register', registerBody(text));
    expect(registered.statusCode, registered.body).toBe(201);
    const res = await sup('POST', '/imports/document/parse', { text });
    expect(res.json().duplicateOf).toEqual({
      sourceId: registered.json().sourceId,
      title: '重点工作任务分工方案',
      importedAt: expect.any(String),
    });
  });

  it('should read the text of an uploaded Word document', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('一、优化营商环境'), new Paragraph('（一）压缩企业开办时间。')] }],
    });
    const res = await upload('分工方案.docx', Buffer.from(await Packer.toBuffer(doc)), { year: String(Y) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().original).toBe('一、优化营商环境\n（一）压缩企业开办时间。\n');
  });

  it('should read a plain-text file saved in GB18030 as well as one in UTF-8', async () => {
    const text = '一、优化营商环境（牵头单位：市发改委）';
    expect((await upload('方案.txt', iconv.encode(text, 'gb18030'))).json().original).toBe(text);
    expect((await upload('方案.md', Buffer.from(`\uFEFF${text}`, 'utf8'))).json().original).toBe(text);
  });

  it.each([
    ['a PDF', '方案.pdf', Buffer.from('%PDF-1.4\n')],
    ['a .docx that is not a zip', '方案.docx', Buffer.from('一、优化营商环境')],
    ['a zip that is not a Word document', '方案.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['a binary .txt', '方案.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])],
  ])('should refuse %s with 415', async (_label, name, content) => {
    const res = await upload(name, content);
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json()).toMatchObject({ code: 'import_file_unreadable', field: 'file' });
  });

  it('should refuse a file over the size limit with 413', async () => {
    const res = await upload('大文件.txt', Buffer.alloc(DOCUMENT_IMPORT_LIMITS.fileMaxBytes + 1, 0x61));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large', field: 'file' });
  });

  it('should refuse an upload without a file part, and a bad year', async () => {
    const { payload, contentType } = multipart([{ name: 'year', content: String(Y) }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/document/parse',
      payload,
      headers: { 'content-type': contentType, cookie: supCookie },
    });
    expect(res.json()).toMatchObject({ code: 'file_required' });
    const bad = await upload('方案.txt', Buffer.from('一、事项'), { year: '公元' });
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'year' });
  });

  it.each([
    ['a blank text', { text: '   ' }, 'text'],
    ['no text', {}, 'text'],
    ['an over-long text', { text: '字'.repeat(200_001) }, 'text'],
    ['an unknown option', { text: '一、事项', strict: false }, 'strict'],
    ['an unknown conversion', { text: '一、事项', convert: 'pinyin' }, 'convert'],
  ])('should refuse %s with 400', async (_label, body, field) => {
    const res = await sup('POST', '/imports/document/parse', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it('should refuse unit staff', async () => {
    expect((await staff('POST', '/imports/document/parse', { text: '一、事项' })).statusCode).toBe(403);
  });
});

describe(matchDocumentUnits.name, () => {
  it('should match the names of a parsed tree by short name, normalised name, and list context', async () => {
    const matches = await matchDocumentUnits(t.db, [
      parsedItem({ lead: ['市发改委'], cooperating: ['财政局', '市外星事务局'] }),
      parsedItem({ children: [parsedItem({ lead: ['市发展和改革委员会', '商务局'] })] }),
    ]);
    expect(matches.get('市发改委')).toMatchObject({ status: 'matched', unitId: unit.fgw });
    expect(matches.get('财政局')).toMatchObject({ status: 'matched', unitId: unit.cz });
    expect(matches.get('市外星事务局')?.status).toBe('unknown');
    expect(matches.get('商务局')).toMatchObject({ status: 'matched', unitId: unit.sw });
  });
});

describe('POST /imports/document/register', () => {
  it('should register the source and the tree as drafts, with units, leaders, deadlines and key flags', async () => {
    const text = freshText();
    const res = await sup('POST', '/imports/document/register', registerBody(text));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.tasks.map((x: { title: string; depth: number }) => [x.title, x.depth])).toEqual([
      ['优化营商环境', 0],
      ['压缩企业开办时间', 1],
      ['推行“一网通办”', 1],
      ['加强财政管理', 0],
    ]);
    expect(body.tasks.every((x: { status: string; created: boolean }) => x.status === 'draft' && x.created)).toBe(true);
    const source = await t.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', body.sourceId)
      .executeTakeFirstOrThrow();
    expect(source).toMatchObject({
      kind: 'document',
      full_text: text,
      content_hash: hashText(normaliseText(text).text),
      doc_number: '江政办〔2026〕5号',
    });
    const [parent, first, second, ongoing] = await tasksOf(body.sourceId);
    expect([parent?.deadline, first?.deadline, second?.deadline, ongoing?.deadline]).toEqual([
      `${Y}-12-31`,
      `${Y}-06-30`,
      `${Y}-12-31`,
      null,
    ]);
    expect([parent?.is_key, first?.is_key]).toEqual([1, 0]);
    expect(parent).toMatchObject({
      description: '持续深化“放管服”改革。',
      responsible_leader_id: leaderId,
      parent_id: null,
    });
    expect(first).toMatchObject({ parent_id: parent?.id, responsible_leader_id: leaderId });
    expect(await unitsOf(parent?.id ?? 0)).toEqual({ lead: [unit.fgw], cooperating: [unit.cz, unit.sw].sort() });
    expect(await unitsOf(first?.id ?? 0)).toEqual({ lead: [unit.fgw], cooperating: [unit.cz, unit.sw].sort() });
    expect(await unitsOf(second?.id ?? 0)).toEqual({ lead: [unit.sw], cooperating: [] });
    const keys = await t.db.selectFrom('import_keys').selectAll().where('source_id', '=', body.sourceId).execute();
    expect(Object.fromEntries(keys.map((k) => [k.row_key, k.task_id]))).toEqual({
      '1': parent?.id,
      '1.1': first?.id,
      '1.2': second?.id,
      '2': ongoing?.id,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_type', 'object_id'])
      .where('action', 'in', ['task.create', 'source.create'])
      .execute();
    const taskIds = body.tasks.map((x: { id: number }) => String(x.id));
    expect(audit.filter((a) => a.object_type === 'task' && taskIds.includes(a.object_id))).toHaveLength(4);
    expect(audit.filter((a) => a.object_type === 'source' && a.object_id === String(body.sourceId))).toHaveLength(1);
    const events = await t.db
      .selectFrom('task_events')
      .select('action')
      .where('task_id', '=', first?.id ?? 0)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it('should assign every task when asked', async () => {
    const res = await sup('POST', '/imports/document/register', registerBody(freshText(), { mode: 'assign' }));
    expect(res.statusCode, res.body).toBe(201);
    const rows = await tasksOf(res.json().sourceId);
    expect(rows.map((r) => r.status)).toEqual(['assigned', 'assigned', 'assigned', 'assigned']);
    expect(rows.every((r) => r.assigned_at !== null)).toBe(true);
  });

  it('should refuse to assign an item without a lead unit, naming it, and write nothing', async () => {
    const before = await importSnapshot();
    const items = [
      ...sampleItems(),
      { title: '无牵头单位的事项', leadUnitId: null, cooperatingUnitIds: [], deadline: null },
    ];
    const res = await sup(
      'POST',
      '/imports/document/register',
      registerBody(freshText(), { mode: 'assign', items, aliases: [{ written: '发改', unitId: unit.fgw }] }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_item_failed', field: 'items.2.leadUnitId' });
    expect(res.json().detail).toContain('无牵头单位的事项');
    expect(await importSnapshot()).toEqual(before);
  });

  it('should refuse a child whose deadline is after its parent’s, naming the child', async () => {
    const before = await importSnapshot();
    const items = sampleItems();
    const child = items[0]?.children?.[0];
    if (child) child.deadline = `${Y + 1}-03-31`;
    const res = await sup('POST', '/imports/document/register', registerBody(freshText(), { items }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_item_failed', field: 'items.0.children.0.deadline' });
    expect(res.json().detail).toContain('压缩企业开办时间');
    expect(await importSnapshot()).toEqual(before);
  });

  it('should refuse an unknown unit, naming the item', async () => {
    const items: ImportItem[] = [{ title: '事项', leadUnitId: 999_999, cooperatingUnitIds: [], deadline: null }];
    const res = await sup('POST', '/imports/document/register', registerBody(freshText(), { items }));
    expect(res.json()).toMatchObject({ code: 'import_item_failed', field: 'items.0.leadUnitId' });
  });

  it('should refuse a second import of the same text, then update (not duplicate) its tasks when confirmed', async () => {
    const text = freshText();
    const first = (await sup('POST', '/imports/document/register', registerBody(text))).json();
    const before = await importSnapshot();
    const again = await sup('POST', '/imports/document/register', registerBody(text));
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json()).toMatchObject({ code: 'import_duplicate' });
    expect(again.json().detail).toContain('重点工作任务分工方案');
    expect(await importSnapshot()).toEqual(before);

    const items = sampleItems();
    const parent = items[0];
    if (parent?.children?.[0]) parent.children[0].deadline = `${Y}-09-30`;
    parent?.children?.push({
      title: '新增：免费刻制公章',
      leadUnitId: unit.cz,
      cooperatingUnitIds: [],
      deadline: null,
    });
    const confirmed = await sup('POST', '/imports/document/register', {
      ...registerBody(text, { items }),
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const body = confirmed.json();
    expect(body.sourceId).toBe(first.sourceId);
    const ids = first.tasks.map((x: { id: number }) => x.id);
    expect(body.tasks.map((x: { id: number; created: boolean }) => [x.id, x.created])).toEqual([
      [ids[0], false],
      [ids[1], false],
      [ids[2], false],
      [expect.any(Number), true],
      [ids[3], false],
    ]);
    const hashed = await t.db
      .selectFrom('sources')
      .select('id')
      .where('content_hash', '=', hashText(normaliseText(text).text))
      .execute();
    expect(hashed).toHaveLength(1);
    const rows = await tasksOf(first.sourceId);
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.id === ids[1])?.deadline).toBe(`${Y}-09-30`);
    const events = await t.db.selectFrom('task_events').select('action').where('task_id', '=', ids[1]).execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    const unchanged = await t.db.selectFrom('task_events').select('action').where('task_id', '=', ids[3]).execute();
    expect(unchanged.map((e) => e.action)).toEqual(['create']);
  });

  it('should remember a hand-made mapping as an alias, once, with an audit entry', async () => {
    const before = await t.db.selectFrom('units').selectAll().where('id', '=', unit.fgw).executeTakeFirstOrThrow();
    const aliases = [{ written: '江川发改', unitId: unit.fgw }];
    const res = await sup('POST', '/imports/document/register', registerBody(freshText(), { aliases }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().aliasesAdded).toEqual([{ unitId: unit.fgw, alias: '江川发改' }]);
    const after = await t.db.selectFrom('units').selectAll().where('id', '=', unit.fgw).executeTakeFirstOrThrow();
    expect(JSON.parse(after.aliases)).toEqual([...JSON.parse(before.aliases), '江川发改']);
    expect(after.version).toBe(before.version + 1);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'unit.update')
      .where('object_id', '=', String(unit.fgw))
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail).aliasFromImport)).toEqual(['江川发改']);

    const repeat = await sup('POST', '/imports/document/register', registerBody(freshText(), { aliases }));
    expect(repeat.json().aliasesAdded).toEqual([]);
    const matches = await matchDocumentUnits(t.db, [parsedItem({ lead: ['江川发改'] })]);
    expect(matches.get('江川发改')).toMatchObject({
      status: 'matched',
      unitId: unit.fgw,
      candidates: [{ via: 'alias' }],
    });
  });

  it('should refuse a mapping to a unit that does not exist, writing nothing', async () => {
    const before = await importSnapshot();
    const aliases = [{ written: '外星局', unitId: 999_999 }];
    const res = await sup('POST', '/imports/document/register', registerBody(freshText(), { aliases }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'unit_not_found', field: 'aliases.0.unitId' });
    expect(await importSnapshot()).toEqual(before);
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['no items', { items: [] }, 'items'],
    ['a malformed hash', { contentHash: 'abc' }, 'contentHash'],
    [
      'an impossible deadline',
      { items: [{ title: '事项', leadUnitId: null, cooperatingUnitIds: [], deadline: `${Y}-02-30` }] },
      'items.0.deadline',
    ],
    ['confirmDuplicate false', { confirmDuplicate: false }, 'confirmDuplicate'],
  ])('should refuse %s with 400', async (_label, overrides, field) => {
    const res = await sup('POST', '/imports/document/register', { ...registerBody(freshText()), ...overrides });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it('should refuse a tree deeper than an import takes', async () => {
    let item: ImportItem = { title: '第七层', leadUnitId: null, cooperatingUnitIds: [], deadline: null };
    for (let level = 6; level >= 1; level--) {
      item = { title: `第${level}层`, leadUnitId: unit.cz, cooperatingUnitIds: [], deadline: null, children: [item] };
    }
    const res = await sup('POST', '/imports/document/register', registerBody(freshText(), { items: [item] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'items' });
  });

  it('should refuse unit staff', async () => {
    expect((await staff('POST', '/imports/document/register', registerBody(freshText()))).statusCode).toBe(403);
  });
});

// End to end with the real parser: these start passing once parseDocument (issue 6 items 2–3) lands.
describe('parse → register, end to end with the parser', () => {
  const DOCUMENT = [
    '江川市人民政府办公室关于印发2026年重点工作任务分工方案的通知',
    '江政办〔2026〕5号',
    '一、优化营商环境',
    '（一）压缩企业开办时间。（牵头单位：市发改委；配合单位：市财政局、市商务局；完成时限：2026年6月底前）',
    '（二）推行“一网通办”。（牵头单位：市商务局；完成时限：2026年12月31日前）',
    '二、加强财政管理。（牵头单位：市财政局；完成时限：长期坚持）',
  ].join('\n');

  it('should parse the items with their units matched to the unit tree and their deadlines dated', async () => {
    const res = await sup('POST', '/imports/document/parse', { text: DOCUMENT });
    expect(res.statusCode, res.body).toBe(200);
    const { document, units } = res.json();
    expect(document.year).toBe(2026);
    expect(document.items.map((i: ParsedItem) => i.title)).toEqual(['优化营商环境', '加强财政管理']);
    const [first, second] = document.items[0].children as ParsedItem[];
    expect(first).toMatchObject({
      lead: ['市发改委'],
      cooperating: ['市财政局', '市商务局'],
      deadline_iso: '2026-06-30',
    });
    expect(second).toMatchObject({ lead: ['市商务局'], deadline_iso: '2026-12-31' });
    expect(document.items[1]).toMatchObject({ lead: ['市财政局'], ongoing: true, deadline_iso: null });
    expect(units).toMatchObject({
      市发改委: { status: 'matched', unitId: unit.fgw },
      市商务局: { status: 'matched', unitId: unit.sw },
    });
  });
});
