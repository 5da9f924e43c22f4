import { z } from 'zod';
import { createSourceBody, sourceDetailSchema, sourceSchema, updateSourceBody } from '../../shared/task-api.js';
import { SOURCE_KINDS } from '../../shared/tasks.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import type { SourceListRow, SourceRow } from './sources.repository.js';
import { createSource, deleteSource, getSource, listSources, updateSource } from './sources.service.js';

const tags = ['sources'];

function presentSource(
  row: Omit<SourceRow, 'full_text'>,
  hasFullText: boolean,
  taskCount: number,
): z.infer<typeof sourceSchema> {
  return {
    id: row.id,
    kind: row.kind as z.infer<typeof sourceSchema>['kind'],
    title: row.title,
    docNumber: row.doc_number,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    hasFullText,
    taskCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function presentListed(row: SourceListRow) {
  return presentSource(row, Boolean(row.has_full_text), Number(row.task_count));
}

function presentDetail(row: SourceRow, taskCount: number): z.infer<typeof sourceDetailSchema> {
  return { ...presentSource(row, Boolean(row.full_text), taskCount), fullText: row.full_text };
}

const listQuery = z.strictObject({
  q: z.string().max(100).optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Sources (来源): where tasks come from. */
export function registerSourceRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/sources', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'List sources',
      querystring: listQuery,
      response: {
        200: z.object({ items: z.array(sourceSchema), nextCursor: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const page = await listSources(db, { ...request.query, actor: requireActor(request) });
      return { items: page.items.map(presentListed), nextCursor: page.nextCursor };
    },
  });

  app.post('/sources', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Register a source',
      body: createSourceBody,
      response: { 201: sourceDetailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const row = await createSource(db, { ...request.body, actor: requireActor(request) });
      return reply.status(201).send(presentDetail(row, 0));
    },
  });

  app.get('/sources/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Get a source with its full text',
      params: idParams,
      response: { 200: sourceDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { row, taskCount } = await getSource(db, { sourceId: request.params.id, actor: requireActor(request) });
      return presentDetail(row, taskCount);
    },
  });

  app.patch('/sources/:id', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Edit a source',
      params: idParams,
      body: updateSourceBody,
      response: { 200: sourceDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const row = await updateSource(db, { ...request.body, sourceId: request.params.id, actor });
      const { taskCount } = await getSource(db, { sourceId: row.id, actor });
      return presentDetail(row, taskCount);
    },
  });

  app.delete('/sources/:id', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'Delete a source no task uses',
      params: idParams,
      response: { 204: z.null().describe('Deleted'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deleteSource(db, { sourceId: request.params.id, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  });
}
