import { z } from 'zod';
import {
  moderatedRatingPageSchema,
  moderatedRatingSchema,
  moderateRatingBody,
  publicRatingBody,
  publicRatingReceiptSchema,
  publicTaskPageSchema,
  publicTaskSchema,
  publicTasksQuery,
  ratingsQuery,
  setTaskPublicBody,
  setTaskPublicResultSchema,
} from '../../shared/public-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getPublicTask, listPublicTasks } from './public.service.js';
import { sendCacheable } from './public-cache.js';
import { registerPublicPages } from './public-pages.routes.js';
import { listRatingsForModeration, moderateRating, submitPublicRating } from './public-ratings.service.js';
import { setTaskPublic } from './publish.service.js';

const tags = ['public'];
const supervision = allow.roles('supervisor', 'admin');
const notModified = z.null().describe('Not modified (If-None-Match matched the ETag)');

/**
 * The public accountability page (公开督办): the anonymous JSON API under `apiPrefix`, the
 * supervision office's publishing and moderation routes, and the server-rendered pages at /public.
 */
export async function registerPublicAccountability(app: ZodApp, deps: RouteDeps, apiPrefix: string): Promise<void> {
  await app.register(
    async (api) => {
      registerPublicApi(api.withTypeProvider(), deps);
    },
    { prefix: apiPrefix },
  );
  await registerPublicPages(app, deps);
}

function registerPublicApi(app: ZodApp, deps: RouteDeps): void {
  app.get('/public/tasks', {
    config: { policy: allow.public },
    schema: {
      tags,
      summary: 'Public tasks: search by number or title, filter by lead unit subtree (no sign-in; cacheable)',
      security: [],
      querystring: publicTasksQuery,
      response: { 200: publicTaskPageSchema, 304: notModified, ...errorResponses },
    },
    handler: async (request, reply) => {
      const page = await listPublicTasks(deps, request.query);
      return sendCacheable(request, reply, { body: reply.serialize(page) as string, contentType: 'application/json' });
    },
  });

  app.get('/public/tasks/:id', {
    config: { policy: allow.public },
    schema: {
      tags,
      summary: 'A public task with its public timeline, subtasks and approved ratings (no sign-in; cacheable)',
      security: [],
      params: idParams,
      response: { 200: publicTaskSchema, 304: notModified, ...errorResponses },
    },
    handler: async (request, reply) => {
      const task = await getPublicTask(deps, request.params.id);
      return sendCacheable(request, reply, { body: reply.serialize(task) as string, contentType: 'application/json' });
    },
  });

  app.post('/public/tasks/:id/ratings', {
    config: { policy: allow.public },
    schema: {
      tags,
      summary: 'Rate a public task (held for moderation; 429 rating_rate_limited per address)',
      security: [],
      params: idParams,
      body: publicRatingBody,
      response: { 202: publicRatingReceiptSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      await submitPublicRating(deps, { taskId: request.params.id, rating: request.body, address: request.ip });
      return reply
        .status(202)
        .header('cache-control', 'no-store')
        .send({ status: 'pending' as const });
    },
  });

  app.post('/tasks/:id/public', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Open a task (optionally with its whole subtree) to the public, or close it',
      params: idParams,
      body: setTaskPublicBody,
      response: { 200: setTaskPublicResultSchema, ...errorResponses },
    },
    handler: async (request) =>
      setTaskPublic(deps, { ...request.body, taskId: request.params.id, actor: requireActor(request) }),
  });

  app.get('/public-ratings', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Public ratings by status, newest first (moderation)',
      querystring: ratingsQuery,
      response: { 200: moderatedRatingPageSchema, ...errorResponses },
    },
    handler: async (request) => listRatingsForModeration(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.post('/public-ratings/:id/moderate', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Approve or reject a public rating (version-checked)',
      params: idParams,
      body: moderateRatingBody,
      response: { 200: moderatedRatingSchema, ...errorResponses },
    },
    handler: async (request) =>
      moderateRating(deps, { ...request.body, ratingId: request.params.id, actor: requireActor(request) }),
  });
}
