import { z } from 'zod';
import {
  createReportBody,
  reportActionBody,
  reportCompareSchema,
  reportCycleSchema,
  reportDetailSchema,
  reportSettingsSchema,
  reviewQueueQuery,
  reviewQueueSchema,
  saveReportBody,
  taskReportsSchema,
  updateReportCycleBody,
  updateReportSettingsBody,
} from '../../shared/reports-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { type ResolvedCycle, setReportCycle } from './report-cycle.service.js';
import { compareReports, getReportDetail, listReviewQueue } from './report-query.service.js';
import { actOnReport } from './report-review.service.js';
import { getReportSettings, type ReportSettings, updateReportSettings } from './report-settings.service.js';
import { presentSummary } from './reports.presenter.js';
import { getTaskReports, saveReportDraft, startReport } from './reports.service.js';

const tags = ['reports'];

function presentCycle(resolved: ResolvedCycle): z.infer<typeof reportCycleSchema> {
  return {
    kind: resolved.cycle.kind,
    customDates: [...resolved.cycle.customDates],
    anchorDate: resolved.cycle.anchorDate,
    isDefault: resolved.isDefault,
    version: resolved.version,
  };
}

function presentSettings(settings: ReportSettings): z.infer<typeof reportSettingsSchema> {
  return {
    defaultCycle: settings.defaultCycle,
    dueWorkingDays: settings.dueWorkingDays,
    stalledCycles: settings.stalledCycles,
    version: settings.version,
  };
}

/** Reporting (进展反馈): cycles, a task's reports by period, drafts, the review flow, comparisons, the queue, settings. */
export function registerReportRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/tasks/:id/reports', {
    // Anyone who sees the task sees its submitted reports; the service answers 404 otherwise.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's reports by period, with the cycle, late, missing and stalled marks",
      params: idParams,
      response: { 200: taskReportsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const result = await getTaskReports(deps, { taskId: request.params.id, actor: requireActor(request) });
      return {
        cycle: presentCycle(result.cycle),
        dueWorkingDays: result.dueWorkingDays,
        stalled: result.stalled,
        stalledSince: result.stalledSince,
        ownUnitIds: result.ownUnitIds,
        canSetCycle: result.canSetCycle,
        periods: result.periods.map((period) => ({
          start: period.start,
          end: period.end,
          dueDate: period.dueDate,
          missingWorkingDays: period.missingWorkingDays,
          slots: period.slots.map((slot) => ({
            periodId: slot.period.id,
            unitId: slot.period.unit_id,
            unitName: result.names.get(slot.period.unit_id) ?? '',
            role: slot.period.role,
            report: slot.report ? presentSummary(slot.report, result.names) : null,
          })),
        })),
      };
    },
  });

  app.post('/tasks/:id/reports', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "Start the caller's unit's report for a slot (answers the existing one with 200)",
      params: idParams,
      body: createReportBody,
      response: { 200: reportDetailSchema, 201: reportDetailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { report, created } = await startReport(deps, { ...request.body, taskId: request.params.id, actor });
      return reply.status(created ? 201 : 200).send(await getReportDetail(deps, { reportId: report.id, actor }));
    },
  });

  app.put('/tasks/:id/report-cycle', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: "Set a task's reporting cycle (version 0: its first own cycle)",
      params: idParams,
      body: updateReportCycleBody,
      response: { 200: reportCycleSchema, ...errorResponses },
    },
    handler: async (request) => {
      const settings = await getReportSettings(deps.db);
      const resolved = await setReportCycle(deps, {
        ...request.body,
        taskId: request.params.id,
        settings,
        actor: requireActor(request),
      });
      return presentCycle(resolved);
    },
  });

  app.get('/reports/review-queue', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Lead reports waiting for the supervision office, oldest first',
      querystring: reviewQueueQuery,
      response: { 200: reviewQueueSchema, ...errorResponses },
    },
    handler: async (request) => listReviewQueue(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.get('/reports/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'A report with its rounds, evidence and the cooperating parts of its period',
      params: idParams,
      response: { 200: reportDetailSchema, ...errorResponses },
    },
    handler: async (request) => getReportDetail(deps, { reportId: request.params.id, actor: requireActor(request) }),
  });

  app.put('/reports/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Save a draft (or a returned report) — cheap enough to autosave as people type',
      params: idParams,
      body: saveReportBody,
      response: { 200: reportDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await saveReportDraft(deps, { ...request.body, reportId: request.params.id, actor });
      return getReportDetail(deps, { reportId: request.params.id, actor });
    },
  });

  app.post('/reports/:id/actions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Submit, approve, return (with a reason) or accept a report',
      params: idParams,
      body: reportActionBody,
      response: { 200: reportDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await actOnReport(deps, { ...request.body, reportId: request.params.id, actor });
      return getReportDetail(deps, { reportId: request.params.id, actor });
    },
  });

  app.get('/reports/:id/compare/:otherId', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Two reports side by side with their similarity and a character diff',
      params: idParams.extend({ otherId: z.coerce.number().int().positive().max(2147483647) }),
      response: { 200: reportCompareSchema, ...errorResponses },
    },
    handler: async (request) =>
      compareReports(deps, {
        reportId: request.params.id,
        otherId: request.params.otherId,
        actor: requireActor(request),
      }),
  });

  app.get('/settings/reports', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'Reporting settings', response: { 200: reportSettingsSchema, ...errorResponses } },
    handler: async () => presentSettings(await getReportSettings(deps.db)),
  });

  app.put('/settings/reports', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Change the reporting settings',
      body: updateReportSettingsBody,
      response: { 200: reportSettingsSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentSettings(await updateReportSettings(deps.db, { ...request.body, actor: requireActor(request) })),
  });
}
