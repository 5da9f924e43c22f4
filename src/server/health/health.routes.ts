import { sql } from 'kysely';
import { z } from 'zod';
import { healthSchema } from '../../shared/api-schemas.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { VERSION } from '../version.js';

/** Liveness and readiness in one: 200 only when the database answers. */
export function registerHealthRoutes(app: ZodApp, { db, dialect }: RouteDeps): void {
  app.get('/health', {
    config: { policy: allow.public },
    schema: {
      tags: ['health'],
      summary: 'Health check (queries the database)',
      response: {
        200: healthSchema,
        503: z.object({
          status: z.literal('unavailable'),
          database: z.enum(['sqlite', 'postgres']),
          version: z.string(),
        }),
      },
    },
    handler: async (request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, database: dialect, version: VERSION };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unavailable');
        return reply.status(503).send({ status: 'unavailable' as const, database: dialect, version: VERSION });
      }
    },
  });
}
