import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createUnit, moveUnit } from './units.service.js';

// Concurrency rules that only a real second writer can break: on PostgreSQL several requests run
// at once; on SQLite they queue behind BEGIN IMMEDIATE. Both must end in a consistent tree.

let t: TestApp;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('createUnit under concurrency', () => {
  it('should let exactly one of several simultaneous same-name siblings through', async () => {
    const parent = await t.makeUnit('并发上级');
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createUnit(t.db, { name: '并发办公室', parentId: parent.id, actor })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'unit_name_taken', field: 'name' });
    }
    const rows = await t.db.selectFrom('units').select('id').where('parent_id', '=', parent.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('should still allow the same name again once the first is archived', async () => {
    const parent = await t.makeUnit('归档重名上级');
    const first = await t.makeUnit('科室', parent.id);
    await t.db.updateTable('units').set({ archived_at: new Date().toISOString() }).where('id', '=', first.id).execute();
    await expect(createUnit(t.db, { name: '科室', parentId: parent.id, actor })).resolves.toMatchObject({
      name: '科室',
    });
  });
});

describe('moveUnit under concurrency', () => {
  it('should never let two crossing moves build a cycle', async () => {
    const a = await t.makeUnit('交叉A');
    const b = await t.makeUnit('交叉B');
    const aChild = await t.makeUnit('交叉A下', a.id);
    const bChild = await t.makeUnit('交叉B下', b.id);
    const results = await Promise.allSettled([
      moveUnit(t.db, { unitId: a.id, version: a.version, parentId: bChild.id, actor }),
      moveUnit(t.db, { unitId: b.id, version: b.version, parentId: aChild.id, actor }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'unit_move_cycle' });
    // Every unit's path must list its real ancestors: walk parent_id and compare.
    const rows = await t.db.selectFrom('units').select(['id', 'parent_id', 'path', 'depth']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of rows) {
      const chain: number[] = [];
      for (let cur: typeof row | undefined = row; cur; cur = cur.parent_id ? byId.get(cur.parent_id) : undefined) {
        chain.unshift(cur.id);
        expect(chain.length).toBeLessThan(50);
      }
      expect(row.path).toBe(`/${chain.join('/')}/`);
      expect(row.depth).toBe(chain.length - 1);
    }
  });
});
