import { HEALTH_FLAG_BITS, type TaskHealthView } from '../../shared/health-api.js';

/** The health columns of a task row, as stored by the sweep. */
export interface HealthColumns {
  health_light: string | null;
  health_flags: number;
  health_reasons: string;
  health_expected: number | null;
  health_forecast: string | null;
  health_on: string | null;
}

/** A task's stored health for the API; null while the task has no light (not open, or not swept yet). */
export function presentHealth(row: HealthColumns): TaskHealthView | null {
  if (row.health_light === null) return null;
  let reasons: TaskHealthView['reasons'] = [];
  try {
    reasons = JSON.parse(row.health_reasons) as TaskHealthView['reasons'];
  } catch {
    reasons = [];
  }
  const has = (bit: number) => (row.health_flags & bit) !== 0;
  return {
    light: row.health_light as TaskHealthView['light'],
    flags: {
      overdue: has(HEALTH_FLAG_BITS.overdue),
      stalled: has(HEALTH_FLAG_BITS.stalled),
      reportMissing: has(HEALTH_FLAG_BITS.reportMissing),
      unacknowledged: has(HEALTH_FLAG_BITS.unacknowledged),
    },
    reasons,
    expectedProgress: row.health_expected,
    forecast: row.health_forecast,
    assessedOn: row.health_on,
  };
}
