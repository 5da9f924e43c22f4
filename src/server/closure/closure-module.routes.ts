import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { registerNotificationRoutes } from '../notifications/notifications.routes.js';
import { registerClosureRoutes } from './closure.routes.js';
import { registerReviewQueueRoutes } from './review-queue.routes.js';

/** Closure applications (申请办结), their settings, the review queue and the notifications inbox. */
export function registerClosureAndNotificationRoutes(app: ZodApp, deps: RouteDeps): void {
  registerNotificationRoutes(app, deps);
  registerClosureRoutes(app, deps);
  registerReviewQueueRoutes(app, deps);
}
