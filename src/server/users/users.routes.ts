import { z } from 'zod';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { versionBody } from '../units/units.schema.js';
import { presentUser } from './users.presenter.js';
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody, userSchema } from './users.schema.js';
import { createUser, getUser, listUsers, resetPassword, setUserActive, updateUser } from './users.service.js';

const tags = ['users'];

/** The people directory: read by administrators, supervisors and auditors; changed by administrators. */
export function registerUserRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/users', {
    config: { policy: allow.roles('admin', 'supervisor', 'auditor') },
    schema: {
      tags,
      summary: 'List users (keyset pages by id)',
      querystring: listUsersQuery,
      response: { 200: z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() }), ...errorResponses },
    },
    handler: async (request) => {
      const page = await listUsers(db, { ...request.query, actor: requireActor(request) });
      return {
        items: page.items.map(presentUser),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      };
    },
  });

  app.post('/users', {
    config: { policy: allow.roles('admin') },
    schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: userSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const user = await createUser(db, { ...request.body, actor: requireActor(request) });
      return reply.status(201).send(presentUser(user));
    },
  });

  app.get('/users/:id', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'Get a user', params: idParams, response: { 200: userSchema, ...errorResponses } },
    handler: async (request) =>
      presentUser(await getUser(db, { userId: request.params.id, actor: requireActor(request) })),
  });

  app.patch('/users/:id', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Edit a user',
      params: idParams,
      body: updateUserBody,
      response: { 200: userSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentUser(await updateUser(db, { ...request.body, userId: request.params.id, actor: requireActor(request) })),
  });

  for (const [path, active] of [
    ['/users/:id/deactivate', false],
    ['/users/:id/activate', true],
  ] as const) {
    app.post(path, {
      config: { policy: allow.roles('admin') },
      schema: {
        tags,
        summary: active ? 'Reactivate a user' : 'Deactivate a user (ends their sessions)',
        params: idParams,
        body: versionBody,
        response: { 200: userSchema, ...errorResponses },
      },
      handler: async (request) =>
        presentUser(
          await setUserActive(db, { ...request.body, active, userId: request.params.id, actor: requireActor(request) }),
        ),
    });
  }

  app.post('/users/:id/reset-password', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: "Set a new password for a user (ends that user's sessions)",
      params: idParams,
      body: resetPasswordBody,
      response: { 204: z.null().describe('Password changed'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await resetPassword(db, { ...request.body, userId: request.params.id, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  });
}
