import type { RouteDeps, ZodApp } from '../http/route-deps.js';

/** The routes of bulletins (通报) (issue 7). */
export function registerBulletinRoutes(_app: ZodApp, _deps: RouteDeps): void {}
