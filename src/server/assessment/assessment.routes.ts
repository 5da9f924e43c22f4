import type { RouteDeps, ZodApp } from '../http/route-deps.js';

/** The routes of assessment periods, scores and explanations (issue 7). */
export function registerAssessmentRoutes(_app: ZodApp, _deps: RouteDeps): void {}
