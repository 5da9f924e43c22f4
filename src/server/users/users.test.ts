import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { setUserActive } from './users.service.js';

let t: TestApp;
let admin: string;
let adminId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.makeUser('dup-name', ['unit_staff']);
  adminId = (await t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = admin) {
  return t.app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), headers: { cookie } });
}

async function countRows(table: 'users' | 'user_roles' | 'audit_log'): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function userRow(id: number) {
  return t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function newUser(overrides: Record<string, unknown> = {}) {
  return { username: 'new-user', displayName: '新用户', password: 'password-123', roles: ['unit_staff'], ...overrides };
}

/** Every key of a JSON value, at any depth. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
  }
  return [];
}

describe('POST /users', () => {
  it('should create a user and never send a password or its hash back', async () => {
    const unit = await t.makeUnit('创建用户单位');
    const res = await api(
      'POST',
      '/users',
      newUser({
        username: 'Zhang.San',
        unitId: unit.id,
        email: 'zs@example.gov.cn',
        roles: ['unit_staff', 'unit_head'],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'zhang.san',
      displayName: '新用户',
      unitId: unit.id,
      unitName: '创建用户单位',
      roles: ['unit_head', 'unit_staff'],
      active: true,
      email: 'zs@example.gov.cn',
      version: 1,
    });
    expect(allKeys(res.json()).filter((key) => /password/i.test(key))).toEqual([]);
    expect(res.body).not.toContain('argon2');
  });

  it('should write a user.create audit entry in the same transaction', async () => {
    const res = await api('POST', '/users', newUser({ username: 'audited-create' }));
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('object_id', '=', String(res.json().id))
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: adminId, object_type: 'user' });
    expect(rows[0]?.detail).not.toContain('password-123');
  });

  it.each(['dup-name', 'DUP-NAME', '  Dup-Name '])(
    'should refuse the taken username %j with 409 and create nobody',
    async (username) => {
      const [users, audit] = [await countRows('users'), await countRows('audit_log')];
      const res = await api('POST', '/users', newUser({ username }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'username_taken', field: 'username' });
      expect(await countRows('users')).toBe(users);
      expect(await countRows('audit_log')).toBe(audit);
    },
  );

  it('should create a username asked for twice at once only once, answering the other 409', async () => {
    const users = await countRows('users');
    const answers = await Promise.all([1, 2].map(() => api('POST', '/users', newUser({ username: 'twice-at-once' }))));
    expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((res) => res.statusCode === 409)?.json()).toMatchObject({ code: 'username_taken' });
    expect(await countRows('users')).toBe(users + 1);
  });

  it.each(['张三', 'has space', 'semi;colon', '-leading-dash', 'a', 'x'.repeat(65)])(
    'should refuse the username %j with 400 on username',
    async (username) => {
      const users = await countRows('users');
      const res = await api('POST', '/users', newUser({ username }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'username' });
      expect(await countRows('users')).toBe(users);
    },
  );

  it('should refuse an unknown unit with 422 unit_not_found and create nobody', async () => {
    const [users, audit] = [await countRows('users'), await countRows('audit_log')];
    const res = await api('POST', '/users', newUser({ username: 'lost-unit', unitId: 987654 }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'unit_not_found', field: 'unitId' });
    expect(await countRows('users')).toBe(users);
    expect(await countRows('audit_log')).toBe(audit);
  });

  it('should refuse an archived unit with 422 unit_archived, also among units in charge', async () => {
    const unit = await t.makeUnit('已归档单位');
    const archived = await api('POST', `/units/${unit.id}/archive`, { version: unit.version });
    expect(archived.statusCode).toBe(200);
    const [users, roles] = [await countRows('users'), await countRows('user_roles')];
    const asUnit = await api('POST', '/users', newUser({ username: 'archived-unit', unitId: unit.id }));
    expect(asUnit.statusCode).toBe(422);
    expect(asUnit.json()).toMatchObject({ code: 'unit_archived', field: 'unitId' });
    const asLeader = await api(
      'POST',
      '/users',
      newUser({ username: 'archived-leader', roles: ['leader'], unitsInChargeIds: [unit.id] }),
    );
    expect(asLeader.statusCode).toBe(422);
    expect(asLeader.json()).toMatchObject({ code: 'unit_archived', field: 'unitsInChargeIds' });
    expect(await countRows('users')).toBe(users);
    expect(await countRows('user_roles')).toBe(roles);
  });

  it('should name every missing field and call a blank display name required', async () => {
    const users = await countRows('users');
    const missing = await api('POST', '/users', { username: 'half-filled' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ field: 'displayName', code: 'required' }),
      expect.objectContaining({ field: 'password', code: 'required' }),
      expect.objectContaining({ field: 'roles', code: 'required' }),
    ]);
    const blank = await api('POST', '/users', newUser({ username: 'blank-name', displayName: '   ' }));
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'displayName', code: 'required' })]);
    expect(await countRows('users')).toBe(users);
  });

  it('should refuse unknown fields and roles', async () => {
    const users = await countRows('users');
    const extra = await api('POST', '/users', newUser({ username: 'mass-assign', active: false }));
    expect(extra.json()).toMatchObject({ code: 'validation_failed', field: 'active' });
    const role = await api('POST', '/users', newUser({ username: 'bad-role', roles: ['root'] }));
    expect(role.json()).toMatchObject({ code: 'validation_failed', field: 'roles.0' });
    expect(await countRows('users')).toBe(users);
  });
});

describe('PATCH /users/:id', () => {
  it('should edit a user and bump the version', async () => {
    const id = await t.makeUser('edit-me', ['unit_staff']);
    const res = await api('PATCH', `/users/${id}`, { version: 1, displayName: ' 李四 ', roles: ['supervisor'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '李四', roles: ['supervisor'], version: 2 });
  });

  it('should refuse a stale version with 409 and change nothing', async () => {
    const id = await t.makeUser('stale-edit', ['unit_staff']);
    expect((await api('PATCH', `/users/${id}`, { version: 1, displayName: '第一次' })).statusCode).toBe(200);
    const before = await userRow(id);
    const res = await api('PATCH', `/users/${id}`, { version: 1, displayName: '第二次' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
    expect(await userRow(id)).toEqual(before);
  });

  it('should answer 404 for an unknown user', async () => {
    const res = await api('PATCH', '/users/999999', { version: 1, displayName: '无人' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('last administrator', () => {
  it('should not let the last active administrator lose the admin role', async () => {
    const before = await t.db.selectFrom('user_roles').selectAll().where('user_id', '=', adminId).execute();
    const res = await api('PATCH', `/users/${adminId}`, {
      version: (await userRow(adminId)).version,
      roles: ['auditor'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('last_admin');
    expect(await t.db.selectFrom('user_roles').selectAll().where('user_id', '=', adminId).execute()).toEqual(before);
  });

  it('should not let the last active administrator be deactivated', async () => {
    const row = await userRow(adminId);
    const attempt = setUserActive(t.db, {
      userId: adminId,
      version: row.version,
      active: false,
      actor: systemActor('test'),
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'last_admin', status: 409 });
    expect(await userRow(adminId)).toEqual(row);
  });

  it('should not let an administrator deactivate themself', async () => {
    const row = await userRow(adminId);
    const res = await api('POST', `/users/${adminId}/deactivate`, { version: row.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('cannot_deactivate_self');
    expect(await userRow(adminId)).toEqual(row);
  });

  it('should let an administrator step down when another one remains', async () => {
    const id = await t.makeUser('second-admin', ['admin']);
    const cookie = await t.login('second-admin');
    const res = await api('PATCH', `/users/${id}`, { version: 1, roles: ['auditor'] }, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['auditor']);
  });
});

describe('POST /users/:id/deactivate and /activate', () => {
  it('should deactivate and reactivate a user', async () => {
    const id = await t.makeUser('toggle-me', ['unit_staff']);
    const off = await api('POST', `/users/${id}/deactivate`, { version: 1 });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const on = await api('POST', `/users/${id}/activate`, { version: 2 });
    expect(on.json()).toMatchObject({ active: true, version: 3 });
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'user')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.deactivate', 'user.activate']);
  });

  it('should refuse a stale version with 409', async () => {
    const id = await t.makeUser('toggle-stale', ['unit_staff']);
    const res = await api('POST', `/users/${id}/deactivate`, { version: 7 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
    expect((await userRow(id)).deactivated_at).toBeNull();
  });
});

describe('GET /users/:id', () => {
  it('should answer 404 for an unknown user', async () => {
    const res = await api('GET', '/users/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('should refuse an id that is not a positive integer with 400', async () => {
    for (const id of ['abc', '0', '-1', '1.5']) {
      const res = await api('GET', `/users/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});

describe('GET /users', () => {
  let city: { id: number };
  let district: { id: number };
  let other: { id: number };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    city = await t.makeUnit('筛选市');
    district = await t.makeUnit('筛选区', city.id);
    other = await t.makeUnit('筛选其他');
    ids.cityStaff = await t.makeUser('filter-city', ['unit_staff'], { unitId: city.id });
    ids.districtHead = await t.makeUser('filter-district', ['unit_head'], { unitId: district.id });
    ids.otherAuditor = await t.makeUser('filter-other', ['auditor'], { unitId: other.id });
    ids.inactive = await t.makeUser('filter-gone', ['unit_staff'], { unitId: district.id });
    await api('POST', `/users/${ids.inactive}/deactivate`, { version: 1 });
  });

  async function list(query: string): Promise<string[]> {
    const res = await api('GET', `/users?limit=200&${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((u: { username: string }) => u.username);
  }

  it('should take the whole subtree when filtering by unit', async () => {
    expect((await list(`unitId=${city.id}`)).sort()).toEqual(['filter-city', 'filter-district', 'filter-gone']);
    expect((await list(`unitId=${district.id}`)).sort()).toEqual(['filter-district', 'filter-gone']);
    expect(await list(`unitId=${other.id}`)).toEqual(['filter-other']);
  });

  it('should answer an empty page for an unknown unit', async () => {
    expect(await list('unitId=999999')).toEqual([]);
  });

  it('should filter by role', async () => {
    const heads = await list('role=unit_head');
    expect(heads).toContain('filter-district');
    expect(heads).not.toContain('filter-city');
  });

  it('should filter by active', async () => {
    const inactive = await list('active=false');
    expect(inactive).toContain('filter-gone');
    expect(inactive).not.toContain('filter-city');
    expect(await list('active=true')).not.toContain('filter-gone');
  });

  it('should search usernames and display names, case-insensitively', async () => {
    expect((await list('q=FILTER-D')).sort()).toEqual(['filter-district']);
    await api('PATCH', `/users/${ids.cityStaff}`, { version: 1, displayName: '王小明' });
    expect(await list(`q=${encodeURIComponent('小明')}`)).toEqual(['filter-city']);
  });

  it('should treat % and _ in the search as plain characters', async () => {
    await t.makeUser('under_score', ['unit_staff']);
    await t.makeUser('rxs-decoy', ['unit_staff']);
    expect(await list('q=r_s')).toEqual(['under_score']);
    expect(await list(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('should combine filters', async () => {
    expect(await list(`unitId=${city.id}&role=unit_staff&active=true`)).toEqual(['filter-city']);
  });

  it('should walk every user exactly once with keyset pages', async () => {
    const total = await countRows('users');
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api('GET', `/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u: { id: number }) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('should refuse a limit over the maximum', async () => {
    const res = await api('GET', '/users?limit=201');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'limit' });
  });
});

describe('last administrator under concurrency', () => {
  let race: TestApp;
  beforeAll(async () => {
    race = await createTestApp();
  });
  afterAll(() => race.close());

  async function activeAdmins(): Promise<string[]> {
    const rows = await race.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.username')
      .where('user_roles.role', '=', 'admin')
      .where('users.deactivated_at', 'is', null)
      .execute();
    return rows.map((r) => r.username);
  }

  it.each([
    ['demote', 'PATCH', '', { version: 1, roles: ['auditor'] }],
    ['deactivate', 'POST', '/deactivate', { version: 1 }],
  ] as const)(
    'should keep one administrator when the last two %s each other at once',
    async (label, method, suffix, payload) => {
      const first = await race.makeUser(`race-${label}-1`, ['admin']);
      const second = await race.makeUser(`race-${label}-2`, ['admin']);
      // Leave exactly these two as administrators.
      await race.db
        .deleteFrom('user_roles')
        .where('role', '=', 'admin')
        .where('user_id', 'not in', [first, second])
        .execute();
      const [cookieFirst, cookieSecond] = [await race.login(`race-${label}-1`), await race.login(`race-${label}-2`)];
      const send = (target: number, cookie: string) =>
        race.app.inject({ method, url: `/api/v1/users/${target}${suffix}`, payload, headers: { cookie } });
      const answers = await Promise.all([send(second, cookieFirst), send(first, cookieSecond)]);
      expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((res) => res.statusCode === 409)?.json().code).toBe('last_admin');
      expect(await activeAdmins()).toHaveLength(1);
    },
  );
});
