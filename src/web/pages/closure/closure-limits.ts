import type { CLOSURE_LIMITS as SERVER_CLOSURE_LIMITS } from '../../../shared/closure-api.js';

/**
 * The closure limits for the browser (closure-api.ts builds zod schemas as it loads, which the web
 * bundle does not carry); `satisfies` fails the build the moment they differ from the server's.
 */
export const CLOSURE_LIMITS = {
  summaryMax: 20000,
  commentMax: 2000,
  reasonMax: 2000,
  filesMax: 50,
  targetsMax: 50,
} as const satisfies typeof SERVER_CLOSURE_LIMITS;
