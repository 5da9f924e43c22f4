import { z } from 'zod';
import { AppError } from '../errors.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentUser } from '../users/users.presenter.js';
import { findUserById } from '../users/users.repository.js';
import { changePasswordBody, loginBody, meSchema } from './auth.schema.js';
import { changeOwnPassword, login, logout } from './auth.service.js';
import { requireActor, SESSION_COOKIE } from './authenticate.js';

const tags = ['auth'];

function presentMe(user: ReturnType<typeof presentUser>): z.infer<typeof meSchema> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    unitName: user.unitName,
    roles: user.roles,
    unitsInChargeIds: user.unitsInChargeIds,
  };
}

/** Sign-in, sign-out and "who am I". */
export function registerAuthRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db, config } = deps;

  app.post('/auth/login', {
    config: { policy: allow.public },
    schema: {
      tags,
      summary: 'Sign in (sets the session cookie)',
      body: loginBody,
      response: { 200: z.object({ user: meSchema }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { sessionId, user } = await login(
        { db, config },
        {
          ...request.body,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        },
      );
      reply.setCookie(SESSION_COOKIE, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https' || config.publicOrigin?.startsWith('https:') === true,
        maxAge: config.sessionDays * 86400,
      });
      return { user: presentMe(presentUser(user)) };
    },
  });

  app.post('/auth/logout', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Sign out (ends the session on the server)',
      response: { 204: z.null().describe('Signed out'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await logout({ db, config }, requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.get('/me', {
    config: { policy: allow.signedIn },
    schema: { tags, summary: 'The signed-in user', response: { 200: meSchema, ...errorResponses } },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
      if (!user) throw new AppError('unauthenticated');
      return presentMe(presentUser(user));
    },
  });

  app.post('/me/password', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Change my password (ends my other sessions)',
      body: changePasswordBody,
      response: { 204: z.null().describe('Password changed'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await changeOwnPassword({ db, config }, { ...request.body, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  });
}
