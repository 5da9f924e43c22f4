import { z } from 'zod';
import { DEFAULT_LADDER, type LadderRule, validateLadderRules } from '../../domain/escalation-ladder.js';
import { ladderRulesSchema } from '../../shared/ladder-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { settingsSection } from '../settings/settings-section.js';

interface LadderValue {
  rules: LadderRule[];
}

/** The stored ladder, read leniently: a broken value means the default ladder, not no ladder. */
const stored = z.object({ rules: ladderRulesSchema.catch(() => DEFAULT_LADDER.map((rule) => ({ ...rule }))) });

const section = settingsSection<LadderValue>('ladder', stored as unknown as z.ZodType<LadderValue>, {
  rules: DEFAULT_LADDER.map((rule) => ({ ...rule })),
});

/** The escalation ladder in force (migration 0011 creates the row; an empty row is the default ladder). */
export function getLadderSettings(db: Executor): Promise<LadderValue & { version: number }> {
  return section.get(db);
}

/**
 * Replaces the ladder (administrators; 409 on a stale version). Rule ids key the occurrences already
 * fired, so they must be unique; problems answer 422 ladder_rules_invalid naming the first one.
 */
export function updateLadderSettings(
  db: Database,
  input: { version: number; rules: LadderRule[]; actor: Actor },
): Promise<LadderValue & { version: number }> {
  const problems = validateLadderRules(input.rules);
  const first = problems[0];
  if (first) {
    const summary = problems.map((p) => `#${p.index + 1} ${p.ruleId || '?'}: ${p.code}`).join('; ');
    throw new AppError('ladder_rules_invalid', { summary }, `rules.${first.index}.${first.field}`);
  }
  return section.update(db, { version: input.version, value: { rules: input.rules }, actor: input.actor });
}
