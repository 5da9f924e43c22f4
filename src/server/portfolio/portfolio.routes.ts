import { portfolioQuery, portfolioSchema } from '../../shared/portfolio-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getPortfolio } from './portfolio.service.js';

/** 我的分管: a leader's open tasks by unit, with the lights (issue 8 item 2). */
export function registerPortfolioRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/portfolio', {
    // Leaders for their charge; the supervision office and administrators to preview a unit's.
    config: { policy: allow.roles('leader', 'supervisor', 'admin') },
    schema: {
      tags: ['portfolio'],
      summary: "A leader's portfolio: open tasks led under the units in charge, grouped by lead unit",
      description:
        'Units ordered by red count (then amber, overdue). unitId narrows to one unit of the charge and its subtree ' +
        '(404 outside it); supervisors and administrators may name any unit. Each unit lists at most ' +
        '50 tasks (key, top-level, red first); `more` counts the rest.',
      querystring: portfolioQuery,
      response: { 200: portfolioSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { unitId, keyOnly } = request.query;
      return getPortfolio(deps, { actor: requireActor(request), unitId, keyOnly });
    },
  });
}
