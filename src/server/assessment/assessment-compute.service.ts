import { createHash } from 'node:crypto';
import { readStoredScheme } from '../../domain/assessment-scheme.js';
import { canonicalScoring, type PeriodScoring, scorePeriod } from '../../domain/assessment-scoring.js';
import { localDate } from '../../domain/dates.js';
import {
  ASSESSMENT_ROLES,
  type PeriodSelection,
  type PeriodView,
  periodSelectionSchema,
  type ScoringScheme,
} from '../../shared/assessment-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { unitNames } from '../units/unit-names.repository.js';
import { presentPeriod } from './assessment.presenter.js';
import { updatePeriodRow } from './assessment.repository.js';
import { assertDraft, requirePeriod } from './assessment.service.js';
import { requireManage } from './assessment-access.js';
import { localDayReader, periodInstants } from './assessment-clock.js';
import { gatherPeriodFacts } from './assessment-facts.repository.js';
import { resolvePeriodTasks, setOutcomes } from './assessment-members.repository.js';
import { deleteScores, insertPointRows, insertResultRows, listResultRows } from './assessment-results.repository.js';

// Computing and freezing a period. Computing replaces the period's task list, scores and point
// lines in one transaction and fingerprints the result (SHA-256 of its canonical text): the same
// data computed twice gives the same fingerprint, on SQLite and PostgreSQL alike. Freezing
// publishes it: the stored rows are the period's scores from then on, whatever happens to tasks.

interface Deps {
  db: Database;
  config: Config;
}

/** The fingerprint of a scoring. */
export function scoringHash(scoring: PeriodScoring): string {
  return createHash('sha256').update(canonicalScoring(scoring)).digest('hex');
}

/** Scores the period inside the caller's transaction and stores everything; answers the scoring. */
export async function scoreAndStore(
  trx: Executor,
  input: {
    periodId: number;
    startsOn: string;
    endsOn: string;
    selection: PeriodSelection;
    scheme: ScoringScheme;
    timeZone: string;
    today: string;
  },
): Promise<PeriodScoring> {
  const { periodId, startsOn, endsOn, timeZone } = input;
  const { from, until } = periodInstants(startsOn, endsOn, timeZone);
  await deleteScores(trx, periodId);
  await resolvePeriodTasks(trx, { periodId, selection: input.selection, from, until });
  const [facts, calendar] = await Promise.all([
    gatherPeriodFacts(trx, { periodId, startsOn, endsOn, from, until, day: localDayReader(timeZone) }),
    loadWorkingCalendar(trx),
  ]);
  const scoring = scorePeriod({
    facts,
    window: { startsOn, endsOn, today: input.today },
    scheme: input.scheme,
    calendar,
  });
  await setOutcomes(trx, periodId, scoring.outcomes);
  await insertResultRows(
    trx,
    scoring.results.map((r) => ({
      period_id: periodId,
      unit_id: r.unitId,
      role: r.role,
      score: r.score,
      rank: r.rank,
      task_count: r.taskCount,
      breakdown: JSON.stringify(r.breakdown),
    })),
  );
  await insertPointRows(
    trx,
    scoring.points.map((p) => ({
      period_id: periodId,
      unit_id: p.unitId,
      role: p.role,
      task_id: p.taskId,
      rule_id: p.ruleId,
      points: p.points,
      occurred_on: p.occurredOn,
      ref_type: p.refType,
      ref_id: p.refId,
      detail: Object.keys(p.detail).length ? JSON.stringify(p.detail) : null,
    })),
  );
  return scoring;
}

/** Computes a draft period's scores (supervision); 409 once frozen. */
export async function computePeriod(deps: Deps, input: { periodId: number; actor: Actor }): Promise<PeriodView> {
  requireManage(input.actor);
  const today = localDate(new Date(), deps.config.timeZone);
  return inTransaction(deps.db, async (trx) => {
    const row = await requirePeriod(trx, input.periodId);
    assertDraft(row);
    const scoring = await scoreAndStore(trx, {
      periodId: row.id,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      selection: periodSelectionSchema.parse(JSON.parse(row.selection)),
      scheme: readStoredScheme(row.scheme),
      timeZone: deps.config.timeZone,
      today,
    });
    const hash = scoringHash(scoring);
    const now = nowIso();
    const updated = await updatePeriodRow(trx, row.id, row.version, {
      computed_at: now,
      computed_hash: hash,
      updated_at: now,
    });
    if (!updated) throw new AppError('version_conflict', { object: 'assessment_period' });
    await insertAuditEntry(trx, input.actor, {
      action: 'assessment.compute',
      objectType: 'assessment_period',
      objectId: row.id,
      detail: { hash, tasks: scoring.outcomes.length, points: scoring.points.length, asOf: today },
    });
    return presentPeriod(trx, updated);
  });
}

/** League tables as the audit trail keeps them: every unit's rank and score, up to 100 per role. */
async function leagueSummary(trx: Executor, periodId: number) {
  const summary: Record<string, unknown> = {};
  for (const role of ASSESSMENT_ROLES) {
    const rows = await listResultRows(trx, periodId, role);
    const names = await unitNames(
      trx,
      rows.slice(0, 100).map((r) => r.unit_id),
    );
    summary[role] = {
      units: rows.length,
      table: rows
        .slice(0, 100)
        .map((r) => ({ rank: r.rank, unitId: r.unit_id, unit: names.get(r.unit_id) ?? '', score: r.score / 100 })),
    };
  }
  return summary;
}

/** Freezes (publishes) a computed draft period; its fingerprint and league tables go to the audit trail. */
export async function freezePeriod(
  deps: Deps,
  input: { periodId: number; version: number; actor: Actor },
): Promise<PeriodView> {
  requireManage(input.actor);
  return inTransaction(deps.db, async (trx) => {
    const row = await requirePeriod(trx, input.periodId);
    assertDraft(row);
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'assessment_period' });
    if (row.computed_at === null || row.computed_hash === null) throw new AppError('period_not_computed');
    const now = nowIso();
    const updated = await updatePeriodRow(trx, row.id, row.version, {
      status: 'frozen',
      frozen_at: now,
      frozen_by: input.actor.userId,
      updated_at: now,
    });
    if (!updated) throw new AppError('version_conflict', { object: 'assessment_period' });
    await insertAuditEntry(trx, input.actor, {
      action: 'assessment.freeze',
      objectType: 'assessment_period',
      objectId: row.id,
      detail: {
        name: row.name,
        hash: row.computed_hash,
        computedAt: row.computed_at,
        leagueTables: await leagueSummary(trx, row.id),
      },
    });
    return presentPeriod(trx, updated);
  });
}
