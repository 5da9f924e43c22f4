import type { LightMyRequestResponse } from 'fastify';
import type { TaskAction } from '../../shared/tasks.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { actorFromUser } from '../auth/auth.service.js';
import type { Database } from '../db/connect.js';
import { createSource } from '../sources/sources.service.js';
import type { TaskFieldsInput } from '../tasks/task-fields.js';
import { transitionTask } from '../tasks/task-transitions.service.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import { registerTask, type TaskDeps } from '../tasks/tasks.service.js';
import { findUserById } from '../users/users.repository.js';
import type { TestApp } from './test-app.js';

// Set-up helpers for the tasks and sources suites: data is made through the services (fast, and
// through the same rules), only the behaviour under test goes through HTTP.

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A caller bound to one session cookie: `call('GET', '/tasks')` against /api/v1. */
export function caller(t: TestApp, cookie: string) {
  return (method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
}

export function taskDeps(t: TestApp): TaskDeps {
  return { db: t.db, config: t.config };
}

/** The actor a signed-in user would be, for calling services as that user. */
export async function actorOf(t: TestApp, userId: number): Promise<Actor> {
  const user = await findUserById(t.db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  return actorFromUser(user, 'session', { ip: null, requestId: null });
}

/** Registers a task as the system; fields as the API takes them, title defaulted. */
export function makeTask(
  t: TestApp,
  fields: TaskFieldsInput & { title?: string; parentId?: number | null } = {},
  actor: Actor = systemActor('test'),
): Promise<TaskRow> {
  return registerTask(taskDeps(t), { title: '测试任务', ...fields, actor });
}

/** Registers a source as the system. */
export function makeSource(t: TestApp, fields: { title?: string; docNumber?: string; kind?: string } = {}) {
  return createSource(t.db, { kind: 'document', title: '测试来源', ...fields, actor: systemActor('test') });
}

/** Takes a task through lifecycle actions as the given actor (the system unless told), one by one. */
export async function advance(
  t: TestApp,
  taskId: number,
  steps: ReadonlyArray<TaskAction | [TaskAction, Actor]>,
): Promise<TaskRow> {
  let task = await currentTask(t.db, taskId);
  for (const step of steps) {
    const [action, actor] = Array.isArray(step) ? step : [step, systemActor('test')];
    task = await transitionTask(taskDeps(t), { taskId, action, version: task.version, reason: '测试理由', actor });
  }
  return task;
}

export function currentTask(db: Database, id: number): Promise<TaskRow> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function count(db: Database, table: 'task_events' | 'audit_log' | 'task_counters'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Everything a refused task or source write could have touched: all task, unit-link, counter and
 * source rows, and how many history and audit entries exist. Equal before and after = unchanged.
 */
export async function taskSnapshot(db: Database) {
  const [tasks, taskUnits, counters, sources, events, audit] = await Promise.all([
    db.selectFrom('tasks').selectAll().orderBy('id').execute(),
    db.selectFrom('task_units').selectAll().orderBy('task_id').orderBy('unit_id').execute(),
    db.selectFrom('task_counters').selectAll().orderBy('year').execute(),
    db.selectFrom('sources').selectAll().orderBy('id').execute(),
    count(db, 'task_events'),
    count(db, 'audit_log'),
  ]);
  return { tasks, taskUnits, counters, sources, events, audit };
}

/** The ids of a list answer's items. */
export function idsOf(res: LightMyRequestResponse): number[] {
  const body = res.json() as { items: Array<{ id: number }> };
  return body.items.map((item) => item.id);
}
