import { ladderSettingsSchema, updateLadderSettingsBody } from '../../shared/ladder-api.js';
import {
  actionPageQuery,
  actionPageSchema,
  deskSchema,
  taskSupervisionSchema,
  urgeBody,
  urgeResultSchema,
} from '../../shared/supervision-api.js';
import { supervisionSettingsSchema, updateSupervisionSettingsBody } from '../../shared/supervision-settings.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow, can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { getDesk, listActions } from './desk.service.js';
import { getLadderSettings, updateLadderSettings } from './ladder-settings.service.js';
import { presentAction } from './supervision-action.presenter.js';
import { listTaskActionRows } from './supervision-actions.repository.js';
import { getSupervisionSettings, updateSupervisionSettings } from './supervision-settings.service.js';
import { urgeTasks } from './urge.service.js';

const tags = ['supervision'];

/** The supervision desk, urging by hand, a task's ladder actions, and the supervision and ladder settings. */
export function registerSupervisionRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db, config } = deps;

  app.get('/supervision/desk', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'The supervision desk: lights, flags, recent and coming ladder actions',
      response: { 200: deskSchema, ...errorResponses },
    },
    handler: async (request) => getDesk(db, { actor: requireActor(request), timeZone: config.timeZone }),
  });

  app.get('/supervision/actions', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Ladder and supervisor actions, newest first',
      querystring: actionPageQuery,
      response: { 200: actionPageSchema, ...errorResponses },
    },
    handler: async (request) => listActions(db, { ...request.query, actor: requireActor(request) }),
  });

  app.post('/supervision/urges', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Urge (催办) or remind one task or many, with a message',
      body: urgeBody,
      response: { 200: urgeResultSchema, ...errorResponses },
    },
    handler: async (request) => ({
      actions: await urgeTasks(db, { ...request.body, actor: requireActor(request) }),
    }),
  });

  app.get('/tasks/:id/supervision', {
    // Whoever may see the task sees what was done to move it along.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's ladder and supervisor actions",
      params: idParams,
      response: { 200: taskSupervisionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { task } = await requireVisibleTask(db, actor, request.params.id);
      const rows = await listTaskActionRows(db, task.id);
      return { actions: rows.map(presentAction), canUrge: can.urgeTasks(actor) };
    },
  });

  app.get('/settings/supervision', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'Supervision settings', response: { 200: supervisionSettingsSchema, ...errorResponses } },
    handler: async () => getSupervisionSettings(db),
  });

  app.put('/settings/supervision', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Change the supervision settings',
      body: updateSupervisionSettingsBody,
      response: { 200: supervisionSettingsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { version, ...value } = request.body;
      return updateSupervisionSettings(db, { version, value, actor: requireActor(request) });
    },
  });

  app.get('/settings/ladder', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: { tags, summary: 'The escalation ladder', response: { 200: ladderSettingsSchema, ...errorResponses } },
    handler: async () => getLadderSettings(db),
  });

  app.put('/settings/ladder', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Replace the escalation ladder',
      body: updateLadderSettingsBody,
      response: { 200: ladderSettingsSchema, ...errorResponses },
    },
    handler: async (request) => updateLadderSettings(db, { ...request.body, actor: requireActor(request) }),
  });
}
