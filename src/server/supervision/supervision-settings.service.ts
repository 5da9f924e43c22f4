import { z } from 'zod';
import type { HealthSettings } from '../../domain/task-health.js';
import {
  SUPERVISION_DEFAULTS,
  type SupervisionSettings,
  type SupervisionSettingsValue,
  supervisionSettingsValue,
} from '../../shared/supervision-settings.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { settingsSection } from '../settings/settings-section.js';

/** The stored JSON read leniently: each member missing, broken or out of range falls back to its default. */
const stored = z.object(
  Object.fromEntries(
    Object.entries(supervisionSettingsValue.shape).map(([name, schema]) => [
      name,
      (schema as z.ZodType).catch(SUPERVISION_DEFAULTS[name as keyof typeof SUPERVISION_DEFAULTS]),
    ]),
  ),
) as unknown as z.ZodType<SupervisionSettingsValue>;

const section = settingsSection<SupervisionSettingsValue>('supervision', stored, { ...SUPERVISION_DEFAULTS });

/** The current supervision settings (migration 0011 creates the row; defaults fill what is missing). */
export function getSupervisionSettings(db: Executor): Promise<SupervisionSettings> {
  return section.get(db);
}

/** The health thresholds within the settings, as the domain rules take them. */
export function healthSettingsOf(settings: SupervisionSettingsValue): HealthSettings {
  return {
    missingReportRedWorkingDays: settings.missingReportRedWorkingDays,
    planLagAmberPoints: settings.planLagAmberPoints,
    planLagRedPoints: settings.planLagRedPoints,
    deadlineSoonWorkingDays: settings.deadlineSoonWorkingDays,
    acknowledgeWorkingDays: settings.acknowledgeWorkingDays,
    forecastReports: settings.forecastReports,
  };
}

/** Changes the supervision settings if nobody changed them since `version` (409). Administrators only. */
export function updateSupervisionSettings(
  db: Database,
  input: { version: number; value: SupervisionSettingsValue; actor: Actor },
): Promise<SupervisionSettings> {
  if (input.value.planLagAmberPoints > input.value.planLagRedPoints) {
    throw new AppError('validation_failed', { reason: 'planLagAmberPoints ≤ planLagRedPoints' }, 'planLagAmberPoints');
  }
  return section.update(db, input);
}
