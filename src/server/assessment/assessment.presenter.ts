import { readStoredScheme } from '../../domain/assessment-scheme.js';
import {
  type AssessmentRole,
  type BreakdownLine,
  type PeriodView,
  type PointLine,
  type PointRefType,
  periodSelectionSchema,
  type ScoringRuleId,
  TASK_OUTCOMES,
  type TaskOutcome,
  type UnitResult,
} from '../../shared/assessment-api.js';
import type { Executor } from '../db/connect.js';
import { personNames } from '../users/people-names.repository.js';
import { outcomeCounts, type PeriodRow } from './assessment.repository.js';
import type { PointRow, ResultRow } from './assessment-results.repository.js';

// Periods, league tables and explanation lines as the API answers them: fields listed one by one,
// hundredths turned into points, JSON columns parsed through the shared schemas.

/** Hundredths (as stored) to points (as shown). */
export const fromHundredths = (value: number): number => Number(value) / 100;

/** Periods as the API answers them, with outcome counts and who froze them (one query each). */
export async function presentPeriods(db: Executor, rows: readonly PeriodRow[]): Promise<PeriodView[]> {
  const [counts, names] = await Promise.all([
    outcomeCounts(
      db,
      rows.map((row) => row.id),
    ),
    personNames(
      db,
      rows.map((row) => row.frozen_by),
    ),
  ]);
  return rows.map((row) => {
    const found = counts.get(row.id) ?? {};
    const outcomes = Object.fromEntries(TASK_OUTCOMES.map((o) => [o, found[o] ?? 0])) as Record<TaskOutcome, number>;
    return {
      id: row.id,
      name: row.name,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      selection: periodSelectionSchema.parse(JSON.parse(row.selection)),
      scheme: readStoredScheme(row.scheme),
      status: row.status === 'frozen' ? 'frozen' : 'draft',
      previousPeriodId: row.previous_period_id,
      computedAt: row.computed_at,
      computedHash: row.computed_hash,
      frozenAt: row.frozen_at,
      frozenByName: row.frozen_by === null ? null : (names.get(row.frozen_by) ?? null),
      taskCount: Object.values(outcomes).reduce((a, b) => a + b, 0),
      outcomes,
      createdAt: row.created_at,
      version: row.version,
    };
  });
}

export async function presentPeriod(db: Executor, row: PeriodRow): Promise<PeriodView> {
  const [view] = await presentPeriods(db, [row]);
  if (!view) throw new Error('presentPeriods lost a row');
  return view;
}

/** One unit's line in a league table. */
export function presentResult(row: ResultRow, unitName: string): UnitResult {
  const breakdown = JSON.parse(row.breakdown) as Array<{ ruleId: ScoringRuleId; count: number; points: number }>;
  return {
    unitId: row.unit_id,
    unitName,
    role: row.role as AssessmentRole,
    score: fromHundredths(row.score),
    rank: row.rank,
    taskCount: row.task_count,
    breakdown: breakdown.map(
      (line): BreakdownLine => ({ ruleId: line.ruleId, count: line.count, points: fromHundredths(line.points) }),
    ),
  };
}

/** One explanation line with its task's number and title. */
export function presentPoint(row: PointRow, task: { number: string; title: string } | undefined): PointLine {
  return {
    taskId: row.task_id,
    taskNumber: task?.number ?? '',
    taskTitle: task?.title ?? '',
    ruleId: row.rule_id as ScoringRuleId,
    points: fromHundredths(row.points),
    occurredOn: row.occurred_on,
    refType: row.ref_type as PointRefType | null,
    refId: row.ref_id,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}
