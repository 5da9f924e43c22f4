import { z } from 'zod';
import { CLOSURE_FLOW_TASK_ACTIONS } from '../../shared/closure-api.js';
import {
  bulkBody,
  inboxSchema,
  partBody,
  progressBody,
  taskDetailSchema,
  transitionBody,
} from '../../shared/task-api.js';
import { TASK_ACTIONS } from '../../shared/tasks.js';
import { requireActor } from '../auth/authenticate.js';
import { AppError, requestLocale } from '../errors.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { requireVisibleTask } from './task-access.js';
import { bulkUpdateTasks } from './task-bulk.service.js';
import { setTaskProgress, setUnitPartOfTask } from './task-progress.service.js';
import { getInbox, getTaskDetail } from './task-query.service.js';
import { transitionTask } from './task-transitions.service.js';
import { withCurrentOnConflict } from './tasks.routes.js';

const tags = ['tasks'];

/** Lifecycle actions, progress, parts, bulk operations and the inbox. */
export function registerTaskActionRoutes(app: ZodApp, deps: RouteDeps): void {
  for (const action of TASK_ACTIONS) {
    app.post(`/tasks/:id/${action.replace(/_/g, '-')}`, {
      // Who may take the action is decided per task by the lifecycle rules (relations), so any
      // signed-in person may call; the service answers 404 out of scope and 403/409 otherwise.
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: `Task lifecycle: ${action.replace(/_/g, ' ')}`,
        params: idParams,
        body: transitionBody,
        response: { 200: taskDetailSchema, ...errorResponses },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        const taskId = request.params.id;
        if (CLOSURE_FLOW_TASK_ACTIONS.includes(action)) {
          // Closure is applied for and decided through the closure application only
          // (src/server/closure/): out of scope is still a 404, so ids do not leak.
          await requireVisibleTask(deps.db, actor, taskId);
          throw new AppError('closure_application_required');
        }
        await withCurrentOnConflict(deps, actor, taskId, () =>
          transitionTask(deps, { ...request.body, action, taskId, actor }),
        );
        return getTaskDetail(deps, { taskId, actor });
      },
    });
  }

  app.put('/tasks/:id/progress', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "Set a leaf task's progress (rolls up to the root)",
      params: idParams,
      body: progressBody,
      response: { 200: taskDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      await withCurrentOnConflict(deps, actor, taskId, () => setTaskProgress(deps, { ...request.body, taskId, actor }));
      return getTaskDetail(deps, { taskId, actor });
    },
  });

  app.put('/tasks/:id/units/:unitId/part', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "Describe a cooperating unit's part (by that unit or the supervision office)",
      params: idParams.extend({ unitId: z.coerce.number().int().positive().max(2147483647) }),
      body: partBody,
      response: { 200: taskDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await setUnitPartOfTask(deps, {
        taskId: request.params.id,
        unitId: request.params.unitId,
        part: request.body.part,
        actor,
      });
      return getTaskDetail(deps, { taskId: request.params.id, actor });
    },
  });

  app.post('/tasks/bulk', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Assign, set a deadline or add a cooperating unit on a selection (all or nothing)',
      body: bulkBody,
      response: { 200: z.object({ updated: z.number().int() }), ...errorResponses },
    },
    handler: async (request) =>
      bulkUpdateTasks(deps, { ...request.body, actor: requireActor(request), locale: requestLocale(request) }),
  });

  app.get('/inbox', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'What waits for me and my unit', response: { 200: inboxSchema, ...errorResponses } },
    handler: async (request) => getInbox(deps, { actor: requireActor(request) }),
  });
}
