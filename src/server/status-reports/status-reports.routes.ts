import { z } from 'zod';
import { STATUS_REPORT_FORMATS, statusReportQuery, statusReportSchema } from '../../shared/status-reports-api.js';
import { requireActor } from '../auth/authenticate.js';
import { requestLocale } from '../errors.js';
import { contentDisposition } from '../files/content-disposition.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { generateStatusReport } from './status-report-build.service.js';
import { statusReportFile } from './status-report-files.service.js';
import { registerStatusReportScheduleRoutes } from './status-report-schedules.routes.js';

const tags = ['status-reports'];
const description =
  'Exactly one of sourceId and periodId (404 when unknown). window weekly or monthly takes the week (Monday–Sunday) or calendar month containing `on` (default today); custom takes from and to (at most 366 days, 422 status_report_window_too_long). The items are those of the caller’s task scope.';

/** Implementation reports (落实情况报告) on a source or period, for the caller's scope: JSON and files; and their schedules. */
export function registerStatusReportRoutes(app: ZodApp, deps: RouteDeps): void {
  registerStatusReportScheduleRoutes(app, deps);
  app.get('/status-reports', {
    // Scoped by the caller's task scope: a unit sees its tasks, a leader the units in their charge.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'An implementation report (every item, progress, problems, next steps, coordination) as JSON',
      description,
      querystring: statusReportQuery,
      response: { 200: statusReportSchema, ...errorResponses },
    },
    handler: async (request) =>
      generateStatusReport(deps, {
        ...request.query,
        locale: request.query.lang ?? requestLocale(request),
        actor: requireActor(request),
      }),
  });

  for (const format of STATUS_REPORT_FORMATS) {
    app.get(`/status-reports/document.${format}`, {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: `The implementation report as ${format === 'xlsx' ? 'an .xlsx (one row per item)' : format === 'pdf' ? 'an official PDF' : 'an official .docx'}`,
        description,
        querystring: statusReportQuery,
        response: { 200: z.any().describe("The file's bytes"), ...errorResponses },
      },
      handler: async (request, reply) => {
        const locale = request.query.lang ?? requestLocale(request);
        const file = await statusReportFile(deps, { ...request.query, locale, format, actor: requireActor(request) });
        return reply
          .header('content-type', file.contentType)
          .header('content-length', String(file.bytes.length))
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    });
  }
}
