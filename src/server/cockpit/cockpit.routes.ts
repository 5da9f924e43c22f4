import { cockpitQuery, cockpitSchema } from '../../shared/cockpit-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getCockpit } from './cockpit.service.js';

/** 领导驾驶舱: the picture at a glance for leaders and the supervision office (issue 8 item 1). */
export function registerCockpitRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/cockpit', {
    // Leaders for their charge; the supervision office, administrators and auditors for everything.
    config: { policy: allow.roles('supervisor', 'admin', 'leader', 'auditor') },
    schema: {
      tags: ['cockpit'],
      summary: 'Headline figures, charts and what needs attention, for the tasks led under the viewer’s units',
      description:
        'Scoped to the tasks led by the units in a leader’s charge and below (everything for the supervision ' +
        'office, administrators and auditors); unitId narrows to one unit inside that view (404 outside it). ' +
        'Figures come from summary tables kept by triggers (docs/cockpit.md); a period filter counts its tasks ' +
        'directly. Every figure drills down to GET /tasks with the same filters.',
      querystring: cockpitQuery,
      response: { 200: cockpitSchema, ...errorResponses },
    },
    handler: async (request) => getCockpit(deps, { actor: requireActor(request), ...request.query }),
  });
}
