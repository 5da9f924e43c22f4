import { z } from 'zod';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentUnit } from './units.presenter.js';
import {
  createUnitBody,
  listUnitsQuery,
  moveUnitBody,
  unitSchema,
  updateUnitBody,
  versionBody,
} from './units.schema.js';
import { archiveUnit, createUnit, getUnit, listUnits, moveUnit, restoreUnit, updateUnit } from './units.service.js';

const tags = ['units'];

/** The organisation tree: read by everyone signed in, changed by administrators. */
export function registerUnitRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/units', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'List units',
      querystring: listUnitsQuery,
      response: { 200: z.object({ items: z.array(unitSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const rows = await listUnits(db, {
        includeArchived: request.query.includeArchived ?? false,
        actor: requireActor(request),
      });
      return { items: rows.map(presentUnit) };
    },
  });

  app.post('/units', {
    config: { policy: allow.roles('admin') },
    schema: { tags, summary: 'Create a unit', body: createUnitBody, response: { 201: unitSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const unit = await createUnit(db, { ...request.body, actor: requireActor(request) });
      return reply.status(201).send(presentUnit(unit));
    },
  });

  app.get('/units/:id', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'Get a unit', params: idParams, response: { 200: unitSchema, ...errorResponses } },
    handler: async (request) =>
      presentUnit(await getUnit(db, { unitId: request.params.id, actor: requireActor(request) })),
  });

  app.patch('/units/:id', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Rename or edit a unit',
      params: idParams,
      body: updateUnitBody,
      response: { 200: unitSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentUnit(await updateUnit(db, { ...request.body, unitId: request.params.id, actor: requireActor(request) })),
  });

  app.post('/units/:id/move', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Move a unit under another parent',
      params: idParams,
      body: moveUnitBody,
      response: { 200: unitSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentUnit(await moveUnit(db, { ...request.body, unitId: request.params.id, actor: requireActor(request) })),
  });

  app.post('/units/:id/archive', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Archive a unit',
      params: idParams,
      body: versionBody,
      response: { 200: unitSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentUnit(await archiveUnit(db, { ...request.body, unitId: request.params.id, actor: requireActor(request) })),
  });

  app.post('/units/:id/restore', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Restore an archived unit',
      params: idParams,
      body: versionBody,
      response: { 200: unitSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentUnit(await restoreUnit(db, { ...request.body, unitId: request.params.id, actor: requireActor(request) })),
  });
}
