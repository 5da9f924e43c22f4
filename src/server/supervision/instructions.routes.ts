import { z } from 'zod';
import {
  INSTRUCTION_BOXES,
  INSTRUCTION_LIMITS,
  instructionListSchema,
  issuedInstructionSchema,
  issueInstructionBody,
  respondInstructionBody,
  taskInstructionsSchema,
} from '../../shared/instructions-api.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentInstructionTargets } from './instructions.presenter.js';
import {
  getTaskInstructions,
  issueInstruction,
  listInstructions,
  respondToInstruction,
} from './instructions.service.js';

const tags = ['instructions'];

const id = z.coerce.number().int().positive().max(2147483647);
const targetParams = z.strictObject({ id, taskId: id });

const listQuery = z.strictObject({
  box: z.enum(INSTRUCTION_BOXES).default('mine'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(INSTRUCTION_LIMITS.listMax).default(50),
});

/** Leader instructions (批示): writing them on tasks, the units' responses, and the lists. */
export function registerInstructionRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;
  const answerTask = async (taskId: number, actor: Actor) => {
    const view = await getTaskInstructions(deps, { taskId, actor });
    return { items: await presentInstructionTargets(db, view.items), canIssue: view.canIssue };
  };

  app.post('/instructions', {
    config: { policy: allow.roles('leader', 'admin') },
    schema: {
      tags,
      summary: 'Write an instruction on one or more tasks I lead (each lead unit must respond by a date)',
      body: issueInstructionBody,
      response: { 201: issuedInstructionSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await issueInstruction(deps, { ...request.body, actor: requireActor(request) })),
  });

  app.post('/instructions/:id/tasks/:taskId/respond', {
    // Only the task's lead unit may respond; the service decides per task.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "Report on an instruction (the task's lead unit, once)",
      params: targetParams,
      body: respondInstructionBody,
      response: { 200: taskInstructionsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { id: instructionId, taskId } = request.params;
      await respondToInstruction(deps, { instructionId, taskId, response: request.body.response, actor });
      return answerTask(taskId, actor);
    },
  });

  app.get('/tasks/:id/instructions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'The instructions on a task and the responses, newest first',
      params: idParams,
      response: { 200: taskInstructionsSchema, ...errorResponses },
    },
    handler: async (request) => answerTask(request.params.id, requireActor(request)),
  });

  app.get('/instructions', {
    // The list is the caller's own: its query carries their roles, unit and scope.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Instructions I wrote or my unit must answer (box=mine|unanswered) or that I may see (all)',
      querystring: listQuery,
      response: { 200: instructionListSchema, ...errorResponses },
    },
    handler: async (request) => {
      const page = await listInstructions(deps, { ...request.query, actor: requireActor(request) });
      return { items: await presentInstructionTargets(db, page.items), nextCursor: page.nextCursor };
    },
  });
}
