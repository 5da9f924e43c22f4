import { z } from 'zod';
import { REVIEW_KINDS, reviewsPageSchema } from '../../shared/closure-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, queryBoolean } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { listReviews } from './review-queue.service.js';

const reviewsQuery = z.strictObject({
  kind: z.enum(REVIEW_KINDS).optional(),
  unitId: z.coerce.number().int().positive().max(2147483647).optional(),
  key: queryBoolean.optional(),
  late: queryBoolean.optional(),
  flagged: queryBoolean.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The combined review queue (plans, reports, closure applications waiting for my decision). */
export function registerReviewQueueRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/reviews', {
    // What waits for whom is decided by the caller's roles (supervision, unit head, leader).
    config: { policy: allow.signedIn },
    schema: {
      tags: ['reviews'],
      summary: 'What waits for my review, newest first',
      querystring: reviewsQuery,
      response: { 200: reviewsPageSchema, ...errorResponses },
    },
    handler: async (request) => listReviews(deps, { ...request.query, actor: requireActor(request) }),
  });
}
