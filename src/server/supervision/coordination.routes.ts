import { z } from 'zod';
import {
  acceptCoordinationBody,
  COORDINATION_BOXES,
  COORDINATION_LIMITS,
  coordinationQueueSchema,
  coordinationRequestSchema,
  coordinationStatsSchema,
  coordinationTargetsSchema,
  createCoordinationBody,
  declineCoordinationBody,
  fulfilCoordinationBody,
  passOnCoordinationBody,
  resendCoordinationBody,
  resolveCoordinationBody,
  taskCoordinationSchema,
  withdrawCoordinationBody,
} from '../../shared/coordination-api.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/authenticate.js';
import { AppError } from '../errors.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentRequests, presentStats, presentTaskCoordination } from './coordination.presenter.js';
import { findCoordinationRow } from './coordination.repository.js';
import { createCoordinationRequest, getTaskCoordination, todayOf } from './coordination.service.js';
import {
  acceptCoordination,
  declineCoordination,
  fulfilCoordination,
  passOnCoordination,
} from './coordination-actions.service.js';
import { resendCoordination, resolveCoordination, withdrawCoordination } from './coordination-decisions.service.js';
import { coordinationStats, listCoordinationLeaders, listCoordinationQueue } from './coordination-queue.service.js';

const tags = ['coordination'];

const queueQuery = z.strictObject({
  box: z.enum(COORDINATION_BOXES).default('incoming'),
  state: z.enum(['active', 'late', 'all']).default('active'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(COORDINATION_LIMITS.queueMax).default(50),
});

/** Coordination requests (需协调事项): on a task, the steps of each request, the queues and the counts. */
export function registerCoordinationRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;
  // Who may see or act is decided per request (its two sides, the leader it escalated to, whoever
  // sees the task) by the services; the routes only require a signed-in caller.
  const policy = allow.signedIn;

  /** The request as the caller now sees it, after a step. */
  const answer = async (id: number, actor: Actor) => {
    const row = await findCoordinationRow(db, id);
    const [view] = await presentRequests(db, row ? [row] : [], { actor, today: todayOf(deps.config) });
    if (!view) throw new AppError('not_found', { object: 'coordination' });
    return view;
  };

  app.get('/tasks/:id/coordination', {
    config: { policy },
    schema: {
      tags,
      summary: "A task's coordination requests, as chains with their bounce counts and steps",
      params: idParams,
      response: { 200: taskCoordinationSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return presentTaskCoordination(db, await getTaskCoordination(deps, { taskId: request.params.id, actor }), actor);
    },
  });

  app.post('/tasks/:id/coordination', {
    config: { policy },
    schema: {
      tags,
      summary: 'Ask another unit or a leader for coordination on the task (lead or cooperating unit)',
      params: idParams,
      body: createCoordinationBody,
      response: { 201: coordinationRequestSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const id = await createCoordinationRequest(deps, { ...request.body, taskId: request.params.id, actor });
      return reply.status(201).send(await answer(id, actor));
    },
  });

  const step = <Body extends z.ZodType>(
    path: string,
    summary: string,
    body: Body,
    run: (input: z.infer<Body> & { id: number; actor: Actor }) => Promise<number>,
  ) =>
    app.post(`/coordination/:id/${path}`, {
      config: { policy },
      schema: {
        tags,
        summary,
        params: idParams,
        body,
        response: { 200: coordinationRequestSchema, ...errorResponses },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        const input = { ...(request.body as z.infer<Body> & object), id: request.params.id, actor };
        return answer(await run(input), actor);
      },
    });

  step('accept', 'Accept, committing to a date (the side asked)', acceptCoordinationBody, (input) =>
    acceptCoordination(deps, input),
  );
  step('decline', 'Decline with a reason: a bounce (the side asked)', declineCoordinationBody, (input) =>
    declineCoordination(deps, input),
  );
  step('pass-on', 'Pass on to another unit: a bounce (the side asked)', passOnCoordinationBody, (input) =>
    passOnCoordination(deps, input),
  );
  step('fulfil', 'Report an accepted request done (the side asked)', fulfilCoordinationBody, (input) =>
    fulfilCoordination(deps, input),
  );
  step('withdraw', 'Withdraw an open or accepted request (the asking unit)', withdrawCoordinationBody, (input) =>
    withdrawCoordination(deps, input),
  );
  step('resend', 'Send a declined request to another target (the asking unit)', resendCoordinationBody, (input) =>
    resendCoordination(deps, input),
  );
  step('resolve', 'Decide an escalated request (the leader it escalated to)', resolveCoordinationBody, (input) =>
    resolveCoordination(deps, input),
  );

  app.get('/coordination', {
    config: { policy },
    schema: {
      tags,
      summary: 'My coordination queue: incoming, outgoing, escalated to me, or all in my scope',
      querystring: queueQuery,
      response: { 200: coordinationQueueSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const page = await listCoordinationQueue(deps, { ...request.query, actor });
      return {
        items: await presentRequests(db, page.rows, { actor, today: page.today }),
        nextCursor: page.nextCursor,
        today: page.today,
      };
    },
  });

  app.get('/coordination/stats', {
    config: { policy },
    schema: {
      tags,
      summary: 'Per unit asked: received, declined, passed on, bounces, escalated, late commitments (my scope)',
      response: { 200: coordinationStatsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const stats = await coordinationStats(deps, { actor: requireActor(request) });
      return presentStats(stats.rows, stats.today);
    },
  });

  app.get('/coordination/targets', {
    config: { policy },
    schema: {
      tags,
      summary: 'The leaders a coordination request may be addressed to',
      response: { 200: coordinationTargetsSchema, ...errorResponses },
    },
    handler: async () => ({
      leaders: (await listCoordinationLeaders(db)).map((row) => ({ id: row.id, displayName: row.display_name })),
    }),
  });
}
