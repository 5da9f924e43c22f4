import { z } from 'zod';
import {
  bulletinPageSchema,
  bulletinSchema,
  bulletinsQuery,
  bulletinVersionBody,
  createBulletinBody,
  updateBulletinBody,
} from '../../shared/bulletins-api.js';
import { requireActor } from '../auth/authenticate.js';
import { contentDisposition } from '../files/content-disposition.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { issueBulletin, markBulletinRead } from './bulletin-issue.service.js';
import { bulletinFile, getBulletin, listBulletins } from './bulletin-queries.service.js';
import { createBulletin, regenerateBulletin, updateBulletin } from './bulletins.service.js';

const tags = ['bulletins'];
const supervision = allow.roles('supervisor', 'admin');

/** The routes of bulletins (通报): generate, list, read, edit, regenerate, issue, the documents, read receipts. */
export function registerBulletinRoutes(app: ZodApp, deps: RouteDeps): void {
  const one = (bulletinId: number, request: Parameters<typeof requireActor>[0]) =>
    getBulletin(deps, { bulletinId, actor: requireActor(request) });

  app.post('/bulletins', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Generate a draft bulletin for an assessment period or a date',
      description:
        'With periodId the ranking comes from the period’s stored results (409 period_not_computed if never computed) and the figures cover its tasks as of today; with asOf every task counts and the latest frozen period ranks.',
      body: createBulletinBody,
      response: { 201: bulletinSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const id = await createBulletin(deps, { ...request.body, actor: requireActor(request) });
      return reply.status(201).send(await one(id, request));
    },
  });

  app.get('/bulletins', {
    // Scoped by the caller: supervision, leaders and auditors see all; units the issued ones naming them.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Bulletins I may see, newest first',
      querystring: bulletinsQuery,
      response: { 200: bulletinPageSchema, ...errorResponses },
    },
    handler: async (request) => listBulletins(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.get('/bulletins/:id', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'A bulletin', params: idParams, response: { 200: bulletinSchema, ...errorResponses } },
    handler: async (request) => one(request.params.id, request),
  });

  app.patch('/bulletins/:id', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Edit a draft bulletin’s title and content (409 bulletin_not_editable once issued)',
      params: idParams,
      body: updateBulletinBody,
      response: { 200: bulletinSchema, ...errorResponses },
    },
    handler: async (request) => {
      await updateBulletin(deps, { ...request.body, bulletinId: request.params.id, actor: requireActor(request) });
      return one(request.params.id, request);
    },
  });

  app.post('/bulletins/:id/regenerate', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Write a draft’s content afresh from the data',
      params: idParams,
      body: bulletinVersionBody,
      response: { 200: bulletinSchema, ...errorResponses },
    },
    handler: async (request) => {
      const input = { bulletinId: request.params.id, version: request.body.version, actor: requireActor(request) };
      await regenerateBulletin(deps, input);
      return one(request.params.id, request);
    },
  });

  app.post('/bulletins/:id/issue', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Issue a draft under the year’s next number (督通〔2026〕N号) and tell the units it names',
      params: idParams,
      body: bulletinVersionBody,
      response: { 200: bulletinSchema, ...errorResponses },
    },
    handler: async (request) => {
      const input = { bulletinId: request.params.id, version: request.body.version, actor: requireActor(request) };
      await issueBulletin(deps, input);
      return one(request.params.id, request);
    },
  });

  app.post('/bulletins/:id/read', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Mark an issued bulletin read for my unit',
      params: idParams,
      response: { 200: bulletinSchema, ...errorResponses },
    },
    handler: async (request) => {
      await markBulletinRead(deps, { bulletinId: request.params.id, actor: requireActor(request) });
      return one(request.params.id, request);
    },
  });

  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/bulletins/:id/document.${format}`, {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: format === 'docx' ? 'The bulletin as an official .docx' : 'The bulletin as an official PDF',
        params: idParams,
        response: { 200: z.any().describe("The document's bytes"), ...errorResponses },
      },
      handler: async (request, reply) => {
        const input = { bulletinId: request.params.id, format, actor: requireActor(request) };
        const file = await bulletinFile(deps, input);
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
