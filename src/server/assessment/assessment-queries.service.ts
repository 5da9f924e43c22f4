import { readStoredScheme } from '../../domain/assessment-scheme.js';
import { toHundredths } from '../../domain/assessment-scoring.js';
import {
  ASSESSMENT_LIMITS,
  type AssessmentRole,
  type ExplanationView,
  type ResultsView,
  type ScoringRuleId,
} from '../../shared/assessment-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { unitNames } from '../units/unit-names.repository.js';
import { fromHundredths, presentPeriod, presentPoint, presentResult } from './assessment.presenter.js';
import { listPeriodRows } from './assessment.repository.js';
import { requirePeriod } from './assessment.service.js';
import { requireRead } from './assessment-access.js';
import {
  findResultRow,
  listPointRows,
  listResultRows,
  taskTitles,
  trendRows,
} from './assessment-results.repository.js';

// Reading a period's scores: league tables, the explanation of one unit's score line by line, and
// the trend over periods. Everything comes from the stored rows (never recomputed on read), so a
// frozen period always answers what it was frozen with.

/** One league table (lead or cooperating units), best first. */
export async function getResults(
  db: Database,
  input: { periodId: number; role: AssessmentRole; actor: Actor },
): Promise<ResultsView> {
  requireRead(input.actor);
  const row = await requirePeriod(db, input.periodId);
  const results = await listResultRows(db, row.id, input.role);
  const names = await unitNames(
    db,
    results.map((r) => r.unit_id),
  );
  return {
    period: await presentPeriod(db, row),
    role: input.role,
    items: results.map((r) => presentResult(r, names.get(r.unit_id) ?? '')),
  };
}

/** Why a unit has its score: every point line with its task and fact (404 when it has no score). */
export async function explainScore(
  db: Database,
  input: { periodId: number; unitId: number; role: AssessmentRole; ruleId?: ScoringRuleId | undefined; actor: Actor },
): Promise<ExplanationView> {
  requireRead(input.actor);
  const period = await requirePeriod(db, input.periodId);
  const result = await findResultRow(db, period.id, input.role, input.unitId);
  if (!result) throw new AppError('not_found', { object: 'assessment_result' });
  const points = await listPointRows(db, {
    periodId: period.id,
    unitId: input.unitId,
    role: input.role,
    ruleId: input.ruleId,
    limit: ASSESSMENT_LIMITS.pageMax * 10,
  });
  const [tasks, names] = await Promise.all([
    taskTitles(
      db,
      points.map((p) => p.task_id),
    ),
    unitNames(db, [input.unitId]),
  ]);
  const scheme = readStoredScheme(period.scheme);
  // The stored breakdown has every rule's points (whatever ruleId filters the lines), so base plus
  // it is the score before the floor; the score itself was stored floored.
  const breakdown = JSON.parse(result.breakdown) as Array<{ points: number }>;
  const unclamped = toHundredths(scheme.base) + breakdown.reduce((sum, line) => sum + Number(line.points), 0);
  return {
    unitId: input.unitId,
    unitName: names.get(input.unitId) ?? '',
    role: input.role,
    score: fromHundredths(result.score),
    base: scheme.base,
    floor: scheme.floor,
    unclampedScore: fromHundredths(unclamped),
    floored: unclamped < Number(result.score),
    items: points.map((p) => presentPoint(p, tasks.get(p.task_id))),
  };
}

/** Computed periods oldest first (at most the last 12), with the average lead score and a unit's own. */
export async function scoreTrend(db: Database, input: { unitId?: number | undefined; actor: Actor }) {
  requireRead(input.actor);
  const periods = (await listPeriodRows(db))
    .filter((p) => p.computed_at !== null)
    .slice(0, 12)
    .reverse();
  const { averages, unitScores } = await trendRows(
    db,
    periods.map((p) => p.id),
    input.unitId,
  );
  const score = (value: number | undefined) => (value === undefined ? null : fromHundredths(value));
  return {
    items: periods.map((p) => ({
      periodId: p.id,
      periodName: p.name,
      endsOn: p.ends_on,
      averageScore: score(averages.get(p.id)),
      unitScore: score(unitScores.get(p.id)),
    })),
  };
}
