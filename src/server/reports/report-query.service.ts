import { diffChars } from 'diff';
import type { z } from 'zod';
import { availableReviewActions, isEditableReview, type ReviewStatus } from '../../domain/review-flow.js';
import { textSimilarity } from '../../domain/text-similarity.js';
import {
  DUPLICATE_SIMILARITY,
  type reportCompareSchema,
  type reportDetailSchema,
  type reviewQueueSchema,
} from '../../shared/reports-api.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { evidenceOf } from '../files/evidence.service.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { assertAllowed, can } from '../policy.js';
import { unitNames } from '../units/unit-names.repository.js';
import { personNames } from '../users/people-names.repository.js';
import { canSeeReport, isStaffOf, requireVisibleReport } from './report-access.js';
import { reportText } from './report-guards.js';
import { reportContent } from './report-review.service.js';
import { presentSummary } from './reports.presenter.js';
import { findPeriodRow, listCooperatingParts, listQueueRows, listRoundRows } from './reports.repository.js';
import type { ReportDeps } from './reports.service.js';

/** Giving up on a character diff after this long: two long, unrelated texts are shown whole. */
const DIFF_TIMEOUT_MS = 1000;

function person(names: Map<number, string>, id: number | null) {
  return id === null ? null : { id, displayName: names.get(id) ?? '' };
}

/** One report with its rounds, evidence, the cooperating parts of its period (on a lead report) and what the caller may do. */
export async function getReportDetail(
  deps: ReportDeps,
  input: { reportId: number; actor: Actor },
): Promise<z.infer<typeof reportDetailSchema>> {
  const { db } = deps;
  const { report, access, roles } = await requireVisibleReport(db, input.actor, input.reportId);
  const [period, rounds, evidence, parts] = await Promise.all([
    findPeriodRow(db, report.period_id),
    listRoundRows(db, report.id),
    evidenceOf(db, 'report', [report.id]),
    report.role === 'lead' ? listCooperatingParts(db, report.task_id, report.period_end) : Promise.resolve([]),
  ]);
  if (!period) throw new AppError('not_found', { object: 'report' });
  const visibleParts = parts.filter((part) => canSeeReport(input.actor, part));
  const [units, people] = await Promise.all([
    unitNames(db, [report.unit_id, ...visibleParts.map((p) => p.unit_id)]),
    personNames(db, [report.created_by, ...rounds.map((r) => r.actor_user_id)]),
  ]);
  const status = report.status as ReviewStatus;
  const allowed = availableReviewActions(status, roles).filter(
    (action) => report.role === 'lead' || action !== 'accept',
  );
  const content = reportContent(report, []);
  return {
    ...presentSummary(report, units),
    task: { id: access.task.id, number: access.task.number, title: access.task.title },
    period: { start: period.period_start, end: period.period_end, dueDate: period.due_date },
    doneText: content.doneText,
    problems: content.problems,
    nextSteps: content.nextSteps,
    coordination: content.coordination,
    targetValues: content.targetValues,
    milestonesDone: content.milestonesDone,
    explanation: content.explanation,
    publicSummary: report.public_summary,
    files: evidence.get(report.id) ?? [],
    rounds: rounds.map((round) => ({
      id: round.id,
      at: round.at,
      actor: person(people, round.actor_user_id),
      action: round.action,
      reason: round.reason,
      snapshot: round.snapshot ? JSON.parse(round.snapshot) : null,
    })),
    parts: visibleParts.map((part) => ({
      ...presentSummary(part, units),
      doneText: part.done_text,
      problems: part.problems,
      nextSteps: part.next_steps,
      coordination: part.coordination,
    })),
    allowedActions: allowed,
    canEdit: isStaffOf(input.actor, report.unit_id) && isEditableReview(status),
    createdBy: person(people, report.created_by),
    createdAt: report.created_at,
  };
}

/**
 * Two reports side by side (the reviewer opens a 重复/雷同 flag): both texts, their similarity
 * and a character-level diff from the left text to the right. Each must be visible to the caller.
 */
export async function compareReports(
  deps: ReportDeps,
  input: { reportId: number; otherId: number; actor: Actor },
): Promise<z.infer<typeof reportCompareSchema>> {
  const left = await requireVisibleReport(deps.db, input.actor, input.reportId);
  const right = await requireVisibleReport(deps.db, input.actor, input.otherId);
  const units = await unitNames(deps.db, [left.report.unit_id, right.report.unit_id]);
  const side = (visible: typeof left) => ({
    id: visible.report.id,
    taskId: visible.access.task.id,
    taskNumber: visible.access.task.number,
    unitId: visible.report.unit_id,
    unitName: units.get(visible.report.unit_id) ?? '',
    periodEnd: visible.report.period_end,
    status: visible.report.status as ReviewStatus,
    text: reportText(visible.report),
  });
  const [a, b] = [side(left), side(right)];
  const changes = diffChars(a.text, b.text, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: a.text, added: false, removed: true },
    { value: b.text, added: true, removed: false },
  ];
  return {
    left: a,
    right: b,
    similarity: Math.round(textSimilarity(a.text, b.text) * 10000) / 10000,
    diff: changes.map((change) => ({ value: change.value, added: change.added, removed: change.removed })),
  };
}

/** Reports waiting for the supervision office, oldest first, filtered by late, flagged, unit and key task. */
export async function listReviewQueue(
  deps: ReportDeps,
  input: {
    late?: boolean | undefined;
    flagged?: boolean | undefined;
    key?: boolean | undefined;
    unitId?: number | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<z.infer<typeof reviewQueueSchema>> {
  assertAllowed(can.manageTasks(input.actor));
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined;
  if (after && (typeof after[0] !== 'string' || typeof after[1] !== 'number')) {
    throw new AppError('invalid_cursor', {}, 'cursor');
  }
  const rows = await listQueueRows(deps.db, {
    late: input.late,
    flagged: input.flagged,
    key: input.key,
    unitId: input.unitId,
    threshold: DUPLICATE_SIMILARITY,
    after: after ? { updatedAt: String(after[0]), id: Number(after[1]) } : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const units = await unitNames(
    deps.db,
    page.map((row) => row.unit_id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...presentSummary(row, units),
      task: { id: row.task_id, number: row.task_number, title: row.task_title, isKey: Boolean(row.task_is_key) },
      period: { start: row.period_start, end: row.period_end, dueDate: row.due_date },
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.updated_at, last.id]) : null,
  };
}
