import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a state-changing request carrying cookies may come from another site. Browsers send
 * Sec-Fetch-Site (modern) or Origin (all, on cross-origin POST); either one betraying another site
 * is refused. Requests with neither header are not from a browser form or script and pass.
 */
export function isCrossSiteRequest(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === 'null') return true;
  const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
  return origin.toLowerCase() !== expected.toLowerCase();
}
