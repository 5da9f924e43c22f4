import { z } from 'zod';
import {
  createScheduleBody,
  scheduleListSchema,
  scheduleRunSchema,
  scheduleSchema,
  scheduleVersionQuery,
  updateScheduleBody,
} from '../../shared/status-reports-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { sendScheduleNow } from './status-report-due.service.js';
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  updateSchedule,
} from './status-report-schedules.service.js';

const tags = ['status-reports'];
const supervision = allow.roles('supervisor', 'admin');

/** Schedules that generate implementation reports and email them (settings), and "send now". */
export function registerStatusReportScheduleRoutes(app: ZodApp, deps: RouteDeps): void {
  const one = (id: number, request: Parameters<typeof requireActor>[0]) =>
    getSchedule(deps, { id, actor: requireActor(request) });

  app.get('/status-report-schedules', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Report schedules, each with its latest runs',
      response: { 200: scheduleListSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await listSchedules(deps, { actor: requireActor(request) }) }),
  });

  app.post('/status-report-schedules', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Schedule a weekly or monthly report on a source or period, emailed to chosen people',
      description:
        'Exactly one of sourceId and periodId; the owner (whose task scope the report uses) and the recipients must be active users.',
      body: createScheduleBody,
      response: { 201: scheduleSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const id = await createSchedule(deps, { ...request.body, actor: requireActor(request) });
      return reply.status(201).send(await one(id, request));
    },
  });

  app.get('/status-report-schedules/:id', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'A report schedule',
      params: idParams,
      response: { 200: scheduleSchema, ...errorResponses },
    },
    handler: async (request) => one(request.params.id, request),
  });

  app.patch('/status-report-schedules/:id', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Change a report schedule (409 version_conflict when it changed meanwhile)',
      params: idParams,
      body: updateScheduleBody,
      response: { 200: scheduleSchema, ...errorResponses },
    },
    handler: async (request) => {
      await updateSchedule(deps, { ...request.body, id: request.params.id, actor: requireActor(request) });
      return one(request.params.id, request);
    },
  });

  app.delete('/status-report-schedules/:id', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Remove a report schedule and its run log (409 version_conflict when it changed meanwhile)',
      params: idParams,
      querystring: scheduleVersionQuery,
      response: { 204: z.null().describe('Removed'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const input = { id: request.params.id, version: request.query.version, actor: requireActor(request) };
      await deleteSchedule(deps, input);
      return reply.status(204).send(null);
    },
  });

  app.post('/status-report-schedules/:id/send', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Send the report now (the window just closed), outside the schedule; the run is recorded',
      params: idParams,
      response: { 201: scheduleRunSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const run = await sendScheduleNow(deps, { id: request.params.id, actor: requireActor(request) });
      return reply.status(201).send(run);
    },
  });
}
