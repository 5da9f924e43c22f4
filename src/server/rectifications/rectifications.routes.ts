import {
  createRectificationBody,
  rectificationPageSchema,
  rectificationParams,
  rectificationSchema,
  rectificationsQuery,
} from '../../shared/rectifications-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getRectification, listRectifications } from './rectification-queries.service.js';
import { createRectification } from './rectifications.service.js';

const tags = ['rectifications'];

/**
 * The routes of rectification items (整改) (issue 7). Sign-off (销号) has no route of its own: it is
 * the supervision office's acceptance of the item's closure application
 * (`POST /tasks/:id/closure/actions`, see rectification-sign-off.ts).
 */
export function registerRectificationRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post('/rectifications', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Create a rectification item: a task of kind rectification, assigned to the owner unit',
      description:
        'Origin checks: a review finding needs periodId and originTaskId; a bulletin finding needs originId. ' +
        'An omitted title becomes 整改：<origin task title>.',
      body: createRectificationBody,
      response: { 201: rectificationSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const taskId = await createRectification(deps, { ...request.body, actor });
      return reply.status(201).send(await getRectification(deps, { taskId, actor }));
    },
  });

  app.get('/rectifications', {
    // Scoped by the caller's units and charge, like the task list (supervision and auditors see all).
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Rectification items I may see, newest first',
      querystring: rectificationsQuery,
      response: { 200: rectificationPageSchema, ...errorResponses },
    },
    handler: async (request) => listRectifications(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.get('/rectifications/:taskId', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'A rectification item, by its task id',
      params: rectificationParams,
      response: { 200: rectificationSchema, ...errorResponses },
    },
    handler: async (request) => getRectification(deps, { taskId: request.params.taskId, actor: requireActor(request) }),
  });
}
