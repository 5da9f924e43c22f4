import type { RouteDeps, ZodApp } from '../http/route-deps.js';

/** The routes of accountability records (问责) (issue 7). */
export function registerAccountabilityRoutes(_app: ZodApp, _deps: RouteDeps): void {}
