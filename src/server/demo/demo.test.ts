import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles.js';
import { systemActor } from '../auth/actor.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { type DemoLoadResult, loadDemo } from './demo.service.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data.js';

let t: TestApp;
let first: DemoLoadResult;
let second: DemoLoadResult;
let countsAfterFirst: { units: number; users: number; audit: number };

async function countRows(table: 'units' | 'users' | 'audit_log'): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countAll() {
  return { units: await countRows('units'), users: await countRows('users'), audit: await countRows('audit_log') };
}

async function unitIdByName(name: string, parentId: number | null = null): Promise<number> {
  let query = t.db.selectFrom('units').select('id').where('name', '=', name);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  return (await query.executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestApp();
  first = await loadDemo(t.db, { actor: systemActor('demo') });
  countsAfterFirst = await countAll();
  second = await loadDemo(t.db, { actor: systemActor('demo') });
});
afterAll(() => t.close());

describe(loadDemo.name, () => {
  it('should create about a hundred units and every demo person on an empty database', () => {
    expect(first.units.created).toBeGreaterThanOrEqual(90);
    expect(first.units.existing).toBe(0);
    expect(first.users).toMatchObject({ created: DEMO_PEOPLE.length, existing: 0 });
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(50);
  });

  it('should create nothing the second time and report everything as existing', async () => {
    expect(second.units).toEqual({ created: 0, existing: first.units.created });
    expect(second.users).toMatchObject({ created: 0, existing: first.users.created });
    expect(second.users.existingUsernames).toContain('mayor');
    expect(await countAll()).toEqual(countsAfterFirst);
  });

  it('should write an audit entry for every unit and person it created', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['unit.create', 'user.create'])
      .execute();
    const byDemo = rows.filter((row) => (JSON.parse(row.detail) as { by?: string }).by === 'demo');
    expect(byDemo).toHaveLength(first.units.created + first.users.created);
  });

  it('should put at least fifteen bureaus directly under the city government', async () => {
    const city = await unitIdByName('江川市人民政府');
    const children = await t.db.selectFrom('units').select('name').where('parent_id', '=', city).execute();
    const bureaus = children.filter((unit) => /^市.*(局|委员会)$/.test(unit.name));
    expect(bureaus.length).toBeGreaterThanOrEqual(15);
  });

  it('should give the demo people every role', async () => {
    const rows = await t.db.selectFrom('user_roles').select('role').distinct().execute();
    expect(rows.map((row) => row.role).sort()).toEqual([...ROLES].sort());
  });

  it('should let a demo leader sign in with the demo password and see the units in their charge', async () => {
    const cookie = await t.login('vice.mayor.wang', DEMO_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const city = await unitIdByName('江川市人民政府');
    const ndrc = await unitIdByName('市发展和改革委员会', city);
    const finance = await unitIdByName('市财政局', city);
    expect(me.json().roles).toEqual(['leader']);
    expect(me.json().unitsInChargeIds).toEqual(expect.arrayContaining([ndrc, finance]));
  });

  it('should set units in charge for every demo leader', async () => {
    const leaders = await t.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .leftJoin('leader_units', 'leader_units.user_id', 'users.id')
      .select(['users.username', 'leader_units.unit_id'])
      .where('user_roles.role', '=', 'leader')
      .execute();
    expect(leaders.length).toBeGreaterThan(0);
    expect(leaders.filter((row) => row.unit_id === null)).toEqual([]);
  });

  it('should keep short names and aliases as documents use them', async () => {
    const city = await unitIdByName('江川市人民政府');
    const ndrc = await t.db
      .selectFrom('units')
      .select(['short_name', 'aliases'])
      .where('parent_id', '=', city)
      .where('name', '=', '市发展和改革委员会')
      .executeTakeFirstOrThrow();
    expect(ndrc.short_name).toBe('市发改委');
    expect(JSON.parse(ndrc.aliases)).toContain('市发展改革委');
  });
});

describe('demo tasks', () => {
  it('should load the work-report tasks at every stage once, with consistent roll-ups', async () => {
    const withTasks = await loadDemo(t.db, { actor: systemActor('demo'), config: t.config });
    expect(withTasks.tasks).toEqual({ created: 11, existing: false });
    const again = await loadDemo(t.db, { actor: systemActor('demo'), config: t.config });
    expect(again.tasks).toEqual({ created: 0, existing: true });
    const statuses = await t.db.selectFrom('tasks').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'assigned',
      'closed',
      'closure_requested',
      'draft',
      'in_progress',
    ]);
    const parent = await t.db.selectFrom('tasks').selectAll().where('child_count', '>', 0).executeTakeFirstOrThrow();
    const children = await t.db
      .selectFrom('tasks')
      .select(['progress', 'weight'])
      .where('parent_id', '=', parent.id)
      .execute();
    const expected =
      children.reduce((sum, c) => sum + c.progress * c.weight, 0) / children.reduce((s, c) => s + c.weight, 0);
    expect(parent.progress).toBeCloseTo(expected, 1);
  });
});
