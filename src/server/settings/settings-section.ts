import type { z } from 'zod';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { findSettingRow, updateSettingRow } from './settings.repository.js';

/**
 * One row of the settings table (tasks, files, plans, reports, closure…): a JSON value read
 * leniently — a missing, broken or out-of-range member falls back to its default through the
 * schema's `.catch()`, rather than a feature that stops working — and changed by administrators
 * only, with the optimistic version (409 when someone changed it meanwhile) and an audit entry
 * holding the values before and after. The migration that introduces a section inserts its row.
 */
export interface SettingsSection<T extends object> {
  key: string;
  /** The current values with the version to send back (one primary-key read). */
  get(db: Executor): Promise<T & { version: number }>;
  /**
   * Replaces the values if nobody changed them since `version`; `afterWrite` runs in the same
   * transaction with the values before and after (for consequences such as recomputations).
   */
  update(
    db: Database,
    input: { version: number; value: T; actor: Actor },
    afterWrite?: (trx: Executor, before: T, after: T) => Promise<void>,
  ): Promise<T & { version: number }>;
}

export function settingsSection<T extends object>(key: string, stored: z.ZodType<T>, defaults: T): SettingsSection<T> {
  const parse = (json: string | undefined): T => {
    let raw: unknown = {};
    try {
      raw = json ? JSON.parse(json) : {};
    } catch {
      // a hand-edited, broken value: the defaults
    }
    const parsed = stored.safeParse(raw);
    return parsed.success ? parsed.data : { ...defaults };
  };
  const get = async (db: Executor) => {
    const row = await findSettingRow(db, key);
    return { ...parse(row?.value), version: row?.version ?? 1 };
  };
  return {
    key,
    get,
    async update(db, { version, value, actor }, afterWrite) {
      assertAllowed(can.manageSettings(actor));
      return inTransaction(db, async (trx) => {
        const { version: _before, ...before } = await get(trx);
        const row = await updateSettingRow(trx, key, version, {
          value: JSON.stringify(value),
          updated_at: nowIso(),
          updated_by: actor.userId,
        });
        if (!row) throw new AppError('version_conflict', { object: 'settings' });
        await afterWrite?.(trx, before as unknown as T, value);
        await insertAuditEntry(trx, actor, {
          action: 'settings.update',
          objectType: 'settings',
          objectId: key,
          detail: { from: before, to: value },
        });
        return { ...value, version: row.version };
      });
    },
  };
}
