import type { RouteDeps, ZodApp } from '../http/route-deps.js';

/** The routes of the case library and adoption (issue 7). */
export function registerCaseRoutes(_app: ZodApp, _deps: RouteDeps): void {}
