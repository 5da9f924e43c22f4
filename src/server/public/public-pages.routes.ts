import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LOCALES, type Locale, pickLocale } from '../../shared/locales.js';
import { publicRatingBody, publicTasksQuery } from '../../shared/public-api.js';
import { AppError } from '../errors.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { getPublicTask, listPublicTasks } from './public.service.js';
import { sendCacheable } from './public-cache.js';
import { publicHref, type RatingNotice, renderListPage, renderNotFoundPage, renderTaskPage } from './public-html.js';
import { submitPublicRating } from './public-ratings.service.js';
import { PUBLIC_CSS } from './public-style.js';

// The public pages as HTML at /public (outside /api and ahead of the web app's catch-all route):
// no sign-in, no script, cacheable. Input is parsed here by hand so that a bad query or form gives
// a readable page rather than a problem+json answer.

const HTML = 'text/html; charset=utf-8';
const taskParams = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
const langQuery = z.object({ lang: z.enum(LOCALES).optional(), rated: z.string().optional() });
const hidden = { hide: true } as const;
/** A rating form is a few hundred bytes; anything much bigger is not one. */
const FORM_LIMIT = 16 * 1024;

/** The page's language: ?lang= when given, else the browser's Accept-Language (then the answer varies by it). */
function localeOf(request: FastifyRequest, lang: Locale | undefined): { locale: Locale; vary?: string } {
  if (lang) return { locale: lang };
  return { locale: pickLocale(request.headers['accept-language']), vary: 'Accept-Language' };
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header('cache-control', 'no-store').type(HTML).send(html);
}

export async function registerPublicPages(app: ZodApp, deps: RouteDeps): Promise<void> {
  await app.register(async (pages) => {
    // Plain HTML forms post urlencoded bodies; only these routes accept them.
    pages.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
      },
    );

    // The app answers with Referrer-Policy: no-referrer, under which browsers send `Origin: null`
    // on a form post — which the CSRF check refuses. These pages send the referrer to this site only.
    pages.addHook('onSend', async (_request, reply) => {
      reply.raw.setHeader('referrer-policy', 'same-origin');
    });

    pages.get('/public/style.css', {
      config: { policy: allow.public },
      schema: hidden,
      handler: async (request, reply) =>
        sendCacheable(request, reply, { body: PUBLIC_CSS, contentType: 'text/css; charset=utf-8' }),
    });

    pages.get('/public', {
      config: { policy: allow.public },
      schema: hidden,
      handler: async (request, reply) => {
        const parsed = publicTasksQuery.safeParse(request.query);
        const query = parsed.success ? parsed.data : publicTasksQuery.parse({});
        const { locale, vary } = localeOf(request, query.lang);
        const page = await listPublicTasks(deps, query);
        const body = renderListPage(locale, page, { q: query.q, unitId: query.unitId });
        return sendCacheable(request, reply, { body, contentType: HTML, ...(vary ? { vary } : {}) });
      },
    });

    pages.get('/public/tasks/:id', {
      config: { policy: allow.public },
      schema: hidden,
      handler: async (request, reply) => {
        const query = langQuery.safeParse(request.query);
        const { locale, vary } = localeOf(request, query.success ? query.data.lang : undefined);
        const params = taskParams.safeParse(request.params);
        const task = params.success ? await findOrNull(deps, params.data.id) : null;
        if (!task) return sendPage(reply, 404, renderNotFoundPage(locale));
        const notice: RatingNotice = query.success && query.data.rated === '1' ? 'thanks' : null;
        const body = renderTaskPage(locale, task, notice);
        return sendCacheable(request, reply, { body, contentType: HTML, ...(vary ? { vary } : {}) });
      },
    });

    pages.post('/public/tasks/:id/ratings', {
      config: { policy: allow.public },
      schema: hidden,
      handler: async (request, reply) => {
        const form = (request.body ?? {}) as Record<string, unknown>;
        const lang = LOCALES.find((l) => l === form.lang);
        const { locale } = localeOf(request, lang);
        const params = taskParams.safeParse(request.params);
        const task = params.success ? await findOrNull(deps, params.data.id) : null;
        if (!task) return sendPage(reply, 404, renderNotFoundPage(locale));
        const rating = publicRatingBody.safeParse({
          rating: form.rating,
          comment: form.comment,
          website: form.website,
          lang,
        });
        if (!rating.success) return sendPage(reply, 400, renderTaskPage(locale, task, 'invalid'));
        try {
          await submitPublicRating(deps, { taskId: task.id, rating: rating.data, address: request.ip });
        } catch (error) {
          if (error instanceof AppError && error.code === 'rating_rate_limited') {
            return sendPage(reply, 429, renderTaskPage(locale, task, 'rate_limited'));
          }
          throw error;
        }
        // Post/redirect/get: a reload does not send the rating again.
        return reply.redirect(`${publicHref(`/public/tasks/${task.id}`, locale, { rated: 1 })}#rate`, 303);
      },
    });
  });
}

async function findOrNull(deps: RouteDeps, id: number) {
  try {
    return await getPublicTask(deps, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}
