import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/secrets.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

function createToken(cookie: string, payload: object = { name: '数据对接' }) {
  return t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', payload, headers: { cookie } });
}

function meWithToken(token: string) {
  return t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
}

async function tokenRows() {
  return t.db.selectFrom('api_tokens').selectAll().orderBy('id').execute();
}

describe('POST /me/tokens', () => {
  it('should return the token once, with the lsh_ prefix, and its listing fields', async () => {
    const res = await createToken(admin, { name: ' 数据对接 ', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const { token, item } = res.json();
    expect(token).toMatch(/^lsh_[A-Za-z0-9_-]{40,}$/);
    expect(item).toMatchObject({ name: '数据对接', prefix: token.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(Date.parse(item.expiresAt) - Date.parse(item.createdAt)).toBe(30 * 86400000);
  });

  it('should store only a hash of the token', async () => {
    const { token } = (await createToken(admin)).json();
    const rows = await tokenRows();
    expect(rows.some((r) => Object.values(r).some((value) => String(value).includes(token)))).toBe(false);
    expect(rows.some((r) => r.token_hash === hashSecret(token))).toBe(true);
  });

  it('should record the creation in the audit log', async () => {
    const { item } = (await createToken(admin, { name: '审计令牌' })).json();
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'token.create')
      .where('object_id', '=', String(item.id))
      .executeTakeFirst();
    expect(row).toBeDefined();
  });

  it('should refuse a blank name and an expiry out of range and store nothing', async () => {
    const before = (await tokenRows()).length;
    const blank = await createToken(admin, { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'validation_failed', field: 'name' });
    const forever = await createToken(admin, { name: '永久', expiresInDays: 10000 });
    expect(forever.statusCode).toBe(400);
    expect(forever.json()).toMatchObject({ code: 'validation_failed', field: 'expiresInDays' });
    expect((await tokenRows()).length).toBe(before);
  });
});

describe('GET /me/tokens', () => {
  it("should list the caller's tokens newest first without the secret", async () => {
    await t.makeUser('token-lister', ['unit_staff']);
    const cookie = await t.login('token-lister');
    const first = (await createToken(cookie, { name: '第一个' })).json();
    const second = (await createToken(cookie, { name: '第二个' })).json();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([second.item.id, first.item.id]);
    expect(res.body).not.toContain(first.token);
    expect(res.body).not.toContain(second.token);
    for (const item of res.json().items) expect(Object.keys(item)).not.toContain('token');
  });
});

describe('bearer authentication', () => {
  it('should sign a request in with Authorization: Bearer and record the last use', async () => {
    await t.makeUser('token-user', ['supervisor']);
    const cookie = await t.login('token-user');
    const { token, item } = (await createToken(cookie)).json();
    const res = await meWithToken(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'token-user', roles: ['supervisor'] });
    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it('should give the token its owner’s roles and no more', async () => {
    await t.makeUser('token-staff', ['unit_staff']);
    const { token } = (await createToken(await t.login('token-staff'))).json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers })).statusCode).toBe(200);
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers });
    expect(users.statusCode).toBe(403);
    expect(users.json().code).toBe('forbidden');
  });

  it('should refuse an unknown or malformed token with 401', async () => {
    for (const token of ['lsh_not-a-real-token', 'not-even-prefixed', '']) {
      const res = await meWithToken(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('should refuse a revoked token with 401', async () => {
    const { token, item } = (await createToken(admin)).json();
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${item.id}`,
      headers: { cookie: admin },
    });
    expect(revoke.statusCode).toBe(204);
    const res = await meWithToken(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('should refuse an expired token with 401', async () => {
    const { token, item } = (await createToken(admin, { name: '将过期', expiresInDays: 1 })).json();
    expect((await meWithToken(token)).statusCode).toBe(200);
    const past = new Date(Date.now() - 1000).toISOString();
    await t.db.updateTable('api_tokens').set({ expires_at: past }).where('id', '=', item.id).execute();
    expect((await meWithToken(token)).statusCode).toBe(401);
  });

  it('should refuse the token of a deactivated owner with 401', async () => {
    const id = await t.makeUser('token-leaver', ['unit_staff']);
    const { token } = (await createToken(await t.login('token-leaver'))).json();
    expect((await meWithToken(token)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/deactivate`,
      payload: { version: 1 },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    expect((await meWithToken(token)).statusCode).toBe(401);
  });

  it('should not let a token change its owner’s password', async () => {
    await t.makeUser('token-no-password', ['unit_staff']);
    const { token } = (await createToken(await t.login('token-no-password'))).json();
    const before = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'token-no-password')
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'password-123', newPassword: 'stolen-token-1' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const after = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'token-no-password')
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});

describe('DELETE /me/tokens/:id', () => {
  it("should answer 404 for another user's token and leave it working", async () => {
    await t.makeUser('token-owner', ['unit_staff']);
    const { token, item } = (await createToken(await t.login('token-owner'))).json();
    const before = await tokenRows();
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${item.id}`,
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect(await tokenRows()).toEqual(before);
    expect((await meWithToken(token)).statusCode).toBe(200);
  });

  it('should answer 404 for a token that does not exist', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/tokens/999999', headers: { cookie: admin } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
