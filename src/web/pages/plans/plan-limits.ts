import type { PLAN_LIMITS as SERVER_PLAN_LIMITS } from '../../../shared/plans-api.js';

/**
 * The plan limits for the browser. plans-api.ts builds zod schemas as it loads, which the web
 * bundle does not carry, so the numbers are repeated here; `satisfies` makes the compiler fail
 * the moment they differ from the server's.
 */
export const PLAN_LIMITS = {
  targetsMax: 50,
  stepsMax: 100,
  milestonesMax: 100,
  quartersMax: 40,
  nameMax: 200,
  measureUnitMax: 20,
  stepTextMax: 2000,
  deliverableMax: 500,
  partTextMax: 5000,
  reasonMax: 2000,
  itemIdMax: 24,
} as const satisfies typeof SERVER_PLAN_LIMITS;
