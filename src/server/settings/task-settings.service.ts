import { z } from 'zod';
import { TASK_SETTING_LIMITS } from '../../shared/calendar.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { findSettingRow, updateSettingRow } from './settings.repository.js';

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

function parseValue(json: string | undefined): Omit<TaskSettings, 'version'> {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    // a hand-edited, broken value: defaults rather than a server that cannot list tasks
  }
  const parsed = storedValue.safeParse(raw);
  return parsed.success ? parsed.data : { acknowledgeWorkingDays: TASK_SETTING_LIMITS.acknowledgeWorkingDaysDefault };
}

/**
 * The current task settings (one primary-key read; no caching needed). The tasks feature calls
 * this to decide when an unacknowledged task is flagged.
 */
export async function getTaskSettings(db: Executor): Promise<TaskSettings> {
  const row = await findSettingRow(db, KEY);
  return { ...parseValue(row?.value), version: row?.version ?? 1 };
}

/** Changes the task settings if nobody changed them since `version` (409 otherwise). Administrators only. */
export async function updateTaskSettings(
  db: Database,
  input: { version: number; acknowledgeWorkingDays: number; actor: Actor },
): Promise<TaskSettings> {
  assertAllowed(can.manageSettings(input.actor));
  return inTransaction(db, async (trx) => {
    const before = await getTaskSettings(trx);
    const value = { acknowledgeWorkingDays: input.acknowledgeWorkingDays };
    const row = await updateSettingRow(trx, KEY, input.version, {
      value: JSON.stringify(value),
      updated_at: nowIso(),
      updated_by: input.actor.userId,
    });
    if (!row) throw new AppError('version_conflict', { object: 'settings' });
    await insertAuditEntry(trx, input.actor, {
      action: 'settings.update',
      objectType: 'settings',
      objectId: KEY,
      detail: { from: { acknowledgeWorkingDays: before.acknowledgeWorkingDays }, to: value },
    });
    return { ...value, version: row.version };
  });
}
