import { z } from 'zod';
import {
  planActionBody,
  planSchema,
  planSettingsSchema,
  planVersionDiffSchema,
  planVersionListSchema,
  savePlanBody,
  savePlanPartBody,
  taskPlanSchema,
  updatePlanSettingsBody,
} from '../../shared/plans-api.js';
import { requireActor } from '../auth/authenticate.js';
import { requestLocale } from '../errors.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { savePlan, savePlanPart } from './plan-drafts.service.js';
import { applyPlanAction } from './plan-review.service.js';
import { getPlanSettings, updatePlanSettings } from './plan-settings.service.js';
import { diffPlanVersions, getPlanVersion, getTaskPlan, listPlanVersions } from './plans.service.js';

const tags = ['plans'];
const positiveInt = z.coerce.number().int().positive().max(2147483647);
const versionParams = idParams.extend({ versionNo: positiveInt });
const diffParams = versionParams.extend({ otherNo: positiveInt });

// Who may do what with a plan is decided per task by the review flow (src/domain/review-flow.ts)
// and the caller's relation to the task, so every plan route is open to anyone signed in: the
// services answer 404 out of scope, 403 to the wrong person and 409 to the wrong moment.

/** Plans (办理方案): the current version, old versions and their diffs, drafting, parts and review. */
export function registerPlanRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/tasks/:id/plan', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's plan: the newest version, its parts and review rounds, and what I may do",
      params: idParams,
      response: { 200: taskPlanSchema, ...errorResponses },
    },
    handler: async (request) => getTaskPlan(db, { taskId: request.params.id, actor: requireActor(request) }),
  });

  app.put('/tasks/:id/plan', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Create the plan or save its draft (on an accepted plan: start the next version)',
      params: idParams,
      body: savePlanBody,
      response: { 200: taskPlanSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      await savePlan(db, { ...request.body, taskId, actor, locale: requestLocale(request) });
      return getTaskPlan(db, { taskId, actor });
    },
  });

  app.put('/tasks/:id/plan/parts/:unitId', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "Save a cooperating unit's part of the plan (that unit's staff, while drafting)",
      params: idParams.extend({ unitId: positiveInt }),
      body: savePlanPartBody,
      response: { 200: taskPlanSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { id: taskId, unitId } = request.params;
      await savePlanPart(db, { ...request.body, taskId, unitId, actor, locale: requestLocale(request) });
      return getTaskPlan(db, { taskId, actor });
    },
  });

  app.post('/tasks/:id/plan/actions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Submit, approve, return (with a reason), accept, or revise an accepted plan',
      params: idParams,
      body: planActionBody,
      response: { 200: taskPlanSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const taskId = request.params.id;
      await applyPlanAction(db, { ...request.body, taskId, actor, locale: requestLocale(request) });
      return getTaskPlan(db, { taskId, actor });
    },
  });

  app.get('/tasks/:id/plan/versions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "Every version of a task's plan, newest first",
      params: idParams,
      response: { 200: planVersionListSchema, ...errorResponses },
    },
    handler: async (request) => ({
      items: await listPlanVersions(db, { taskId: request.params.id, actor: requireActor(request) }),
    }),
  });

  app.get('/tasks/:id/plan/versions/:versionNo', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'One version of the plan, old ones included',
      params: versionParams,
      response: { 200: planSchema, ...errorResponses },
    },
    handler: async (request) =>
      getPlanVersion(db, {
        taskId: request.params.id,
        versionNo: request.params.versionNo,
        actor: requireActor(request),
      }),
  });

  app.get('/tasks/:id/plan/versions/:versionNo/diff/:otherNo', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'What changed from one plan version to another, item by item',
      params: diffParams,
      response: { 200: planVersionDiffSchema, ...errorResponses },
    },
    handler: async (request) =>
      diffPlanVersions(db, { ...request.params, taskId: request.params.id, actor: requireActor(request) }),
  });

  app.get('/settings/plans', {
    config: { policy: allow.signedIn },
    schema: { tags: ['settings'], summary: 'Plan settings', response: { 200: planSettingsSchema, ...errorResponses } },
    handler: async () => getPlanSettings(db),
  });

  app.put('/settings/plans', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags: ['settings'],
      summary: 'Change the plan settings',
      body: updatePlanSettingsBody,
      response: { 200: planSettingsSchema, ...errorResponses },
    },
    handler: async (request) => updatePlanSettings(db, { ...request.body, actor: requireActor(request) }),
  });
}
