import { z } from 'zod';
import { TASK_SETTING_LIMITS } from '../../shared/calendar.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { settingsSection } from './settings-section.js';

const KEY = 'tasks';

/** The task rules an administrator may tune, with the optimistic version to send back on change. */
export interface TaskSettings {
  /** A task not acknowledged within this many working days of its assignment is flagged. */
  acknowledgeWorkingDays: number;
  version: number;
}

/** The stored JSON, read leniently: a missing or out-of-range value falls back to the default. */
const storedValue = z.object({
  acknowledgeWorkingDays: z
    .number()
    .int()
    .min(TASK_SETTING_LIMITS.acknowledgeWorkingDaysMin)
    .max(TASK_SETTING_LIMITS.acknowledgeWorkingDaysMax)
    .catch(TASK_SETTING_LIMITS.acknowledgeWorkingDaysDefault),
});

const section = settingsSection(KEY, storedValue, {
  acknowledgeWorkingDays: TASK_SETTING_LIMITS.acknowledgeWorkingDaysDefault,
});

/**
 * The current task settings (one primary-key read; no caching needed). The tasks feature calls
 * this to decide when an unacknowledged task is flagged.
 */
export function getTaskSettings(db: Executor): Promise<TaskSettings> {
  return section.get(db);
}

/** Changes the task settings if nobody changed them since `version` (409 otherwise). Administrators only. */
export function updateTaskSettings(
  db: Database,
  input: { version: number; acknowledgeWorkingDays: number; actor: Actor },
): Promise<TaskSettings> {
  return section.update(db, {
    version: input.version,
    value: { acknowledgeWorkingDays: input.acknowledgeWorkingDays },
    actor: input.actor,
  });
}
