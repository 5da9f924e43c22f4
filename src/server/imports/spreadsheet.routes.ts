import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FILE_FIELD } from '../../shared/files-api.js';
import type { Locale } from '../../shared/locales.js';
import {
  exportTasksQuery,
  importSpreadsheetQuery,
  SPREADSHEET_LIMITS,
  spreadsheetImportResultSchema,
  spreadsheetProblemSchema,
  templateQuery,
} from '../../shared/spreadsheet-api.js';
import { requireActor } from '../auth/authenticate.js';
import { AppError, requestLocale } from '../errors.js';
import { contentDisposition } from '../files/content-disposition.js';
import { errorResponses, problemSchema } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { errorDetail } from '../i18n/messages.js';
import { spreadsheetProblemDetail } from '../i18n/spreadsheet-messages.js';
import { allow } from '../policy.js';
import { exportTasks } from './spreadsheet-export.service.js';
import { importSpreadsheet } from './spreadsheet-import.service.js';
import { exportFileBase, templateBytes } from './spreadsheet-template.js';

const tags = ['imports'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 422 of a sheet with problems: the usual problem document plus every row's problem. */
const sheetProblemsSchema = problemSchema.extend({ problems: z.array(spreadsheetProblemSchema).optional() });

const fileAnswer = { 200: z.any().describe('The file'), ...errorResponses } as const;

/** The file part (field `file`) of a multipart request, read into memory up to the size limit. */
async function receiveSheet(request: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('file_required', {}, FILE_FIELD);
  const part = await request
    .file({ limits: { fileSize: SPREADSHEET_LIMITS.maxBytes, files: 1 } })
    .catch(() => undefined);
  if (!part || part.fieldname !== FILE_FIELD) {
    part?.file.resume();
    throw new AppError('file_required', {}, FILE_FIELD);
  }
  try {
    return { name: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    throw new AppError('file_too_large', { limit: `${SPREADSHEET_LIMITS.maxBytes / 1024 / 1024} MB` }, FILE_FIELD);
  }
}

/** The sheet's language: the one asked for, else the caller's. */
function sheetLocale(request: FastifyRequest, lang: Locale | undefined): Locale {
  return lang ?? requestLocale(request);
}

/**
 * The 任务分解表: the template, the import (multipart .xlsx; 422 with every row's problem, nothing
 * written) and the export of the task list or a tree as .xlsx or CSV. Multipart parsing is
 * registered in the import's own scope, so every other route keeps refusing what is not JSON.
 */
export function registerSpreadsheetRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/imports/spreadsheet/template', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'The 任务分解表 template (.xlsx)', querystring: templateQuery, response: fileAnswer },
    handler: async (request, reply) => {
      const locale = sheetLocale(request, request.query.lang);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', `${exportFileBase(locale)}.xlsx`))
        .header('cache-control', 'private')
        .send(await templateBytes(locale));
    },
  });

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`/tasks/export.${format}`, {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: `Export the tasks I may see (the list's filters, or rootId's tree) as ${format === 'xlsx' ? '.xlsx' : 'CSV'}`,
        description: `Same filters as GET /tasks, without paging; at most ${SPREADSHEET_LIMITS.exportMax} tasks (422 export_too_large).`,
        querystring: exportTasksQuery,
        response: fileAnswer,
      },
      handler: async (request, reply) => {
        const locale = sheetLocale(request, request.query.lang);
        const file = await exportTasks(deps, { query: request.query, format, actor: requireActor(request), locale });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    });
  }

  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 10, parts: 11 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/imports/spreadsheet', {
      config: { policy: allow.roles('supervisor', 'admin') },
      schema: {
        tags,
        summary: 'Import a 任务分解表 (.xlsx): every row checked first, nothing written if any is wrong',
        description:
          'multipart/form-data with one file part named `file`. `sourceId` re-imports into that source: rows whose 序号 an earlier import created update those tasks. `assign=true` assigns the new tasks instead of leaving drafts.',
        consumes: ['multipart/form-data'],
        querystring: importSpreadsheetQuery,
        response: {
          ...errorResponses,
          200: spreadsheetImportResultSchema,
          415: problemSchema,
          422: sheetProblemsSchema,
        },
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const sheet = await receiveSheet(request);
        const outcome = await importSpreadsheet(deps, {
          ...request.query,
          bytes: sheet.bytes,
          fileName: sheet.name,
          actor,
        });
        if (outcome.ok) return reply.status(200).send(outcome.result);
        const locale = requestLocale(request);
        return reply
          .status(422)
          .type('application/problem+json; charset=utf-8')
          .send({
            type: 'https://luoshi.dev/problems/spreadsheet-invalid',
            title: 'spreadsheet_invalid',
            status: 422,
            code: 'spreadsheet_invalid',
            detail: errorDetail(locale, 'spreadsheet_invalid', { count: outcome.problems.length }),
            problems: outcome.problems.map((p) => ({
              ...p,
              detail: spreadsheetProblemDetail(locale, p.code, p.params),
            })),
            requestId: request.id,
          });
      },
    });
  });
}
