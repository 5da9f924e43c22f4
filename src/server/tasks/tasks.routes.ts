import { z } from 'zod';
import {
  createTaskBody,
  decomposeBody,
  listTasksQuery,
  moveTaskBody,
  taskDetailSchema,
  taskPageSchema,
  taskSummarySchema,
  updateTaskBody,
} from '../../shared/task-api.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/authenticate.js';
import { AppError } from '../errors.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getTaskDetail, getTaskTree, listTasks } from './task-query.service.js';
import { decomposeTask, deleteTask, moveTask, registerTask, updateTask } from './tasks.service.js';

const tags = ['tasks'];

/**
 * Writes on one task that only the supervision office may make. The route lets any signed-in
 * person through and the service decides, so that a task outside the caller's scope answers 404
 * like a missing one and a visible one 403 (issue 3: out of scope is 404, never 403).
 */
const SUPERVISING_A_TASK = allow.signedIn;

/**
 * Runs a write; a version conflict on the task answers 409 with the task's current state
 * (`current`), so the client can show what changed without another round trip.
 */
export async function withCurrentOnConflict<T>(
  deps: RouteDeps,
  actor: Actor,
  taskId: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'version_conflict' && error.params.object === 'task') {
      const current = await getTaskDetail(deps, { taskId, actor }).catch(() => undefined);
      throw new AppError('version_conflict', { object: 'task' }, undefined, current ? { current } : undefined);
    }
    throw error;
  }
}

/** Tasks: list, register, read, edit, decompose, move, delete drafts, subtree. */
export function registerTaskRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/tasks', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'List the tasks I may see (filters, keyset pages)',
      querystring: listTasksQuery,
      response: { 200: taskPageSchema, ...errorResponses },
    },
    handler: async (request) => listTasks(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.post('/tasks', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Register a task (立项)',
      body: createTaskBody,
      response: { 201: taskDetailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const task = await registerTask(deps, { ...request.body, actor });
      return reply.status(201).send(await getTaskDetail(deps, { taskId: task.id, actor }));
    },
  });

  app.get('/tasks/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'A task with children, units and history',
      params: idParams,
      response: { 200: taskDetailSchema, ...errorResponses },
    },
    handler: async (request) => getTaskDetail(deps, { taskId: request.params.id, actor: requireActor(request) }),
  });

  app.patch('/tasks/:id', {
    config: { policy: SUPERVISING_A_TASK },
    schema: {
      tags,
      summary: 'Edit a task',
      params: idParams,
      body: updateTaskBody,
      response: { 200: taskDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      await withCurrentOnConflict(deps, actor, taskId, () => updateTask(deps, { ...request.body, taskId, actor }));
      return getTaskDetail(deps, { taskId, actor });
    },
  });

  app.delete('/tasks/:id', {
    config: { policy: SUPERVISING_A_TASK },
    schema: {
      tags,
      summary: 'Delete a draft task (and its draft subtasks)',
      params: idParams,
      querystring: z.strictObject({ version: z.coerce.number().int().positive() }),
      response: { 204: z.null().describe('Deleted'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      await withCurrentOnConflict(deps, actor, taskId, () =>
        deleteTask(deps, { taskId, version: request.query.version, actor }),
      );
      return reply.status(204).send(null);
    },
  });

  app.post('/tasks/:id/subtasks', {
    config: { policy: SUPERVISING_A_TASK },
    schema: {
      tags,
      summary: 'Decompose a task into subtasks (分解); omitted fields inherit from the parent',
      params: idParams,
      body: decomposeBody,
      response: { 201: z.object({ items: z.array(taskSummarySchema) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      const created = await withCurrentOnConflict(deps, actor, taskId, () =>
        decomposeTask(deps, { ...request.body, taskId, actor }),
      );
      const tree = await getTaskTree(deps, { taskId, actor });
      const ids = new Set(created.map((t) => t.id));
      return reply.status(201).send({ items: tree.filter((t) => ids.has(t.id)) });
    },
  });

  app.post('/tasks/:id/move', {
    config: { policy: SUPERVISING_A_TASK },
    schema: {
      tags,
      summary: 'Move a task under another parent',
      params: idParams,
      body: moveTaskBody,
      response: { 200: taskDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      await withCurrentOnConflict(deps, actor, taskId, () => moveTask(deps, { ...request.body, taskId, actor }));
      return getTaskDetail(deps, { taskId, actor });
    },
  });

  app.get('/tasks/:id/tree', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's subtree (parents before children)",
      params: idParams,
      response: { 200: z.object({ items: z.array(taskSummarySchema) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await getTaskTree(deps, { taskId: request.params.id, actor: requireActor(request) }),
    }),
  });
}
