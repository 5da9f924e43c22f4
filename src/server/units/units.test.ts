import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function countUnits(): Promise<number> {
  const row = await t.db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function post(url: string, payload: unknown, cookie = admin) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers: { cookie } });
}

describe('units', () => {
  it('should create a unit tree with materialised paths', async () => {
    const root = await post('/units', { name: '市人民政府', aliases: ['市政府', '市政府'] });
    expect(root.statusCode).toBe(201);
    const rootBody = root.json();
    expect(rootBody).toMatchObject({ name: '市人民政府', parentId: null, depth: 0, aliases: ['市政府'], version: 1 });
    const child = await post('/units', { name: '市发展和改革委员会', shortName: '市发改委', parentId: rootBody.id });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({ parentId: rootBody.id, depth: 1, shortName: '市发改委' });
    const row = await t.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', child.json().id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`/${rootBody.id}/${child.json().id}/`);
  });

  it('should refuse a duplicate sibling name with 409 and change nothing', async () => {
    const parent = await t.makeUnit('重名测试上级');
    await t.makeUnit('办公室', parent.id);
    const before = await countUnits();
    const res = await post('/units', { name: '办公室', parentId: parent.id });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'unit_name_taken', field: 'name' });
    expect(await countUnits()).toBe(before);
  });

  it('should move a subtree and rewrite descendant paths and depths', async () => {
    const a = await t.makeUnit('移动A');
    const b = await t.makeUnit('移动B');
    const a1 = await t.makeUnit('移动A1', a.id);
    const a11 = await t.makeUnit('移动A11', a1.id);
    const res = await post(`/units/${a1.id}/move`, { version: a1.version, parentId: b.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: b.id, depth: 1, version: a1.version + 1 });
    const deep = await t.db
      .selectFrom('units')
      .select(['path', 'depth'])
      .where('id', '=', a11.id)
      .executeTakeFirstOrThrow();
    expect(deep).toEqual({ path: `/${b.id}/${a1.id}/${a11.id}/`, depth: 2 });
  });

  it('should refuse moving a unit under its own descendant with 422 and change nothing', async () => {
    const top = await t.makeUnit('环路顶');
    const mid = await t.makeUnit('环路中', top.id);
    const low = await t.makeUnit('环路底', mid.id);
    const snapshot = await t.db.selectFrom('units').selectAll().orderBy('id').execute();
    for (const target of [low.id, mid.id, top.id]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/units/${top.id}/move`,
        payload: { version: top.version, parentId: target },
        headers: { cookie: admin, 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'unit_move_cycle', field: 'parentId' });
      expect(res.json().detail).toMatch(/cannot be moved under itself/);
    }
    expect(await t.db.selectFrom('units').selectAll().orderBy('id').execute()).toEqual(snapshot);
  });

  it('should detect a stale version with 409', async () => {
    const unit = await t.makeUnit('版本测试');
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      payload: { version: unit.version, name: '版本测试（改）' },
      headers: { cookie: admin },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      payload: { version: unit.version, name: '版本测试（再改）' },
      headers: { cookie: admin },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    const row = await t.db.selectFrom('units').select('name').where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('版本测试（改）');
  });

  it('should refuse archiving a unit with active children, then archive and restore', async () => {
    const parent = await t.makeUnit('归档上级');
    const child = await t.makeUnit('归档下级', parent.id);
    expect((await post(`/units/${parent.id}/archive`, { version: parent.version })).statusCode).toBe(409);
    const archived = await post(`/units/${child.id}/archive`, { version: child.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: admin } });
    expect(list.json().items.some((u: { id: number }) => u.id === child.id)).toBe(false);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/units?includeArchived=true',
      headers: { cookie: admin },
    });
    expect(all.json().items.some((u: { id: number }) => u.id === child.id)).toBe(true);
    const restored = await post(`/units/${child.id}/restore`, { version: archived.json().version });
    expect(restored.json().archived).toBe(false);
  });

  it('should reject malformed JSON, wrong types, unknown fields and over-long names', async () => {
    const before = await countUnits();
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      body: '{"name": ',
      headers: { cookie: admin, 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid_json');
    const wrongType = await post('/units', { name: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'validation_failed', field: 'name' });
    const unknown = await post('/units', { name: '未知字段', createdBy: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'validation_failed', field: 'createdBy' });
    const long = await post('/units', { name: '长'.repeat(101) });
    expect(long.statusCode).toBe(400);
    expect(long.json().field).toBe('name');
    expect(await countUnits()).toBe(before);
  });

  it('should let any signed-in user read units but only admins change them', async () => {
    await t.makeUser('unit-reader', ['unit_staff']);
    const staff = await t.login('unit-reader');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: staff } })).statusCode).toBe(
      200,
    );
    const res = await post('/units', { name: '越权单位' }, staff);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/units' });
    expect(anonymous.statusCode).toBe(401);
  });
});
