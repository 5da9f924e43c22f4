import { z } from 'zod';
import {
  createPeriodBody,
  explainQuery,
  explanationSchema,
  periodListSchema,
  periodSchema,
  rateBody,
  ratingListSchema,
  ratingSchema,
  ratingsQuery,
  resultsQuery,
  resultsSchema,
  trendQuery,
  trendSchema,
  unitPointsParams,
  updatePeriodBody,
  versionBody,
} from '../../shared/assessment-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { createPeriod, deletePeriod, getPeriod, listPeriods, updatePeriod } from './assessment.service.js';
import { assessmentPolicy as policy } from './assessment-access.js';
import { computePeriod, freezePeriod } from './assessment-compute.service.js';
import { explainScore, getResults, scoreTrend } from './assessment-queries.service.js';
import { listRatings, rateUnit } from './assessment-ratings.service.js';

const tags = ['assessment'];

/** The routes of assessment periods, scores and explanations (issue 7). */
export function registerAssessmentRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;

  app.get('/assessment/periods', {
    config: { policy: policy.read },
    schema: {
      tags,
      summary: 'Assessment periods, latest first',
      response: { 200: periodListSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await listPeriods(db, { actor: requireActor(request) }) }),
  });

  app.post('/assessment/periods', {
    config: { policy: policy.manage },
    schema: {
      tags,
      summary: 'Define an assessment period (draft)',
      description: 'Without a scheme, the previous period’s scheme is used, else the default.',
      body: createPeriodBody,
      response: { 201: periodSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createPeriod(db, { ...request.body, actor: requireActor(request) })),
  });

  app.get('/assessment/periods/:id', {
    config: { policy: policy.read },
    schema: {
      tags,
      summary: 'An assessment period',
      params: idParams,
      response: { 200: periodSchema, ...errorResponses },
    },
    handler: async (request) => getPeriod(db, { periodId: request.params.id, actor: requireActor(request) }),
  });

  app.patch('/assessment/periods/:id', {
    config: { policy: policy.manage },
    schema: {
      tags,
      summary: 'Edit a draft period',
      description: 'Changing dates, selection or scheme drops the computed scores (compute again).',
      params: idParams,
      body: updatePeriodBody,
      response: { 200: periodSchema, ...errorResponses },
    },
    handler: async (request) =>
      updatePeriod(db, { ...request.body, periodId: request.params.id, actor: requireActor(request) }),
  });

  app.delete('/assessment/periods/:id', {
    config: { policy: policy.manage },
    schema: {
      tags,
      summary: 'Delete a draft period (never a frozen one)',
      params: idParams,
      response: { 204: z.null().describe('Deleted'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deletePeriod(db, { periodId: request.params.id, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  });

  app.post('/assessment/periods/:id/compute', {
    config: { policy: policy.manage },
    schema: {
      tags,
      summary: 'Compute the period’s scores (replaces the previous computation)',
      params: idParams,
      response: { 200: periodSchema, ...errorResponses },
    },
    handler: async (request) => computePeriod(deps, { periodId: request.params.id, actor: requireActor(request) }),
  });

  app.post('/assessment/periods/:id/freeze', {
    config: { policy: policy.manage },
    schema: {
      tags,
      summary: 'Freeze (publish) a computed period; its scores never change afterwards',
      params: idParams,
      body: versionBody,
      response: { 200: periodSchema, ...errorResponses },
    },
    handler: async (request) =>
      freezePeriod(deps, { periodId: request.params.id, version: request.body.version, actor: requireActor(request) }),
  });

  app.get('/assessment/periods/:id/results', {
    config: { policy: policy.read },
    schema: {
      tags,
      summary: 'A league table (lead or cooperating units), best first',
      params: idParams,
      querystring: resultsQuery,
      response: { 200: resultsSchema, ...errorResponses },
    },
    handler: async (request) =>
      getResults(db, { periodId: request.params.id, role: request.query.role, actor: requireActor(request) }),
  });

  app.get('/assessment/periods/:id/units/:unitId/points', {
    config: { policy: policy.read },
    schema: {
      tags,
      summary: 'Why a unit has its score: each point with the task and fact behind it',
      params: unitPointsParams,
      querystring: explainQuery,
      response: { 200: explanationSchema, ...errorResponses },
    },
    handler: async (request) =>
      explainScore(db, {
        periodId: request.params.id,
        unitId: request.params.unitId,
        role: request.query.role,
        ruleId: request.query.ruleId,
        actor: requireActor(request),
      }),
  });

  app.get('/assessment/trend', {
    config: { policy: policy.read },
    schema: {
      tags,
      summary: 'Average lead score over the computed periods, and a unit’s own',
      querystring: trendQuery,
      response: { 200: trendSchema, ...errorResponses },
    },
    handler: async (request) => scoreTrend(db, { unitId: request.query.unitId, actor: requireActor(request) }),
  });

  app.put('/assessment/periods/:id/ratings', {
    config: { policy: policy.rate },
    schema: {
      tags,
      summary: 'Rate a unit’s work on a task of the period (1–5, with a comment)',
      params: idParams,
      body: rateBody,
      response: { 200: ratingSchema, ...errorResponses },
    },
    handler: async (request) =>
      rateUnit(db, { ...request.body, periodId: request.params.id, actor: requireActor(request) }),
  });

  app.get('/assessment/periods/:id/ratings', {
    config: { policy: policy.read },
    schema: {
      tags,
      summary: 'The period’s quality ratings',
      params: idParams,
      querystring: ratingsQuery,
      response: { 200: ratingListSchema, ...errorResponses },
    },
    handler: async (request) => ({
      items: await listRatings(db, {
        periodId: request.params.id,
        taskId: request.query.taskId,
        actor: requireActor(request),
      }),
    }),
  });
}
