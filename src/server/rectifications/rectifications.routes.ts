import type { RouteDeps, ZodApp } from '../http/route-deps.js';

/** The routes of rectification items (整改) and their sign-off (issue 7). */
export function registerRectificationRoutes(_app: ZodApp, _deps: RouteDeps): void {}
