import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { getTaskSettings } from './task-settings.service.js';

let t: TestApp;
let admin: string;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.makeUser('settings-staff', ['unit_staff']);
  staff = await t.login('settings-staff');
});
afterAll(() => t.close());

function api(method: 'GET' | 'PUT', payload?: object, cookie = admin, language = 'zh-CN') {
  return t.app.inject({
    method,
    url: '/api/v1/settings/tasks',
    ...(payload ? { payload } : {}),
    headers: { cookie, 'accept-language': language },
  });
}

describe('GET /settings/tasks', () => {
  it('should show anyone signed in the default: acknowledge within 2 working days', async () => {
    const res = await api('GET', undefined, staff);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: 1, acknowledgeWorkingDays: 2 });
  });
});

describe('PUT /settings/tasks', () => {
  it('should let an administrator change the period, which the tasks feature then reads', async () => {
    const current = (await api('GET')).json();
    const res = await api('PUT', { version: current.version, acknowledgeWorkingDays: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: current.version + 1, acknowledgeWorkingDays: 3 });
    expect(await getTaskSettings(t.db)).toEqual({ version: current.version + 1, acknowledgeWorkingDays: 3 });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({
      from: { acknowledgeWorkingDays: 2 },
      to: { acknowledgeWorkingDays: 3 },
    });
  });

  it('should answer 409 version_conflict to a stale version and keep the newer value', async () => {
    const current = (await api('GET')).json();
    await api('PUT', { version: current.version, acknowledgeWorkingDays: 4 });
    const stale = await api('PUT', { version: current.version, acknowledgeWorkingDays: 9 }, admin, 'zh-CN');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(stale.json().detail).toBe('该设置已被他人修改，请刷新后重试。');
    expect((await getTaskSettings(t.db)).acknowledgeWorkingDays).toBe(4);
  });

  it('should refuse periods outside 1–30 working days, fractions and unknown fields', async () => {
    const { version } = (await api('GET')).json();
    for (const payload of [
      { version, acknowledgeWorkingDays: 0 },
      { version, acknowledgeWorkingDays: 31 },
      { version, acknowledgeWorkingDays: 1.5 },
      { version, acknowledgeWorkingDays: '2' },
      { version, acknowledgeWorkingDays: 2, overdueDays: 3 },
      { acknowledgeWorkingDays: 2 },
    ]) {
      const res = await api('PUT', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await api('GET')).json().version).toBe(version);
  });

  it('should refuse anyone but an administrator', async () => {
    const { version } = (await api('GET')).json();
    const res = await api('PUT', { version, acknowledgeWorkingDays: 10 }, staff);
    expect(res.statusCode).toBe(403);
    expect((await api('GET')).json().version).toBe(version);
  });
});

describe(getTaskSettings.name, () => {
  it('should fall back to the default when the stored value is unreadable', async () => {
    await t.db
      .updateTable('settings')
      .set({ value: '{"acknowledgeWorkingDays":"many"' })
      .where('key', '=', 'tasks')
      .execute();
    expect((await getTaskSettings(t.db)).acknowledgeWorkingDays).toBe(2);
    await t.db
      .updateTable('settings')
      .set({ value: '{"acknowledgeWorkingDays":99}' })
      .where('key', '=', 'tasks')
      .execute();
    expect((await getTaskSettings(t.db)).acknowledgeWorkingDays).toBe(2);
  });
});
