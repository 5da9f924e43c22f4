import { z } from 'zod';
import {
  DEFAULT_CYCLE_KINDS,
  REPORT_LIMITS,
  REPORT_SETTING_DEFAULTS,
  type ReportCycleKind,
} from '../../shared/reports-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { settingsSection } from '../settings/settings-section.js';
import { markDefaultCycleSchedulesForRecompute } from './report-slots.repository.js';

const KEY = 'reports';

/** The reporting rules an administrator may tune, with the optimistic version to send back. */
export interface ReportSettings {
  /** The cycle of tasks that have none of their own. */
  defaultCycle: Exclude<ReportCycleKind, 'custom'>;
  /** A period's report is due on this working day after the period ends. */
  dueWorkingDays: number;
  /** Cycles without a change in the accepted percent before a task is marked stalled. */
  stalledCycles: number;
  version: number;
}

/** The stored JSON, read leniently: a missing or out-of-range value falls back to its default. */
const storedValue = z.object({
  defaultCycle: z.enum(DEFAULT_CYCLE_KINDS).catch(REPORT_SETTING_DEFAULTS.defaultCycle),
  dueWorkingDays: z
    .number()
    .int()
    .min(REPORT_LIMITS.dueWorkingDaysMin)
    .max(REPORT_LIMITS.dueWorkingDaysMax)
    .catch(REPORT_SETTING_DEFAULTS.dueWorkingDays),
  stalledCycles: z
    .number()
    .int()
    .min(REPORT_LIMITS.stalledCyclesMin)
    .max(REPORT_LIMITS.stalledCyclesMax)
    .catch(REPORT_SETTING_DEFAULTS.stalledCycles),
});

const section = settingsSection(KEY, storedValue, { ...REPORT_SETTING_DEFAULTS });

/** The current reporting settings (one primary-key read). */
export function getReportSettings(db: Executor): Promise<ReportSettings> {
  return section.get(db);
}

/**
 * Changes the reporting settings if nobody changed them since `version` (409 otherwise);
 * administrators only. A new default cycle applies to tasks without their own from the next
 * period ending today or later (their schedules are recomputed by the slot job); slots already
 * opened keep their due dates.
 */
export function updateReportSettings(
  db: Database,
  input: Omit<ReportSettings, 'version'> & { version: number; actor: Actor },
): Promise<ReportSettings> {
  const value = {
    defaultCycle: input.defaultCycle,
    dueWorkingDays: input.dueWorkingDays,
    stalledCycles: input.stalledCycles,
  };
  return section.update(db, { version: input.version, value, actor: input.actor }, async (trx, before, after) => {
    if (before.defaultCycle !== after.defaultCycle) await markDefaultCycleSchedulesForRecompute(trx);
  });
}
