import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { settingsSection } from '../settings/settings-section.js';

const KEY = 'plans';

/** The plan rules an administrator may change, with the optimistic version to send back. */
export interface PlanSettings {
  /** A key task cannot move to in_progress until it has an accepted plan. */
  requireAcceptedForKeyTasks: boolean;
  version: number;
}

/** The stored JSON, read leniently: a missing or broken value falls back to the default (off). */
const storedValue = z.object({ requireAcceptedForKeyTasks: z.boolean().catch(false) });

const section = settingsSection(KEY, storedValue, { requireAcceptedForKeyTasks: false });

/** The current plan settings (one primary-key read). */
export function getPlanSettings(db: Executor): Promise<PlanSettings> {
  return section.get(db);
}

/** Changes the plan settings if nobody changed them since `version` (409 otherwise). Administrators only. */
export function updatePlanSettings(
  db: Database,
  input: { version: number; requireAcceptedForKeyTasks: boolean; actor: Actor },
): Promise<PlanSettings> {
  return section.update(db, {
    version: input.version,
    value: { requireAcceptedForKeyTasks: input.requireAcceptedForKeyTasks },
    actor: input.actor,
  });
}
