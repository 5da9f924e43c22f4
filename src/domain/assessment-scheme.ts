import type { ScoringRuleId, ScoringScheme } from '../shared/assessment-api.js';

// What a scoring scheme must satisfy beyond its shape (the zod schema checks each field): each rule
// at most once, and "per working day" only where a fact has a number of working days.

/** Rules whose facts come with a number of working days (late, overdue). */
export const PER_WORKING_DAY_RULES: readonly ScoringRuleId[] = ['completed_late', 'open_overdue', 'report_late'];

/** Why the scheme cannot be used, or null when it can. */
export function schemeProblem(scheme: ScoringScheme): string | null {
  const seen = new Set<string>();
  for (const rule of scheme.rules) {
    if (seen.has(rule.id)) return `duplicate rule ${rule.id}`;
    seen.add(rule.id);
    if (rule.perWorkingDay && !PER_WORKING_DAY_RULES.includes(rule.id)) return `${rule.id} cannot be per working day`;
  }
  return null;
}
