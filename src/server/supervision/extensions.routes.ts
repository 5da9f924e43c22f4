import { z } from 'zod';
import {
  decideExtensionBody,
  EXTENSION_LIMITS,
  EXTENSION_QUEUE_FILTERS,
  extensionQueueSchema,
  requestExtensionBody,
  taskExtensionsSchema,
  withdrawExtensionBody,
} from '../../shared/extensions-api.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentExtensionQueue, presentTaskExtensions } from './extensions.presenter.js';
import { decideExtension, requestExtension, withdrawExtension } from './extensions.service.js';
import { listExtensionQueue } from './extensions-queue.service.js';
import { getTaskExtensions } from './extensions-view.service.js';

const tags = ['extensions'];

const queueQuery = z.strictObject({
  status: z.enum(EXTENSION_QUEUE_FILTERS).default('pending'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(EXTENSION_LIMITS.queueMax).default(50),
});

/** Extension requests (延期申请), their decisions, the deadline history and the queue. */
export function registerExtensionRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;
  const answer = async (taskId: number, actor: Actor) =>
    presentTaskExtensions(db, await getTaskExtensions(deps, { taskId, actor }));

  app.get('/tasks/:id/extensions', {
    // Who may see or act is decided per task (scope, lead unit, supervision, leader) by the service.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's deadlines, extension requests and deadline history, and what I may do",
      params: idParams,
      response: { 200: taskExtensionsSchema, ...errorResponses },
    },
    handler: async (request) => answer(request.params.id, requireActor(request)),
  });

  app.post('/tasks/:id/extensions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Ask for a later deadline (the lead unit, before the deadline)',
      params: idParams,
      body: requestExtensionBody,
      response: { 201: taskExtensionsSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      await requestExtension(deps, { ...request.body, taskId: request.params.id, actor });
      return reply.code(201).send(await answer(request.params.id, actor));
    },
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/extensions/:id/${decision}`, {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: `${decision === 'approve' ? 'Approve' : 'Reject'} an extension request (supervision office, then leader)`,
        params: idParams,
        body: decideExtensionBody,
        response: { 200: taskExtensionsSchema, ...errorResponses },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        const row = await decideExtension(deps, { ...request.body, extensionId: request.params.id, decision, actor });
        return answer(row.task_id, actor);
      },
    });
  }

  app.post('/extensions/:id/withdraw', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Withdraw an extension request that waits for a decision (the requesting unit)',
      params: idParams,
      body: withdrawExtensionBody,
      response: { 200: taskExtensionsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const row = await withdrawExtension(deps, { ...request.body, extensionId: request.params.id, actor });
      return answer(row.task_id, actor);
    },
  });

  app.get('/extensions', {
    // The queue is the caller's own: its query carries the caller's roles, units and leadership.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Extension requests waiting for me (status=pending) or that I may see, newest first',
      querystring: queueQuery,
      response: { 200: extensionQueueSchema, ...errorResponses },
    },
    handler: async (request) => {
      const page = await listExtensionQueue(deps, { ...request.query, actor: requireActor(request) });
      return { items: await presentExtensionQueue(db, page.rows), nextCursor: page.nextCursor };
    },
  });
}
