import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';
import type { ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';

/** Where `npm run build` puts the web UI. */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../../dist/web');

/**
 * Serves the built React app: files that exist are sent as they are (hashed assets cached for a
 * year) — as their Brotli or gzip copy when the build wrote one (scripts/compress-web.mjs) and the
 * browser takes it — and every other non-API path gets index.html so the client router can take it.
 */
export async function registerWebRoutes(app: ZodApp, webDir = WEB_DIST): Promise<void> {
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });
  const hasIndex = () => fs.existsSync(path.join(webDir, 'index.html'));

  app.get('/*', {
    config: { policy: allow.public },
    schema: { hide: true },
    handler: async (request, reply) => {
      const urlPath = decodeURIComponent((request.url.split('?')[0] ?? '/').replace(/^\/+/, ''));
      if (urlPath.startsWith('api/') || urlPath === 'api') {
        throw new AppError('route_not_found', { method: request.method, url: `/${urlPath}` });
      }
      const file = path.resolve(webDir, urlPath);
      if (urlPath && file.startsWith(webDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const immutable = urlPath.startsWith('assets/');
        return reply.sendFile(urlPath, { maxAge: immutable ? 31536000000 : 0, immutable });
      }
      if (!hasIndex()) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The web UI has not been built yet: run `npm run build` (npm start does this for you).');
      }
      // Our own Cache-Control: the page must be revalidated every time, so a new release shows at once.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    },
  });
}
