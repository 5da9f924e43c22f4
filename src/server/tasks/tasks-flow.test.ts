import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The main path of issue 3 end to end through the API: register → decompose → assign → inbox →
// acknowledge → progress roll-up, with an unrelated unit unable to see any of it.

let t: TestApp;
let supervisor: string;
let leadStaff: string;
let otherStaff: string;
let leadUnit: number;
let coopUnit: number;

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.makeUnit('市政府');
  leadUnit = (await t.makeUnit('市发改委', city.id)).id;
  coopUnit = (await t.makeUnit('市财政局', city.id)).id;
  const other = await t.makeUnit('市教育局', city.id);
  await t.makeUser('sup', ['supervisor']);
  await t.makeUser('lead.staff', ['unit_staff'], { unitId: leadUnit });
  await t.makeUser('other.staff', ['unit_staff'], { unitId: other.id });
  supervisor = await t.login('sup');
  leadStaff = await t.login('lead.staff');
  otherStaff = await t.login('other.staff');
});
afterAll(() => t.close());

function api(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
}

describe('task flow', () => {
  it('should register, decompose, assign, show in the inbox, acknowledge and roll up progress', async () => {
    const created = await api('POST', '/tasks', supervisor, {
      title: '推进重大项目建设',
      isKey: true,
      leadUnitId: leadUnit,
      cooperatingUnits: [{ unitId: coopUnit, part: '保障资金' }],
      deadline: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({
      status: 'draft',
      isKey: true,
      leadUnit: { id: leadUnit },
      cooperatingUnitIds: [coopUnit],
    });
    expect(task.number).toMatch(/^\d{4}-\d{4}$/);

    const decomposed = await api('POST', `/tasks/${task.id}/subtasks`, supervisor, {
      version: task.version,
      subtasks: [
        { title: '子任务一' },
        { title: '子任务二', weight: 2 },
        { title: '子任务三', deadline: '2026-11-30' },
      ],
    });
    expect(decomposed.statusCode).toBe(201);
    const subs = decomposed.json().items;
    expect(subs).toHaveLength(3);
    expect(subs[0]).toMatchObject({ deadline: '2026-12-31', leadUnit: { id: leadUnit }, depth: 1 });

    const late = await api('POST', `/tasks/${task.id}/subtasks`, supervisor, {
      version: (await api('GET', `/tasks/${task.id}`, supervisor)).json().version,
      subtasks: [{ title: '太晚', deadline: '2027-01-31' }],
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'deadline_after_parent', field: 'subtasks.0.deadline' });

    const current = (await api('GET', `/tasks/${task.id}`, supervisor)).json();
    const assigned = await api('POST', `/tasks/${task.id}/assign`, supervisor, { version: current.version });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().status).toBe('assigned');

    const inbox = (await api('GET', '/inbox', leadStaff)).json();
    expect(inbox.toAcknowledge.map((x: { id: number }) => x.id)).toContain(task.id);

    const ack = await api('POST', `/tasks/${task.id}/acknowledge`, leadStaff, { version: assigned.json().version });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().status).toBe('in_progress');

    for (const [i, sub] of subs.entries()) {
      const fresh = (await api('GET', `/tasks/${sub.id}`, supervisor)).json();
      const res = await api('PUT', `/tasks/${sub.id}/progress`, supervisor, {
        version: fresh.version,
        progress: [30, 60, 90][i],
      });
      expect(res.statusCode).toBe(200);
    }
    const parent = (await api('GET', `/tasks/${task.id}`, supervisor)).json();
    // weights 1, 2, 1 → (30 + 120 + 90) / 4 = 60
    expect(parent.progress).toBe(60);
    expect(parent.childCount).toBe(3);

    const hidden = await api('GET', `/tasks/${task.id}`, otherStaff);
    expect(hidden.statusCode).toBe(404);
    const list = (await api('GET', '/tasks?q=重大项目', otherStaff)).json();
    expect(list.items).toEqual([]);
    const seen = (await api('GET', '/tasks?q=重大项目', leadStaff)).json();
    expect(seen.items.map((x: { id: number }) => x.id)).toContain(task.id);
  });

  it('should refuse an illegal transition with 409 naming the allowed actions', async () => {
    const created = (await api('POST', '/tasks', supervisor, { title: '非法流转', leadUnitId: leadUnit })).json();
    const res = await api('POST', `/tasks/${created.id}/resume`, supervisor, { version: created.version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'illegal_transition' });
    expect(res.json().allowed).toEqual(expect.arrayContaining(['assign', 'cancel']));
  });

  it('should answer a stale version with 409 and the current task', async () => {
    const created = (await api('POST', '/tasks', supervisor, { title: '版本冲突', leadUnitId: leadUnit })).json();
    expect(
      (await api('PATCH', `/tasks/${created.id}`, supervisor, { version: created.version, title: '改一' })).statusCode,
    ).toBe(200);
    const stale = await api('PATCH', `/tasks/${created.id}`, supervisor, { version: created.version, title: '改二' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: created.id, title: '改一' });
  });

  it('should refuse moving a task under its own subtask', async () => {
    const root = (await api('POST', '/tasks', supervisor, { title: '移动根', leadUnitId: leadUnit })).json();
    const child = (await api('POST', '/tasks', supervisor, { title: '移动子', parentId: root.id })).json();
    const res = await api('POST', `/tasks/${root.id}/move`, supervisor, {
      version: root.version + 1,
      parentId: child.id,
    });
    expect([409, 422]).toContain(res.statusCode);
    const fresh = (await api('GET', `/tasks/${root.id}`, supervisor)).json();
    const cyclic = await api('POST', `/tasks/${root.id}/move`, supervisor, {
      version: fresh.version,
      parentId: child.id,
    });
    expect(cyclic.statusCode).toBe(422);
    expect(cyclic.json().code).toBe('task_move_cycle');
  });
});
