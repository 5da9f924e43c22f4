import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_MAX_AGE } from '../../shared/public-api.js';

// HTTP caching of the anonymous pages and answers: the same for everyone, so browsers and proxies
// may keep them briefly (Cache-Control: public, max-age), and revalidate by ETag (304 on a match).

/** A weak ETag of a body: equal bodies, equal tags. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Sends a public body with cache headers, or 304 with none when the client already holds it.
 * `vary` names the request headers the body depends on (Accept-Language when no ?lang= chose it).
 */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { body: string; contentType: string; vary?: string },
) {
  const etag = etagOf(input.body);
  reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE}`).header('etag', etag);
  if (input.vary) reply.header('vary', input.vary);
  if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type(input.contentType).send(input.body);
}
