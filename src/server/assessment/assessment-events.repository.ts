import type { UnitEventFact } from '../../domain/assessment-facts.js';
import { DUPLICATE_SIMILARITY } from '../../shared/reports-api.js';
import type { Executor } from '../db/connect.js';
import type { FactsWindow } from './assessment-facts.repository.js';

// The unit-level facts of a period (returns, near-copies, urges and notices, coordination
// requests bounced), gathered set-based for all the period's tasks at once.

/**
 * Facts that happened to a unit on a day: reports returned (report_rounds_report_idx through
 * reports_task_unit_idx), reports flagged as near-copies, urges and notices
 * (supervision_actions_once_idx leads with task_id), coordination requests declined or passed on
 * by the unit asked (coordination_requests_task_idx). Each is bounded by the period's instants.
 */
export async function unitEvents(db: Executor, w: FactsWindow): Promise<UnitEventFact[]> {
  const [returns, duplicates, actions, coordination] = await Promise.all([
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('reports as r', 'r.task_id', 'at.task_id')
      .innerJoin('report_rounds as rr', 'rr.report_id', 'r.id')
      .select(['r.id', 'r.task_id', 'r.unit_id', 'rr.id as round_id', 'rr.at'])
      .where('at.period_id', '=', w.periodId)
      .where('rr.action', '=', 'return')
      .where('rr.at', '>=', w.from)
      .where('rr.at', '<', w.until)
      .orderBy('rr.id')
      .execute(),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('reports as r', 'r.task_id', 'at.task_id')
      .select(['r.id', 'r.task_id', 'r.unit_id', 'r.submitted_at', 'r.similar_report_id', 'r.similarity'])
      .where('at.period_id', '=', w.periodId)
      // Every report keeps its closest earlier match, however far; only a near copy is a duplicate.
      .where('r.similar_report_id', 'is not', null)
      .where('r.similarity', '>=', DUPLICATE_SIMILARITY)
      .where('r.submitted_at', '>=', w.from)
      .where('r.submitted_at', '<', w.until)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('supervision_actions as sa', 'sa.task_id', 'at.task_id')
      .select(['sa.id', 'sa.task_id', 'sa.unit_id', 'sa.kind', 'sa.created_at', 'sa.notice_id', 'sa.origin'])
      .where('at.period_id', '=', w.periodId)
      .where('sa.kind', 'in', ['urge', 'notice'])
      .where('sa.unit_id', 'is not', null)
      .where('sa.created_at', '>=', w.from)
      .where('sa.created_at', '<', w.until)
      .orderBy('sa.id')
      .execute(),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('coordination_requests as cr', 'cr.task_id', 'at.task_id')
      .select(['cr.id', 'cr.task_id', 'cr.to_unit_id', 'cr.status', 'cr.responded_at'])
      .where('at.period_id', '=', w.periodId)
      .where('cr.to_unit_id', 'is not', null)
      .where('cr.status', 'in', ['declined', 'passed_on'])
      .where('cr.responded_at', '>=', w.from)
      .where('cr.responded_at', '<', w.until)
      .orderBy('cr.id')
      .execute(),
  ]);
  const on = (instant: string | null) => w.day(instant) ?? '';
  return [
    ...returns.map((r) => ({
      kind: 'report_returned' as const,
      taskId: r.task_id,
      unitId: r.unit_id,
      on: on(r.at),
      refId: r.id,
      detail: { roundId: r.round_id },
    })),
    ...duplicates.map((r) => ({
      kind: 'report_duplicate' as const,
      taskId: r.task_id,
      unitId: r.unit_id,
      on: on(r.submitted_at),
      refId: r.id,
      detail: { similarReportId: r.similar_report_id, similarity: r.similarity },
    })),
    ...actions.map((a) => ({
      kind: a.kind === 'urge' ? ('urge' as const) : ('notice' as const),
      taskId: a.task_id,
      unitId: a.unit_id as number,
      on: on(a.created_at),
      refId: a.id,
      detail: { origin: a.origin, ...(a.notice_id === null ? {} : { noticeId: a.notice_id }) },
    })),
    ...coordination.map((c) => ({
      kind: 'coordination_declined' as const,
      taskId: c.task_id,
      unitId: c.to_unit_id as number,
      on: on(c.responded_at),
      refId: c.id,
      detail: { status: c.status },
    })),
  ];
}
