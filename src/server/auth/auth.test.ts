import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, cookieFrom, createTestApp, type TestApp } from '../test/test-app.js';
import { hashSecret } from './secrets.js';
import { purgeStaleThrottles } from './throttle.service.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

/** Signs in through the route; failures come from their own address so they never lock out `t.login`. */
function login(username: string, password: string, extra: Partial<InjectOptions> = {}, app = t) {
  return app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: '192.0.2.10',
    ...extra,
  });
}

function me(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
}

async function sessionHashesOf(userId: number): Promise<string[]> {
  const rows = await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute();
  return rows.map((r) => r.id_hash).sort();
}

async function countRows(table: 'users' | 'units' | 'sessions' | 'api_tokens'): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The raw session id in a `name=value` cookie header. */
function sessionIdOf(cookie: string): string {
  return cookie.slice(cookie.indexOf('=') + 1);
}

describe('POST /auth/login', () => {
  it('should sign in and set an HttpOnly, SameSite=Lax cookie that is not Secure over http', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', roles: ['admin'] });
    const cookie = res.cookies.find((c) => c.name === 'luoshi_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 7 * 86400 });
    expect(cookie?.secure).toBeUndefined();
    expect((await me(cookieFrom(res))).json().username).toBe('admin');
  });

  it('should store only a hash of the session id', async () => {
    const cookie = await t.login('admin');
    const rows = await t.db.selectFrom('sessions').select('id_hash').execute();
    const id = sessionIdOf(cookie);
    expect(id.length).toBeGreaterThanOrEqual(40);
    expect(rows.some((r) => r.id_hash === id || r.id_hash.includes(id))).toBe(false);
    expect(rows.some((r) => r.id_hash === hashSecret(id))).toBe(true);
  });

  it('should issue a new session id at every sign-in', async () => {
    const first = await t.login('admin');
    const second = await t.login('admin');
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('should accept the username in any case and with surrounding spaces', async () => {
    expect((await login('  ADMIN ', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('should answer a wrong password and an unknown user the same way', async () => {
    const sessions = await countRows('sessions');
    const wrong = await login('admin', 'not-the-password');
    const unknown = await login('no-such-person', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
      expect(res.cookies).toEqual([]);
    }
    const { requestId: _a, ...wrongBody } = wrong.json();
    const { requestId: _b, ...unknownBody } = unknown.json();
    expect(wrongBody).toEqual(unknownBody);
    expect(Object.keys(wrong.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    expect(await countRows('sessions')).toBe(sessions);
  });

  it('should refuse a deactivated user with the right password as invalid credentials', async () => {
    const id = await t.makeUser('gone-user', ['unit_staff']);
    await t.db.updateTable('users').set({ deactivated_at: new Date().toISOString() }).where('id', '=', id).execute();
    const res = await login('gone-user', 'password-123');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
    expect(await sessionHashesOf(id)).toEqual([]);
  });

  it('should record the sign-in in the audit log', async () => {
    const id = await t.makeUser('audited-login', ['unit_staff']);
    await t.login('audited-login');
    const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').execute();
    expect(rows.some((r) => r.actor_user_id === id && r.object_id === String(id))).toBe(true);
  });
});

describe('login cookie behind a proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ LUOSHI_TRUST_PROXY: 'true' });
  });
  afterAll(() => proxied.close());

  it('should mark the cookie Secure when the proxy says the request came over https', async () => {
    const res = await login('admin', ADMIN_PASSWORD, { headers: { 'x-forwarded-proto': 'https' } }, proxied);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'luoshi_session')?.secure).toBe(true);
  });

  it('should ignore x-forwarded-proto when the proxy is not trusted', async () => {
    const res = await login('admin', ADMIN_PASSWORD, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'luoshi_session')?.secure).toBeUndefined();
  });
});

describe('login throttle', () => {
  it('should lock an account after 5 failures, even for the right password from another address', async () => {
    await t.makeUser('throttled', ['unit_staff']);
    for (let i = 0; i < 5; i++) {
      expect((await login('throttled', 'wrong-password', { remoteAddress: '192.0.2.21' })).statusCode).toBe(401);
    }
    const sessions = await countRows('sessions');
    const res = await login('throttled', 'password-123', {
      remoteAddress: '192.0.2.22',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('too_many_attempts');
    expect(res.json().detail).toContain('15 minutes');
    expect(await countRows('sessions')).toBe(sessions);
  });

  it('should lock an account hit by many failures at once', async () => {
    await t.makeUser('throttle-burst', ['unit_staff']);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login('throttle-burst', 'wrong-password', { remoteAddress: `192.0.2.${100 + i}` }),
      ),
    );
    expect(burst.map((res) => res.statusCode)).toEqual(Array(12).fill(401));
    const res = await login('throttle-burst', 'password-123', { remoteAddress: '192.0.2.99' });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('too_many_attempts');
  });

  it('should count every one of several simultaneous failures', async () => {
    await t.makeUser('throttle-parallel', ['unit_staff']);
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        login('throttle-parallel', 'wrong-password', { remoteAddress: `192.0.2.${120 + i}` }),
      ),
    );
    const row = await t.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('key', '=', 'user:throttle-parallel')
      .executeTakeFirst();
    expect(row?.failures).toBe(4);
    await login('throttle-parallel', 'wrong-password', { remoteAddress: '192.0.2.124' });
    expect((await login('throttle-parallel', 'password-123', { remoteAddress: '192.0.2.125' })).statusCode).toBe(429);
  });

  it('should not lock other accounts when one is locked', async () => {
    await t.makeUser('throttle-neighbour', ['unit_staff']);
    await t.makeUser('throttle-victim', ['unit_staff']);
    for (let i = 0; i < 5; i++) await login('throttle-victim', 'wrong-password', { remoteAddress: '192.0.2.31' });
    expect((await login('throttle-neighbour', 'password-123', { remoteAddress: '192.0.2.31' })).statusCode).toBe(200);
  });

  it('should forget earlier failures after a successful sign-in', async () => {
    await t.makeUser('throttle-forgiven', ['unit_staff']);
    const from = { remoteAddress: '192.0.2.41' };
    for (let i = 0; i < 4; i++) await login('throttle-forgiven', 'wrong-password', from);
    expect((await login('throttle-forgiven', 'password-123', from)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login('throttle-forgiven', 'wrong-password', from);
    expect((await login('throttle-forgiven', 'password-123', from)).statusCode).toBe(200);
  });

  describe('per address', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await createTestApp({ LUOSHI_LOGIN_IP_MAX_FAILURES: '4', LUOSHI_LOGIN_MAX_FAILURES: '100' });
    });
    afterAll(() => strict.close());

    it('should lock an address that fails across many usernames, for every account', async () => {
      for (let i = 0; i < 4; i++) {
        const res = await login(`guess-${i}`, 'wrong-password', { remoteAddress: '198.51.100.7' }, strict);
        expect(res.statusCode).toBe(401);
      }
      const locked = await login('admin', ADMIN_PASSWORD, { remoteAddress: '198.51.100.7' }, strict);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('too_many_attempts');
      const elsewhere = await login('admin', ADMIN_PASSWORD, { remoteAddress: '198.51.100.8' }, strict);
      expect(elsewhere.statusCode).toBe(200);
    });
  });
});

describe('passwords', () => {
  const accepted: Array<[string, string]> = [
    ['exactly 8 characters', 'abcdefgh'],
    ['exactly 128 characters', '密'.repeat(128)],
    ['spaces inside and around', '  correct horse battery  '],
    ['Chinese', '落实督查督办工作'],
    ['emoji', 'pa🔒ss🙂word'],
    ['quotes and backslashes', `"it's" \`q\` \\ ; --`],
  ];

  it.each(accepted)('should create a user and sign in with a password of %s', async (_label, password) => {
    const username = `pw-${accepted.findIndex(([, p]) => p === password)}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username, displayName: username, password, roles: ['unit_staff'] },
      headers: { cookie: admin },
    });
    expect(created.statusCode).toBe(201);
    expect((await login(username, password)).statusCode).toBe(200);
    const wrong = password.trim() === password ? `${password.slice(0, -1)}!` : password.trim();
    expect((await login(username, wrong)).statusCode).toBe(401);
  });

  it.each([
    ['7', 'a'.repeat(7)],
    ['129', 'a'.repeat(129)],
  ])('should refuse a password of %s characters with a field error and create nobody', async (_n, password) => {
    const users = await countRows('users');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'pw-bad', displayName: 'pw', password, roles: [] },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'password' });
    expect(await countRows('users')).toBe(users);
  });
});

describe('POST /auth/logout', () => {
  it('should end the session on the server and clear the cookie', async () => {
    const id = await t.makeUser('logout-user', ['unit_staff']);
    const cookie = await t.login('logout-user');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'luoshi_session')).toMatchObject({ value: '', maxAge: 0 });
    expect(await sessionHashesOf(id)).toEqual([]);
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('should accept an empty body sent as application/json', async () => {
    await t.makeUser('logout-empty', ['unit_staff']);
    const cookie = await t.login('logout-empty');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      body: '',
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('should keep the other sessions of the same person', async () => {
    await t.makeUser('logout-two', ['unit_staff']);
    const first = await t.login('logout-two');
    const second = await t.login('logout-two');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: first } });
    expect((await me(second)).statusCode).toBe(200);
  });
});

describe('ending sessions', () => {
  it('should end all sessions of a user at once when they are deactivated', async () => {
    const id = await t.makeUser('deactivate-me', ['unit_staff']);
    const cookie = await t.login('deactivate-me');
    expect((await me(cookie)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/deactivate`,
      payload: { version: 1 },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await sessionHashesOf(id)).toEqual([]);
  });

  it("should end all of a user's sessions when an administrator resets the password", async () => {
    const id = await t.makeUser('reset-me', ['unit_staff']);
    const first = await t.login('reset-me');
    const second = await t.login('reset-me');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/reset-password`,
      payload: { password: 'brand-new-pass' },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await login('reset-me', 'password-123')).statusCode).toBe(401);
    expect((await login('reset-me', 'brand-new-pass')).statusCode).toBe(200);
  });
});

describe('POST /me/password', () => {
  function change(cookie: string, payload: object) {
    return t.app.inject({ method: 'POST', url: '/api/v1/me/password', payload, headers: { cookie } });
  }

  it('should throttle guessing the current password like sign-in', async () => {
    const limited = await createTestApp({ LUOSHI_LOGIN_MAX_FAILURES: '3' });
    try {
      await limited.makeUser('guess-current', ['unit_staff']);
      const cookie = await limited.login('guess-current');
      const attempt = (currentPassword: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/me/password',
          payload: { currentPassword, newPassword: 'a-new-password-1' },
          headers: { cookie },
        });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong-guess')).statusCode).toBe(422);
      const locked = await attempt('password-123');
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('too_many_attempts');
      const login = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'guess-current', password: 'password-123' },
      });
      expect(login.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('should refuse a wrong current password with 422 on currentPassword and change nothing', async () => {
    const id = await t.makeUser('change-wrong', ['unit_staff']);
    const cookie = await t.login('change-wrong');
    const other = await t.login('change-wrong');
    const before = await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const sessions = await sessionHashesOf(id);
    const res = await change(cookie, { currentPassword: 'not-my-password', newPassword: 'whatever-new-1' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    expect(await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    expect(await sessionHashesOf(id)).toEqual(sessions);
    expect((await me(other)).statusCode).toBe(200);
  });

  it('should change the password, end the other sessions and keep this one', async () => {
    const id = await t.makeUser('change-right', ['unit_staff']);
    const current = await t.login('change-right');
    const other = await t.login('change-right');
    const res = await change(current, { currentPassword: 'password-123', newPassword: 'my new pass 密码' });
    expect(res.statusCode).toBe(204);
    expect((await me(current)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect(await sessionHashesOf(id)).toEqual([hashSecret(sessionIdOf(current))]);
    expect((await login('change-right', 'password-123')).statusCode).toBe(401);
    expect((await login('change-right', 'my new pass 密码')).statusCode).toBe(200);
  });

  it('should refuse a new password that is too short with a field error', async () => {
    const id = await t.makeUser('change-short', ['unit_staff']);
    const cookie = await t.login('change-short');
    const before = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await change(cookie, { currentPassword: 'password-123', newPassword: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'newPassword' });
    expect(
      await t.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual(before);
  });
});

describe('CSRF', () => {
  function createUnit(name: string, headers: Record<string, string>) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name },
      headers: { cookie: admin, ...headers },
    });
  }

  it('should refuse a cookie-authenticated write from another origin with 403 and change nothing', async () => {
    const before = await countRows('units');
    const res = await createUnit('跨站单位', { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
    expect(await countRows('units')).toBe(before);
  });

  it.each(['cross-site', 'same-site'])('should refuse a write with Sec-Fetch-Site: %s', async (site) => {
    const before = await countRows('units');
    const res = await createUnit('跨站单位二', { 'sec-fetch-site': site });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
    expect(await countRows('units')).toBe(before);
  });

  it('should refuse a write with Origin: null', async () => {
    const before = await countRows('units');
    const res = await createUnit('空来源单位', { origin: 'null' });
    expect(res.json().code).toBe('csrf_rejected');
    expect(await countRows('units')).toBe(before);
  });

  it('should refuse a cross-site sign-in without creating a session', async () => {
    const sessions = await countRows('sessions');
    const res = await login('admin', ADMIN_PASSWORD, { headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
    expect(await countRows('sessions')).toBe(sessions);
  });

  it('should let a same-origin write through', async () => {
    const res = await createUnit('同源单位', { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' });
    expect(res.statusCode).toBe(201);
  });

  it('should let reads from another origin through', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/units',
      headers: { cookie: admin, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('should not apply the Origin check to bearer-token requests', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      payload: { name: 'csrf-test' },
      headers: { cookie: admin },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '令牌单位' },
      headers: { authorization: `Bearer ${created.json().token}`, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(201);
  });

  describe('with LUOSHI_PUBLIC_ORIGIN', () => {
    let pinned: TestApp;
    beforeAll(async () => {
      pinned = await createTestApp({ LUOSHI_PUBLIC_ORIGIN: 'https://luoshi.example.gov.cn' });
    });
    afterAll(() => pinned.close());

    it('should accept only the configured origin', async () => {
      const cookie = await pinned.login('admin');
      const send = (origin: string, name: string) =>
        pinned.app.inject({ method: 'POST', url: '/api/v1/units', payload: { name }, headers: { cookie, origin } });
      expect((await send('http://localhost:80', '本机来源')).json().code).toBe('csrf_rejected');
      expect((await send('https://luoshi.example.gov.cn', '正式来源')).statusCode).toBe(201);
    });
  });
});

describe('Accept-Language', () => {
  it.each([
    ['zh-TW', '使用者名稱或密碼不正確'],
    ['zh-HK,zh;q=0.9', '使用者名稱或密碼不正確'],
    ['en-US,en;q=0.9', 'The username or password is incorrect'],
    ['zh-CN', '用户名或密码不正确'],
    [undefined, '用户名或密码不正确'],
  ])('should answer %s in that language', async (language, text) => {
    const headers = language ? { 'accept-language': language } : {};
    const res = await login(`nobody-${language ?? 'default'}`, 'wrong-password', { headers });
    expect(res.json().code).toBe('invalid_credentials');
    expect(res.json().detail).toContain(text);
  });

  it('should translate field errors too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '长'.repeat(101) },
      headers: { cookie: admin, 'accept-language': 'en' },
    });
    expect(res.json().detail).toContain('name must have at most 100 characters');
  });
});

describe('purgeStaleThrottles', () => {
  it('should remove rows whose window has passed and keep running locks and fresh counts', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
    const future = new Date(now.getTime() + 10 * 60 * 1000).toISOString();
    await t.db
      .insertInto('login_throttle')
      .values([
        { key: 'user:purge-old', failures: 2, window_started_at: old, locked_until: null },
        { key: 'user:purge-locked', failures: 0, window_started_at: old, locked_until: future },
        { key: 'user:purge-fresh', failures: 1, window_started_at: now.toISOString(), locked_until: null },
      ])
      .execute();
    await purgeStaleThrottles(t.db, now);
    const keys = await t.db.selectFrom('login_throttle').select('key').where('key', 'like', 'user:purge-%').execute();
    expect(keys.map((k) => k.key).sort()).toEqual(['user:purge-fresh', 'user:purge-locked']);
  });
});

describe('session cookie with an https public origin', () => {
  it('should be Secure even when the request reached the node over http', async () => {
    const https = await createTestApp({ LUOSHI_PUBLIC_ORIGIN: 'https://luoshi.example.gov.cn' });
    try {
      const res = await login('admin', ADMIN_PASSWORD, {}, https);
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'luoshi_session')?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });
});
