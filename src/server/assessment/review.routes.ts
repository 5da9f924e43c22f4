import {
  reviewItemSchema,
  reviewQuery,
  reviewReasonsSchema,
  reviewSummarySchema,
  reviewTaskParams,
  reviewWorksheetSchema,
  saveReviewBody,
  updateReviewReasonsBody,
} from '../../shared/review-api.js';
import { requireActor } from '../auth/authenticate.js';
import { requestLocale } from '../errors.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getReviewSummary, getReviewWorksheet, saveReview } from './review.service.js';
import { getReviewReasons, updateReviewReasons } from './review-reasons.service.js';

const tags = ['assessment'];
const supervision = allow.roles('supervisor', 'admin');
/** Supervision writes; leaders and auditors read (the service checks the same). */
const readers = allow.roles('supervisor', 'admin', 'leader', 'auditor');

/** The routes of the item-by-item review (逐项分析) (issue 7). */
export function registerReviewRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;

  app.get('/assessment/periods/:id/review', {
    config: { policy: readers },
    schema: {
      tags,
      summary: 'The review worksheet: every task of a computed period with its classification, by task number',
      description:
        'Filters: outcome (as reviewed, else as computed), reviewed, lead unit. 409 period_not_computed before the first computation.',
      params: idParams,
      querystring: reviewQuery,
      response: { 200: reviewWorksheetSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { outcome, reviewed, unitId } = request.query;
      const filter = { outcome, unitId, reviewed: reviewed === undefined ? undefined : reviewed === 'true' };
      return getReviewWorksheet(db, { periodId: request.params.id, filter, actor: requireActor(request) });
    },
  });

  app.put('/assessment/periods/:id/review/:taskId', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Classify one task of the period (version 0 for its first review)',
      description:
        'Late or not done: reasonCode and explanation required (422 review_reason_required / review_reason_unknown). Done on time: practices and exemplaryCandidate. 409 period_frozen once frozen.',
      params: reviewTaskParams,
      body: saveReviewBody,
      response: { 200: reviewItemSchema, ...errorResponses },
    },
    handler: async (request) =>
      saveReview(db, {
        periodId: request.params.id,
        taskId: request.params.taskId,
        body: request.body,
        actor: requireActor(request),
      }),
  });

  app.get('/assessment/periods/:id/review/summary', {
    config: { policy: readers },
    schema: {
      tags,
      summary: 'The review roll-up: outcomes, reviewed vs total, counts by reason and category',
      params: idParams,
      response: { 200: reviewSummarySchema, ...errorResponses },
    },
    handler: async (request) =>
      getReviewSummary(db, {
        periodId: request.params.id,
        actor: requireActor(request),
        locale: requestLocale(request),
      }),
  });

  app.get('/review-reasons', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'The configurable list of reasons for late or undone tasks (客观原因 / 主观原因)',
      response: { 200: reviewReasonsSchema, ...errorResponses },
    },
    handler: async () => getReviewReasons(db),
  });

  app.put('/review-reasons', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Replace the reasons list (a code in use may be archived, not removed)',
      body: updateReviewReasonsBody,
      response: { 200: reviewReasonsSchema, ...errorResponses },
    },
    handler: async (request) => updateReviewReasons(db, { ...request.body, actor: requireActor(request) }),
  });
}
