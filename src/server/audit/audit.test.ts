import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { insertAuditEntry } from './audit.repository.js';

let t: TestApp;
let admin: string;
let auditor: string;
let adminId: number;
let unitId: number;
/** An instant between the set-up writes and the renames below. */
let midway: string;

function get(url: string, cookie?: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
}

interface Entry {
  id: number;
  seq: number;
  action: string;
  objectType: string;
  objectId: string | null;
  actor: { id: number; displayName: string } | null;
  at: string;
  detail: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
}

async function list(query: string, cookie = auditor): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await get(`/audit${query}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.makeUser('audit-reader', ['auditor']);
  await t.makeUser('audit-clerk', ['unit_staff']);
  auditor = await t.login('audit-reader');
  adminId = (await get('/me', admin)).json().id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/units',
    payload: { name: '审计样本局' },
    headers: { cookie: admin },
  });
  unitId = created.json().id;
  await new Promise((resolve) => setTimeout(resolve, 5));
  midway = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  for (const name of ['审计样本局（一）', '审计样本局（二）']) {
    const current = (await get(`/units/${unitId}`, admin)).json();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unitId}`,
      payload: { version: current.version, name },
      headers: { cookie: admin },
    });
  }
});
afterAll(() => t.close());

describe('GET /audit', () => {
  it('should give an auditor the entries newest first, with actor names and chain fields', async () => {
    const { items } = await list('?limit=200');
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
    const rename = items.find((e) => e.action === 'unit.update');
    expect(rename).toMatchObject({
      objectType: 'unit',
      objectId: String(unitId),
      actor: { id: adminId, displayName: 'Admin' },
      before: { name: '审计样本局（一）' },
      after: { name: '审计样本局（二）' },
      ip: expect.any(String),
      requestId: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('should show entries of the system (CLI, set-up) without an actor, naming it in the detail', async () => {
    const { items } = await list('?action=user.create');
    const setUp = items.find((e) => e.detail.username === 'audit-reader');
    expect(setUp).toMatchObject({ actor: null, detail: { by: 'test' } });
  });

  it('should let an administrator read it too', async () => {
    expect((await get('/audit', admin)).statusCode).toBe(200);
  });

  it('should refuse a unit_staff user with 403 and an anonymous caller with 401', async () => {
    const clerk = await t.login('audit-clerk');
    expect((await get('/audit', clerk)).statusCode).toBe(403);
    expect((await get('/audit')).statusCode).toBe(401);
  });

  it('should filter by object, by action prefix and by actor', async () => {
    const unit = await list(`?objectType=unit&objectId=${unitId}`);
    expect(unit.items.map((e) => e.action)).toEqual(['unit.update', 'unit.update', 'unit.create']);
    const units = await list('?action=unit.');
    expect(units.items.length).toBeGreaterThanOrEqual(3);
    expect(units.items.every((e) => e.action.startsWith('unit.'))).toBe(true);
    expect((await list('?action=unit.update')).items).toHaveLength(2);
    expect((await list('?action=unit_')).items).toHaveLength(0);
    const byAdmin = await list(`?actorId=${adminId}`);
    expect(byAdmin.items.length).toBeGreaterThan(0);
    expect(byAdmin.items.every((e) => e.actor?.id === adminId)).toBe(true);
  });

  it('should filter by a date range, from inclusive and to exclusive, with any offset', async () => {
    const later = await list(`?objectType=unit&from=${encodeURIComponent(midway)}`);
    expect(later.items.map((e) => e.action)).toEqual(['unit.update', 'unit.update']);
    const earlier = await list(`?objectType=unit&to=${encodeURIComponent(midway)}`);
    expect(earlier.items.map((e) => e.action)).toEqual(['unit.create']);
    const shanghai = new Date(Date.parse(midway) + 8 * 3600000).toISOString().replace('Z', '+08:00');
    expect((await list(`?objectType=unit&from=${encodeURIComponent(shanghai)}`)).items).toHaveLength(2);
  });

  it('should page with a cursor, without gaps or repeats', async () => {
    const all = (await list('?limit=200')).items.map((e) => e.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await list(
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('should answer the before/after of the fields a writer recorded', async () => {
    await t.db.transaction().execute((trx) =>
      insertAuditEntry(trx, systemActor('test'), {
        action: 'unit.update',
        objectType: 'unit',
        objectId: unitId,
        before: { shortName: null },
        after: { shortName: '样本局' },
      }),
    );
    const [newest] = (await list(`?objectType=unit&objectId=${unitId}&limit=1`)).items;
    expect(newest).toMatchObject({ before: { shortName: null }, after: { shortName: '样本局' } });
  });

  it('should refuse bad queries with 400', async () => {
    for (const query of ['?sort=at', '?limit=500', '?limit=0', '?from=2026-11-27', '?cursor=abc', '?actorId=-1']) {
      const res = await get(`/audit${query}`, auditor);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});

describe('GET /audit/verify', () => {
  it('should report an intact chain and its head, the newest entry', async () => {
    const res = await get('/audit/verify', auditor);
    expect(res.statusCode).toBe(200);
    const [newest] = (await list('?limit=1')).items;
    expect(res.json()).toEqual({ ok: true, count: newest?.seq, head: { seq: newest?.seq, hash: expect.any(String) } });
    expect(res.json().head.hash).toBe(newest?.hash);
  });

  it('should compare with a head kept outside', async () => {
    const { head } = (await get('/audit/verify', auditor)).json();
    expect((await get(`/audit/verify?expectHead=${head.seq}:${head.hash}`, auditor)).json()).toMatchObject({
      ok: true,
    });
    const wrong = await get(`/audit/verify?expectHead=${head.seq}:${'0'.repeat(64)}`, auditor);
    expect(wrong.json()).toMatchObject({ ok: false, firstBad: { seq: head.seq, problem: 'altered' } });
    const ahead = await get(`/audit/verify?expectHead=${head.seq + 5}:${head.hash}`, auditor);
    expect(ahead.json()).toMatchObject({ ok: false, firstBad: { seq: head.seq + 1, id: null, problem: 'missing' } });
  });

  it('should refuse a malformed head with 400 and a unit_staff user with 403', async () => {
    expect((await get('/audit/verify?expectHead=12', auditor)).statusCode).toBe(400);
    const clerk = await t.login('audit-clerk');
    expect((await get('/audit/verify', clerk)).statusCode).toBe(403);
  });
});
