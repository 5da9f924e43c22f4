import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { taskSettingsSchema, updateTaskSettingsBody } from './settings.schema.js';
import { getTaskSettings, updateTaskSettings } from './task-settings.service.js';

const tags = ['settings'];

/** Organisation-wide settings: read by everyone signed in (the UI explains rules with them), changed by administrators. */
export function registerSettingsRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/settings/tasks', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'Task settings', response: { 200: taskSettingsSchema, ...errorResponses } },
    handler: async () => {
      const settings = await getTaskSettings(db);
      return { version: settings.version, acknowledgeWorkingDays: settings.acknowledgeWorkingDays };
    },
  });

  app.put('/settings/tasks', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Change the task settings',
      body: updateTaskSettingsBody,
      response: { 200: taskSettingsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const settings = await updateTaskSettings(db, { ...request.body, actor: requireActor(request) });
      return { version: settings.version, acknowledgeWorkingDays: settings.acknowledgeWorkingDays };
    },
  });
}
