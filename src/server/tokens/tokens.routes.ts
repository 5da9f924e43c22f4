import { z } from 'zod';
import { tokenSchema } from '../../shared/api-schemas.js';
import { LIMITS } from '../../shared/limits.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams, text } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import type { TokenRow } from './tokens.repository.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';

const tags = ['tokens'];

function presentToken(row: TokenRow): z.infer<typeof tokenSchema> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Personal API tokens for integrations: `Authorization: Bearer lsh_…`. */
export function registerTokenRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/me/tokens', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'My API tokens',
      response: { 200: z.object({ items: z.array(tokenSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: (await listTokens(db, { actor: requireActor(request) })).map(presentToken) }),
  });

  app.post('/me/tokens', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Create an API token (the token is shown once)',
      body: z.strictObject({
        name: text(LIMITS.tokenNameMax),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      }),
      response: { 201: z.object({ token: z.string(), item: tokenSchema }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { token, row } = await createToken(db, {
        ...request.body,
        name: request.body.name.trim(),
        actor: requireActor(request),
      });
      return reply.status(201).send({ token, item: presentToken(row) });
    },
  });

  app.delete('/me/tokens/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Revoke an API token',
      params: idParams,
      response: { 204: z.null().describe('Revoked'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await revokeToken(db, { tokenId: request.params.id, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  });
}
