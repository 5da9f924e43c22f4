import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { advance } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { moveUnit } from '../units/units.service.js';
import { registerTask } from './tasks.service.js';

// Tasks copy their units' materialised paths (lead_unit_path, task_units.unit_path) so subtree
// filters and leaders' scopes are index seeks; moving a unit must move those copies with it.

let t: TestApp;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('moving a unit', () => {
  it('should carry its tasks into the new subtree for filters and leaders', async () => {
    const north = await t.makeUnit('北区');
    const south = await t.makeUnit('南区');
    const office = await t.makeUnit('街道办', north.id);
    const helper = await t.makeUnit('社区', south.id);
    const task = await registerTask(
      { db: t.db, config: t.config },
      { title: '迁移后的任务', leadUnitId: office.id, cooperatingUnits: [{ unitId: helper.id }], actor },
    );
    await advance(t, task.id, ['assign']); // leaders meet tasks once assigned, not as drafts
    await t.makeUser('leader.south', ['leader'], { unitsInChargeIds: [south.id] });
    const leader = await t.login('leader.south');
    const admin = await t.login('admin');
    const listSouth = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/tasks?unitId=${south.id}&includeSubunits=true&unitRole=lead`,
        headers: { cookie: admin },
      });

    expect((await listSouth()).json().items).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/tasks/${task.id}`, headers: { cookie: leader } })).statusCode,
    ).toBe(200);

    await moveUnit(t.db, { unitId: office.id, version: office.version, parentId: south.id, actor });

    expect((await listSouth()).json().items.map((x: { id: number }) => x.id)).toEqual([task.id]);
    const row = await t.db
      .selectFrom('tasks')
      .select('lead_unit_path')
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    const unit = await t.db.selectFrom('units').select('path').where('id', '=', office.id).executeTakeFirstOrThrow();
    expect(row.lead_unit_path).toBe(unit.path);
    const units = await t.db
      .selectFrom('task_units')
      .select(['unit_id', 'unit_path'])
      .where('task_id', '=', task.id)
      .execute();
    for (const u of units) {
      const real = await t.db.selectFrom('units').select('path').where('id', '=', u.unit_id).executeTakeFirstOrThrow();
      expect(u.unit_path).toBe(real.path);
    }
  });

  it('should take a task out of a leader scope when its only unit moves away', async () => {
    const east = await t.makeUnit('东区');
    const west = await t.makeUnit('西区');
    const bureau = await t.makeUnit('东区住建局', east.id);
    const task = await registerTask(
      { db: t.db, config: t.config },
      { title: '东区的任务', leadUnitId: bureau.id, actor },
    );
    await advance(t, task.id, ['assign']);
    await t.makeUser('leader.east', ['leader'], { unitsInChargeIds: [east.id] });
    const leader = await t.login('leader.east');
    const get = () => t.app.inject({ method: 'GET', url: `/api/v1/tasks/${task.id}`, headers: { cookie: leader } });
    expect((await get()).statusCode).toBe(200);
    await moveUnit(t.db, { unitId: bureau.id, version: bureau.version, parentId: west.id, actor });
    expect((await get()).statusCode).toBe(404);
  });
});
