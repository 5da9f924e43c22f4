import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../../shared/tasks.js';
import { caller, idsOf, makeSource, makeTask, taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Sources (来源): registered and edited by the supervision office, read by everyone, deletable only
// while no task names them.

let t: TestApp;
let sup: ReturnType<typeof caller>;
const others: Record<string, ReturnType<typeof caller>> = {};

beforeAll(async () => {
  t = await createTestApp();
  const unit = await t.makeUnit('市政府办公室');
  await t.makeUser('src.sup', ['supervisor']);
  await t.makeUser('src.staff', ['unit_staff'], { unitId: unit.id });
  await t.makeUser('src.head', ['unit_head'], { unitId: unit.id });
  await t.makeUser('src.leader', ['leader'], { unitsInChargeIds: [unit.id] });
  await t.makeUser('src.aud', ['auditor']);
  sup = caller(t, await t.login('src.sup'));
  for (const name of ['staff', 'head', 'leader', 'aud']) others[name] = caller(t, await t.login(`src.${name}`));
});
afterAll(() => t.close());

async function sourceAudit(id: number) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('object_type', '=', 'source')
    .where('object_id', '=', String(id))
    .orderBy('seq')
    .execute();
}

describe('POST /sources', () => {
  it('should register a source with every field, the document number with its 〔〕 brackets kept', async () => {
    const res = await sup('POST', '/sources', {
      kind: 'document',
      title: '  关于印发2026年重点工作任务分解方案的通知  ',
      docNumber: ' 市政办〔2026〕12号 ',
      issuer: '市人民政府办公室',
      issuedOn: '2026-02-10',
      fullText: '各区人民政府，市政府各部门：现将《2026年重点工作任务分解方案》印发给你们……',
    });
    expect(res.statusCode, res.body).toBe(201);
    const source = res.json();
    expect(source).toMatchObject({
      kind: 'document',
      title: '关于印发2026年重点工作任务分解方案的通知',
      docNumber: '市政办〔2026〕12号',
      issuer: '市人民政府办公室',
      issuedOn: '2026-02-10',
      hasFullText: true,
      fullText: expect.stringContaining('任务分解方案'),
      taskCount: 0,
      version: 1,
    });
    const got = await others.staff?.('GET', `/sources/${source.id}`);
    expect(got?.json()).toMatchObject({ docNumber: '市政办〔2026〕12号', fullText: source.fullText });
    expect((await sourceAudit(source.id)).map((a) => a.action)).toEqual(['source.create']);
  });

  it.each(SOURCE_KINDS)('should accept the kind %s', async (kind) => {
    const res = await sup('POST', '/sources', { kind, title: `来源类型${kind}` });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind, docNumber: null, issuer: null, issuedOn: null, hasFullText: false });
  });

  it.each([
    ['an unknown kind', { kind: 'rumour', title: '传闻' }, 'kind'],
    ['a missing kind', { title: '无类型' }, 'kind'],
    ['a blank title', { kind: 'meeting', title: '  ' }, 'title'],
    ['an impossible date', { kind: 'meeting', title: '会议', issuedOn: '2026-02-30' }, 'issuedOn'],
    ['an unknown field', { kind: 'meeting', title: '会议', taskCount: 5 }, 'taskCount'],
    ['an over-long document number', { kind: 'document', title: '文件', docNumber: '号'.repeat(101) }, 'docNumber'],
  ])('should refuse %s with 400, changing nothing', async (_label, body, field) => {
    const before = await taskSnapshot(t.db);
    const res = await sup('POST', '/sources', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    expect(await taskSnapshot(t.db)).toEqual(before);
  });
});

describe('GET /sources/:id', () => {
  it('should count the tasks that name the source', async () => {
    const source = await makeSource(t, { title: '市委常委会会议纪要', kind: 'meeting' });
    const parent = await makeTask(t, { title: '会议议定事项', sourceId: source.id });
    await makeTask(t, { title: '议定事项分解', parentId: parent.id });
    const res = await others.head?.('GET', `/sources/${source.id}`);
    expect(res?.json()).toMatchObject({ id: source.id, taskCount: 2 });
    const tasks = await sup('GET', `/tasks?sourceId=${source.id}`);
    expect(idsOf(tasks)).toHaveLength(2);
  });

  it('should answer 404 for a source that does not exist', async () => {
    const res = await sup('GET', '/sources/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('PATCH /sources/:id', () => {
  it('should change the given fields, bump the version and audit without copying the full text', async () => {
    const source = await makeSource(t, { title: '领导批示', kind: 'instruction', docNumber: '批〔2026〕3号' });
    const res = await sup('PATCH', `/sources/${source.id}`, {
      version: source.version,
      title: '市长批示',
      docNumber: null,
      fullText: '请抓紧落实。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '市长批示', docNumber: null, hasFullText: true, version: 2 });
    const audit = await sourceAudit(source.id);
    expect(audit.map((a) => a.action)).toEqual(['source.create', 'source.update']);
    expect(audit[1]?.detail).not.toContain('请抓紧落实');
    expect(JSON.parse(audit[1]?.detail ?? '{}')).toMatchObject({ fullTextChanged: true });
  });

  it('should refuse a stale version with 409, overwriting nothing', async () => {
    const source = await makeSource(t, { title: '版本来源' });
    expect((await sup('PATCH', `/sources/${source.id}`, { version: 1, title: '第一次修改' })).statusCode).toBe(200);
    const before = await taskSnapshot(t.db);
    const res = await sup('PATCH', `/sources/${source.id}`, { version: 1, title: '第二次修改' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should answer 404 for a source that does not exist', async () => {
    expect((await sup('PATCH', '/sources/999999', { version: 1, title: '无' })).statusCode).toBe(404);
  });
});

describe('DELETE /sources/:id', () => {
  it('should delete a source no task uses', async () => {
    const source = await makeSource(t, { title: '废弃来源' });
    const res = await sup('DELETE', `/sources/${source.id}`);
    expect(res.statusCode).toBe(204);
    expect((await sup('GET', `/sources/${source.id}`)).statusCode).toBe(404);
    expect((await sourceAudit(source.id)).map((a) => a.action)).toEqual(['source.create', 'source.delete']);
  });

  it('should refuse deleting a source in use with 409 source_in_use, changing nothing', async () => {
    const source = await makeSource(t, { title: '在用来源' });
    await makeTask(t, { title: '引用来源的任务', sourceId: source.id });
    const cookie = await t.login('src.sup');
    const before = await taskSnapshot(t.db);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sources/${source.id}`,
      headers: { cookie, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('source_in_use');
    expect(res.json().detail).toContain('1 tasks');
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should answer 404 for a source that does not exist', async () => {
    expect((await sup('DELETE', '/sources/999999')).statusCode).toBe(404);
  });
});

describe('who may write sources', () => {
  it('should refuse every write to anyone outside the supervision office with 403, changing nothing', async () => {
    const source = await makeSource(t, { title: '只读来源' });
    const before = await taskSnapshot(t.db);
    for (const [name, call] of Object.entries(others)) {
      const writes = [
        await call('POST', '/sources', { kind: 'other', title: '越权' }),
        await call('PATCH', `/sources/${source.id}`, { version: source.version, title: '越权' }),
        await call('DELETE', `/sources/${source.id}`),
      ];
      expect(
        writes.map((res) => res.statusCode),
        name,
      ).toEqual([403, 403, 403]);
      expect((await call('GET', `/sources/${source.id}`)).statusCode, name).toBe(200);
      expect((await call('GET', '/sources')).statusCode, name).toBe(200);
    }
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should let an admin write sources', async () => {
    const admin = caller(t, await t.login('admin'));
    const res = await admin('POST', '/sources', { kind: 'proposal', title: '人大代表建议' });
    expect(res.statusCode).toBe(201);
  });
});

describe('GET /sources', () => {
  let ids: number[];
  beforeAll(async () => {
    ids = [];
    for (let i = 1; i <= 7; i++) {
      const source = await makeSource(t, {
        title: `分页来源${i}`,
        docNumber: `翻页〔2026〕${i}号`,
        kind: i % 2 ? 'decision' : 'work_report',
      });
      ids.push(source.id);
    }
  });

  it('should page newest first with a cursor, each source once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await sup('GET', `/sources?q=分页来源&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...idsOf(res));
      cursor = res.json().nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('should search titles and document numbers, and filter by kind', async () => {
    expect(idsOf(await sup('GET', `/sources?q=${encodeURIComponent('分页来源3')}`))).toEqual([ids[2]]);
    expect(idsOf(await sup('GET', `/sources?q=${encodeURIComponent('翻页〔2026〕5号')}`))).toEqual([ids[4]]);
    const reports = idsOf(await sup('GET', `/sources?q=${encodeURIComponent('分页')}&kind=work_report`));
    expect(reports).toEqual([ids[5], ids[3], ids[1]]);
    expect(idsOf(await sup('GET', '/sources?q=100%25'))).toEqual([]);
  });

  it('should give each listed source its task count', async () => {
    const source = await makeSource(t, { title: '计数来源' });
    await makeTask(t, { title: '计数一', sourceId: source.id });
    await makeTask(t, { title: '计数二', sourceId: source.id });
    const res = await others.aud?.('GET', `/sources?q=${encodeURIComponent('计数来源')}`);
    expect(res?.json().items).toMatchObject([{ id: source.id, taskCount: 2, hasFullText: false }]);
  });

  it('should refuse a forged cursor and an unknown kind with 400', async () => {
    expect((await sup('GET', '/sources?cursor=abc')).json()).toMatchObject({ code: 'invalid_cursor' });
    expect((await sup('GET', '/sources?kind=rumour')).statusCode).toBe(400);
  });
});
