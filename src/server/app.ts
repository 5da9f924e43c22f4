import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAccountabilityRoutes } from './accountability/accountability.routes.js';
import { registerAssessmentRoutes } from './assessment/assessment.routes.js';
import { registerReviewRoutes } from './assessment/review.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerAuthentication } from './auth/authenticate.js';
import { registerBulletinRoutes } from './bulletins/bulletins.routes.js';
import { registerCalendarRoutes } from './calendar/calendar.routes.js';
import { registerCaseRoutes } from './cases/cases.routes.js';
import { registerClosureAndNotificationRoutes } from './closure/closure-module.routes.js';
import { registerCockpitRoutes } from './cockpit/cockpit.routes.js';
import type { Config } from './config.js';
import type { Database, Dialect } from './db/connect.js';
import { handleFrameworkError, registerErrorHandling } from './errors.js';
import { registerFileRoutes } from './files/files.routes.js';
import { registerHealthRoutes } from './health/health.routes.js';
import type { RouteDeps, ZodApp } from './http/route-deps.js';
import { checkingSerializerCompiler, fastSerializerCompiler } from './http/serializer.js';
import { registerDocumentImportRoutes } from './imports/document-import.routes.js';
import { registerSpreadsheetRoutes } from './imports/spreadsheet.routes.js';
import { registerChannelRoutes } from './notifications/channels.routes.js';
import { registerPlanRoutes } from './plans/plans.routes.js';
import { allow, type RoutePolicy } from './policy.js';
import { registerPortfolioRoutes } from './portfolio/portfolio.routes.js';
import { registerPublicAccountability } from './public/public.routes.js';
import { registerRectificationRoutes } from './rectifications/rectifications.routes.js';
import { registerReportRoutes } from './reports/reports.routes.js';
import { registerSettingsRoutes } from './settings/settings.routes.js';
import { registerSourceRoutes } from './sources/sources.routes.js';
import { registerStatusReportRoutes } from './status-reports/status-reports.routes.js';
import { registerCoordinationRoutes } from './supervision/coordination.routes.js';
import { registerExtensionRoutes } from './supervision/extensions.routes.js';
import { registerInstructionRoutes } from './supervision/instructions.routes.js';
import { registerNoticeRoutes } from './supervision/notices.routes.js';
import { registerSupervisionRoutes } from './supervision/supervision.routes.js';
import { registerTaskActionRoutes } from './tasks/task-actions.routes.js';
import { registerTaskRoutes } from './tasks/tasks.routes.js';
import { registerTokenRoutes } from './tokens/tokens.routes.js';
import { registerUnitRoutes } from './units/units.routes.js';
import { registerUserRoutes } from './users/users.routes.js';
import { VERSION } from './version.js';
import { registerWebRoutes, WEB_DIST } from './web/web.routes.js';

export const API_PREFIX = '/api/v1';

/** Routes that plugins register (API docs): public, declared here rather than left open by accident. */
const PLUGIN_ROUTE_POLICIES: Array<[prefix: string, policy: RoutePolicy]> = [['/api/docs', allow.public]];

/** A request id a proxy may pass in `x-request-id` (kept when sane), else a fresh UUID. */
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
function requestIdFor(request: IncomingMessage): string {
  const forwarded = request.headers['x-request-id'];
  return typeof forwarded === 'string' && FORWARDED_REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
}

/** One registered route, as the route-policy test sees it. */
export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
  hasSchema: boolean;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its policy: for the test that no route is open by accident. */
    routeCatalogue: RouteEntry[];
  }
}

export interface BuildAppOptions {
  config: Config;
  db: Database;
  dialect: Dialect;
  logger?: FastifyServerOptions['logger'];
  webDir?: string;
}

/** Builds the whole HTTP application; never listens (main.ts does, tests use inject()). */
export async function buildApp(options: BuildAppOptions): Promise<ZodApp> {
  const { config, db, dialect } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    requestIdHeader: false,
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  // An empty body sent as application/json (some clients do this on POSTs without a payload) is
  // "no body", not malformed JSON; everything else goes through Fastify's safe parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    return parseJson(request, text, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(config.checkResponses ? checkingSerializerCompiler : fastSerializerCompiler);
  app.decorate('routeCatalogue', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const plugin = PLUGIN_ROUTE_POLICIES.find(([prefix]) => url.startsWith(prefix));
    if (plugin && !route.config?.policy) route.config = { ...(route.config ?? {}), policy: plugin[1] };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      app.routeCatalogue.push({
        method,
        url,
        policy: route.config?.policy,
        hasSchema: Boolean(route.schema && (route.schema.response || route.schema.hide)),
        hidden: Boolean(route.schema?.hide) || Boolean(plugin),
      });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  registerAuthentication(app, { db, config });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Luoshi API',
        version: VERSION,
        description:
          'Luoshi (落实): follow decisions through to results. Errors are application/problem+json with a stable `code`; `detail` follows Accept-Language (zh-CN, zh-TW, en).',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'luoshi_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (lsh_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const deps: RouteDeps = { db, dialect, config };
  await app.register(
    async (api) => {
      const zapi = api.withTypeProvider<ZodTypeProvider>();
      registerHealthRoutes(zapi, deps);
      registerAuthRoutes(zapi, deps);
      registerTokenRoutes(zapi, deps);
      registerUnitRoutes(zapi, deps);
      registerUserRoutes(zapi, deps);
      registerAuditRoutes(zapi, deps);
      registerSourceRoutes(zapi, deps);
      registerTaskRoutes(zapi, deps);
      registerTaskActionRoutes(zapi, deps);
      registerCalendarRoutes(zapi, deps);
      registerSettingsRoutes(zapi, deps);
      registerPlanRoutes(zapi, deps);
      registerFileRoutes(zapi, deps);
      registerClosureAndNotificationRoutes(zapi, deps);
      registerChannelRoutes(zapi, deps);
      registerReportRoutes(zapi, deps);
      registerSupervisionRoutes(zapi, deps);
      registerExtensionRoutes(zapi, deps);
      registerInstructionRoutes(zapi, deps);
      registerNoticeRoutes(zapi, deps);
      registerCoordinationRoutes(zapi, deps);
      registerDocumentImportRoutes(zapi, deps);
      registerSpreadsheetRoutes(zapi, deps);
      registerAssessmentRoutes(zapi, deps);
      registerReviewRoutes(zapi, deps);
      registerRectificationRoutes(zapi, deps);
      registerCaseRoutes(zapi, deps);
      registerBulletinRoutes(zapi, deps);
      registerAccountabilityRoutes(zapi, deps);
      registerPortfolioRoutes(zapi, deps);
      registerCockpitRoutes(zapi, deps);
      registerStatusReportRoutes(zapi, deps);
      zapi.get('/openapi.json', {
        config: { policy: allow.public },
        schema: { hide: true },
        handler: async () => app.swagger(),
      });
    },
    { prefix: API_PREFIX },
  );

  await registerPublicAccountability(app, deps, API_PREFIX);
  await registerWebRoutes(app, options.webDir ?? WEB_DIST);
  return app;
}
