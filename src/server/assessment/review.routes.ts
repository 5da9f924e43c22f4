import type { RouteDeps, ZodApp } from '../http/route-deps.js';

/** The routes of the item-by-item review (逐项分析) (issue 7). */
export function registerReviewRoutes(_app: ZodApp, _deps: RouteDeps): void {}
