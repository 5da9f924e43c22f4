import {
  type AssessmentRole,
  SCORING_RULE_IDS,
  type ScoringRule,
  type ScoringRuleId,
  type ScoringScheme,
  type TaskOutcome,
} from '../shared/assessment-api.js';
import type { PeriodFacts, ScoringWindow } from './assessment-facts.js';
import { type Occurrence, occurrencesOf, taskOutcome } from './assessment-occurrences.js';
import type { WorkingCalendar } from './working-days.js';

// Scores a period (考核): occurrences of the scheme's rules become point lines in hundredths of a
// point (integers, so SQLite and PostgreSQL add up identically), and point lines become one score
// per unit and role on top of the scheme's base, no lower than the scheme's floor (扣完为止), ranked
// in two league tables (lead, cooperating).
// Pure and deterministic: the same facts, window, scheme and calendar always give the same answer,
// lines and results in the same order.

/** One point or deduction (hundredths) for one unit in one role, with the fact behind it. */
export interface PointLine {
  unitId: number;
  role: AssessmentRole;
  taskId: number;
  ruleId: ScoringRuleId;
  points: number;
  occurredOn: string | null;
  refType: Occurrence['refType'];
  refId: number;
  detail: Record<string, unknown>;
}

/** A unit's score in one role (hundredths, floored) and its rank (equal scores share a rank). */
export interface UnitScore {
  unitId: number;
  role: AssessmentRole;
  score: number;
  rank: number;
  taskCount: number;
  /** Per rule with any line, in SCORING_RULE_IDS order: lines and points (hundredths). */
  breakdown: Array<{ ruleId: ScoringRuleId; count: number; points: number }>;
}

export interface PeriodScoring {
  outcomes: Array<{ taskId: number; outcome: TaskOutcome }>;
  points: PointLine[];
  results: UnitScore[];
}

/** Points (as the scheme writes them, two decimals at most) in hundredths. */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** Rounds half away from zero, so a deduction rounds like the matching bonus. */
function roundSymmetric(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** What one occurrence is worth to a unit in a role, before the per-task cap. */
function worth(rule: ScoringRule, role: AssessmentRole, occurrence: Occurrence): number {
  const each = toHundredths(rule[role]);
  if (occurrence.factor !== null) return roundSymmetric(each * occurrence.factor);
  if (rule.perWorkingDay) return each * (occurrence.workingDays ?? 1);
  return each;
}

/**
 * The point lines of a period: every occurrence, for the unit it concerns (or every unit of the
 * task), in that unit's role, under the enabled rule's points for that role. A unit not on the task
 * is not scored for it. The cap per task limits the sum of one rule's lines for one unit and task;
 * lines beyond it stay, at 0 points, marked `capped`, so the explanation still shows the fact.
 */
export function pointLinesOf(
  occurrences: readonly Occurrence[],
  facts: PeriodFacts,
  scheme: ScoringScheme,
): PointLine[] {
  const rules = new Map(scheme.rules.filter((rule) => rule.enabled).map((rule) => [rule.id, rule]));
  const unitsOf = new Map(facts.tasks.map((task) => [task.taskId, task.units]));
  const used = new Map<string, number>();
  const lines: PointLine[] = [];
  for (const occurrence of occurrences) {
    const rule = rules.get(occurrence.ruleId);
    if (!rule) continue;
    for (const unit of unitsOf.get(occurrence.taskId) ?? []) {
      if (occurrence.unitId !== null && unit.unitId !== occurrence.unitId) continue;
      let points = worth(rule, unit.role, occurrence);
      if (points === 0 && toHundredths(rule[unit.role]) === 0) continue;
      let detail = occurrence.detail;
      if (rule.capPerTask !== null) {
        const key = `${rule.id}:${unit.unitId}:${occurrence.taskId}`;
        const room = toHundredths(rule.capPerTask) - (used.get(key) ?? 0);
        if (Math.abs(points) > room) {
          points = Math.sign(points) * room;
          detail = { ...detail, capped: true };
        }
        used.set(key, (used.get(key) ?? 0) + Math.abs(points));
      }
      const { taskId, ruleId, occurredOn, refType, refId } = occurrence;
      lines.push({ unitId: unit.unitId, role: unit.role, taskId, ruleId, points, occurredOn, refType, refId, detail });
    }
  }
  return lines;
}

/** Standard competition ranking: 1, 2, 2, 4; equal scores in unit id order. */
export function rankScores<T extends { unitId: number; score: number }>(
  items: readonly T[],
): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => b.score - a.score || a.unitId - b.unitId);
  const ranked: Array<T & { rank: number }> = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    ranked.push({ ...item, rank: previous && previous.score === item.score ? previous.rank : index + 1 });
  });
  return ranked;
}

/**
 * Scores per unit and role: base + the unit's lines, raised to the scheme's floor when below it;
 * every unit of a period task has a score. The breakdown keeps every line's points, so base plus
 * the breakdown is the score before the floor (the explanation shows both).
 */
export function unitScoresOf(lines: readonly PointLine[], facts: PeriodFacts, scheme: ScoringScheme): UnitScore[] {
  const base = toHundredths(scheme.base);
  const floor = scheme.floor === null ? null : toHundredths(scheme.floor);
  const order = new Map(SCORING_RULE_IDS.map((id, index) => [id, index]));
  const byKey = new Map<
    string,
    {
      unitId: number;
      role: AssessmentRole;
      score: number;
      taskCount: number;
      rules: Map<ScoringRuleId, { count: number; points: number }>;
    }
  >();
  const entry = (unitId: number, role: AssessmentRole) => {
    const key = `${role}:${unitId}`;
    let found = byKey.get(key);
    if (!found) {
      found = { unitId, role, score: base, taskCount: 0, rules: new Map() };
      byKey.set(key, found);
    }
    return found;
  };
  for (const task of facts.tasks) for (const unit of task.units) entry(unit.unitId, unit.role).taskCount += 1;
  for (const line of lines) {
    const target = entry(line.unitId, line.role);
    target.score += line.points;
    const rule = target.rules.get(line.ruleId) ?? { count: 0, points: 0 };
    target.rules.set(line.ruleId, { count: rule.count + 1, points: rule.points + line.points });
  }
  // Clamped before ranking: every unit at the floor shares one rank (ties in unit id order).
  if (floor !== null) for (const item of byKey.values()) item.score = Math.max(item.score, floor);
  const results: UnitScore[] = [];
  for (const role of ['lead', 'cooperating'] as const) {
    const entries = [...byKey.values()].filter((item) => item.role === role);
    for (const item of rankScores(entries)) {
      const breakdown = [...item.rules.entries()]
        .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
        .map(([ruleId, value]) => ({ ruleId, ...value }));
      results.push({
        unitId: item.unitId,
        role,
        score: item.score,
        rank: item.rank,
        taskCount: item.taskCount,
        breakdown,
      });
    }
  }
  return results;
}

/** Scores a period: the tasks' outcomes, the point lines and the ranked results. */
export function scorePeriod(input: {
  facts: PeriodFacts;
  window: ScoringWindow;
  scheme: ScoringScheme;
  calendar: WorkingCalendar;
}): PeriodScoring {
  const { facts, window, scheme, calendar } = input;
  const outcomes = [...facts.tasks]
    .sort((a, b) => a.taskId - b.taskId)
    .map((task) => ({ taskId: task.taskId, outcome: taskOutcome(task, window) }));
  const wanted = new Set(scheme.rules.filter((rule) => rule.enabled).map((rule) => rule.id));
  const points = pointLinesOf(occurrencesOf(facts, window, calendar, wanted), facts, scheme);
  return { outcomes, points, results: unitScoresOf(points, facts, scheme) };
}

/**
 * The canonical text of a scoring, hashed into the period's fingerprint: results, outcomes and
 * point lines in a fixed order with fixed keys, so equal scorings give equal text on any dialect.
 */
export function canonicalScoring(scoring: PeriodScoring): string {
  const points = scoring.points
    .map((p) => [p.role, p.unitId, p.taskId, p.ruleId, p.refType, p.refId, p.occurredOn ?? '', p.points] as const)
    .sort(compareTuples);
  const results = scoring.results.map((r) => [
    r.role,
    r.unitId,
    r.score,
    r.rank,
    r.taskCount,
    r.breakdown.map((b) => [b.ruleId, b.count, b.points]),
  ]);
  return JSON.stringify({ results, outcomes: scoring.outcomes.map((o) => [o.taskId, o.outcome]), points });
}

/** Orders tuples field by field: numbers as numbers, text by code units (no locale). */
function compareTuples(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] as string | number, b[i] as string | number];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
