import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { passesRoutePolicy, type RoutePolicy } from '../policy.js';
import { resolveToken } from '../tokens/tokens.service.js';
import type { Actor } from './actor.js';
import { resolveSession } from './auth.service.js';
import { isCrossSiteRequest } from './csrf.js';

export const SESSION_COOKIE = 'luoshi_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, set before any handler runs; undefined for anonymous calls. */
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** Who may call this route: required on every route (see policy.ts). */
    policy?: RoutePolicy;
  }
}

/** The caller as an Actor; throws 401 for anonymous callers (routes with a non-public policy never see one). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/**
 * The one gate in front of every route: CSRF check for cookie-authenticated writes, then who the
 * caller is (session cookie or bearer token), then the route's declared policy. It runs at
 * onRequest, before the body is even read, so refused calls cost little and reveal nothing.
 */
export function registerAuthentication(app: FastifyInstance, deps: { db: Database; config: Config }): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const policy = request.routeOptions.config?.policy;
    if (!request.routeOptions.url) return; // not-found handler: answers 404 itself
    if (!policy) throw new AppError('forbidden'); // undeclared routes are closed, never open by accident
    const meta = { ip: request.ip ?? null, requestId: request.id };
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && /^bearer\s/i.test(authorization)) {
      request.actor = await resolveToken(deps.db, authorization.slice(7).trim(), meta);
      if (!request.actor) throw new AppError('unauthenticated');
    } else {
      if (isCrossSiteRequest(request, deps.config.publicOrigin)) throw new AppError('csrf_rejected');
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) request.actor = await resolveSession(deps, sessionId, meta);
    }
    if (policy.kind !== 'public' && !request.actor) throw new AppError('unauthenticated');
    if (!passesRoutePolicy(policy, request.actor)) throw new AppError('forbidden');
  });
}
