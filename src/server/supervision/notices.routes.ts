import { z } from 'zod';
import {
  issueNoticesBody,
  type NoticeAction,
  noticeDraftSchema,
  noticeListSchema,
  noticePageSchema,
  noticeSchema,
  noticesQuery,
  respondNoticeBody,
  reviewNoticeBody,
} from '../../shared/notices-api.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/authenticate.js';
import { contentDisposition } from '../files/content-disposition.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { actOnNotice } from './notice-actions.service.js';
import { draftNotice } from './notice-draft.js';
import { getNotice, listNotices, listTaskNotices, noticeFile } from './notice-queries.service.js';
import { issueNotices } from './notices.service.js';

const tags = ['notices'];
const supervision = allow.roles('supervisor', 'admin');

/** Supervision notices (督办单): issue, list, read, respond, review, and the official documents. */
export function registerNoticeRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;
  const step = async (
    id: number,
    action: NoticeAction,
    text: string | null | undefined,
    version: number,
    actor: Actor,
  ) => {
    await actOnNotice(db, { noticeId: id, action, text, version, actor });
    return getNotice(deps, { noticeId: id, actor });
  };

  app.post('/notices', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Issue supervision notices: one per task, to its lead unit (all or none)',
      description:
        'Omitted matter and requirements are written from each task; responseDue defaults to the notice response period in working days.',
      body: issueNoticesBody,
      response: { 201: noticeListSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const ids = await issueNotices(deps, { ...request.body, actor });
      const items = await Promise.all(ids.map((id) => getNotice(deps, { noticeId: id, actor })));
      return reply.status(201).send({ items });
    },
  });

  app.get('/notices', {
    // The list is scoped by the caller's units and charge (supervision sees all).
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Supervision notices I may see, newest first',
      querystring: noticesQuery,
      response: { 200: noticePageSchema, ...errorResponses },
    },
    handler: async (request) => listNotices(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.get('/notices/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'A supervision notice',
      params: idParams,
      response: { 200: noticeSchema, ...errorResponses },
    },
    handler: async (request) => getNotice(deps, { noticeId: request.params.id, actor: requireActor(request) }),
  });

  app.get('/tasks/:id/notices', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "A task's supervision notices, newest first",
      params: idParams,
      response: { 200: noticeListSchema, ...errorResponses },
    },
    handler: async (request) => ({
      items: await listTaskNotices(deps, { taskId: request.params.id, actor: requireActor(request) }),
    }),
  });

  app.get('/tasks/:id/notice-draft', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'What a notice on the task would say by default',
      params: idParams,
      response: { 200: noticeDraftSchema, ...errorResponses },
    },
    handler: async (request) => draftNotice(deps, { taskId: request.params.id, actor: requireActor(request) }),
  });

  app.post('/notices/:id/respond', {
    config: { policy: allow.roles('unit_head', 'unit_staff') },
    schema: {
      tags,
      summary: "The addressed unit's written response",
      params: idParams,
      body: respondNoticeBody,
      response: { 200: noticeSchema, ...errorResponses },
    },
    handler: async (request) =>
      step(request.params.id, 'respond', request.body.response, request.body.version, requireActor(request)),
  });

  for (const action of ['accept', 'return'] as const) {
    app.post(`/notices/:id/${action}`, {
      config: { policy: supervision },
      schema: {
        tags,
        summary: action === 'accept' ? 'Accept the response' : 'Return the response (reason required)',
        params: idParams,
        body: reviewNoticeBody,
        response: { 200: noticeSchema, ...errorResponses },
      },
      handler: async (request) =>
        step(request.params.id, action, request.body.reason, request.body.version, requireActor(request)),
    });
  }

  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/notices/:id/${format}`, {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: format === 'docx' ? 'The notice as an official .docx' : 'The notice as an official PDF',
        params: idParams,
        response: { 200: z.any().describe("The document's bytes"), ...errorResponses },
      },
      handler: async (request, reply) => {
        const file = await noticeFile(deps, { noticeId: request.params.id, format, actor: requireActor(request) });
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
