import { type ScoringRuleId, type ScoringScheme, scoringSchemeSchema } from '../shared/assessment-api.js';

// What a scoring scheme must satisfy beyond its shape (the zod schema checks each field): each rule
// at most once, "per working day" only where a fact has a number of working days, a floor no higher
// than the base. And how a stored scheme is read back.

/** Rules whose facts come with a number of working days (late, overdue). */
export const PER_WORKING_DAY_RULES: readonly ScoringRuleId[] = ['completed_late', 'open_overdue', 'report_late'];

/** Why the scheme cannot be used, or null when it can. */
export function schemeProblem(scheme: ScoringScheme): string | null {
  if (scheme.floor !== null && scheme.floor > scheme.base) return `floor ${scheme.floor} above base ${scheme.base}`;
  const seen = new Set<string>();
  for (const rule of scheme.rules) {
    if (seen.has(rule.id)) return `duplicate rule ${rule.id}`;
    seen.add(rule.id);
    if (rule.perWorkingDay && !PER_WORKING_DAY_RULES.includes(rule.id)) return `${rule.id} cannot be per working day`;
  }
  return null;
}

/**
 * A period's stored scheme (JSON). One stored before floors existed has no `floor` key: it reads as
 * no floor (null), as it was computed, rather than the schema's default of 0 for new schemes, so an
 * old period's scores and fingerprint do not move when it is computed or explained again.
 */
export function readStoredScheme(json: string): ScoringScheme {
  const raw: unknown = JSON.parse(json);
  const withFloor = raw !== null && typeof raw === 'object' && !('floor' in raw) ? { ...raw, floor: null } : raw;
  return scoringSchemeSchema.parse(withFloor);
}
