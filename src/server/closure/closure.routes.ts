import {
  closureActionBody,
  closureSettingsSchema,
  saveClosureBody,
  taskClosureSchema,
  updateClosureSettingsBody,
} from '../../shared/closure-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentTaskClosure } from './closure.presenter.js';
import { getTaskClosure, saveClosureApplication } from './closure.service.js';
import { actOnClosure } from './closure-actions.service.js';
import { getClosureSettings, updateClosureSettings } from './closure-settings.service.js';

const tags = ['closure'];

/** Closure applications (申请办结 / 办结审核) and the closure setting. */
export function registerClosureRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;
  const answer = async (taskId: number, actor: ReturnType<typeof requireActor>) =>
    presentTaskClosure(db, await getTaskClosure(db, { taskId, actor }));

  app.get('/tasks/:id/closure', {
    // Who may see or act is decided per task (scope, lead unit, supervision, leader) by the service.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's closure application, every review round and what I may do",
      params: idParams,
      response: { 200: taskClosureSchema, ...errorResponses },
    },
    handler: async (request) => answer(request.params.id, requireActor(request)),
  });

  app.put('/tasks/:id/closure', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Create (version 0) or save the closure application, with results and evidence files',
      params: idParams,
      body: saveClosureBody,
      response: { 200: taskClosureSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await saveClosureApplication(db, { ...request.body, taskId: request.params.id, actor });
      return answer(request.params.id, actor);
    },
  });

  app.post('/tasks/:id/closure/actions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Submit, approve, return, accept or confirm the closure application',
      params: idParams,
      body: closureActionBody,
      response: { 200: taskClosureSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await actOnClosure(deps, { ...request.body, taskId: request.params.id, actor });
      return answer(request.params.id, actor);
    },
  });

  app.get('/settings/closure', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'Closure settings', response: { 200: closureSettingsSchema, ...errorResponses } },
    handler: async () => getClosureSettings(db),
  });

  app.put('/settings/closure', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Change the closure settings',
      body: updateClosureSettingsBody,
      response: { 200: closureSettingsSchema, ...errorResponses },
    },
    handler: async (request) => updateClosureSettings(db, { ...request.body, actor: requireActor(request) }),
  });
}
