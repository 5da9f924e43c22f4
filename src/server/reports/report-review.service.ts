import { localDate } from '../../domain/dates.js';
import { lateWorkingDays } from '../../domain/report-cycle.js';
import { decideReview, type ReviewStatus } from '../../domain/review-flow.js';
import type { ReportAction, ReportContent } from '../../shared/reports-api.js';
import type { Actor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { evidenceOf, lockEvidence } from '../files/evidence.service.js';
import { auditTaskChange, recordTaskEvent, type TaskChange } from '../tasks/task-history.js';
import { requireVisibleReport } from './report-access.js';
import {
  checkComplete,
  checkMilestoneEvidence,
  checkPlanItems,
  explanationNeeded,
  findMostSimilar,
} from './report-guards.js';
import { notifyReportStep } from './report-notify.js';
import { findAcceptedPlanContent } from './report-plan.js';
import { applyAcceptedReport } from './report-progress.service.js';
import { getReportSettings } from './report-settings.service.js';
import {
  findEarlierReport,
  findPeriodRow,
  insertRoundRows,
  type ReportChanges,
  type ReportRoundRow,
  type ReportRow,
  updateReportRow,
} from './reports.repository.js';

/** The task timeline entry of each step of a report's review. */
const TIMELINE_ACTIONS: Record<ReportAction, string> = {
  submit: 'report_submitted',
  approve: 'report_approved',
  return: 'report_returned',
  accept: 'report_accepted',
};

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The report's content as a round's snapshot keeps it. */
export function reportContent(report: ReportRow, fileIds: readonly number[]): ReportContent {
  return {
    doneText: report.done_text,
    problems: report.problems,
    nextSteps: report.next_steps,
    coordination: report.coordination,
    percent: report.percent,
    targetValues: parseJson<Record<string, number>>(report.target_values, {}),
    milestonesDone: parseJson<string[]>(report.milestones_done, []),
    explanation: report.explanation,
    fileIds: [...fileIds],
  };
}

/**
 * One step of a report's review (src/domain/review-flow.ts): submit, approve, return, accept. A
 * cooperating unit's part is final once its head approves it (no supervision step); a head's own
 * submission carries their approval. Submitting runs the formalism guards; accepting a lead report
 * sets the task's progress and rolls it up. Each step keeps a round, lands on the task's timeline
 * and in the audit trail, and notifies whoever is next.
 */
export async function actOnReport(
  deps: { db: Database; config: Config },
  input: { reportId: number; action: ReportAction; reason?: string | null | undefined; version: number; actor: Actor },
): Promise<ReportRow> {
  const today = localDate(new Date(), deps.config.timeZone);
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(deps.db), getReportSettings(deps.db)]);
  return inTransaction(deps.db, async (trx) => {
    const { report, access, roles } = await requireVisibleReport(trx, input.actor, input.reportId);
    if (report.version !== input.version) throw new AppError('version_conflict', { object: 'report' });
    const decision = decideReview({
      status: report.status as ReviewStatus,
      action: input.action,
      roles,
      reason: input.reason,
    });
    if (!decision.ok) {
      if (decision.reason === 'illegal_action') {
        throw new AppError('report_action_illegal', {}, undefined, { allowed: decision.allowed });
      }
      if (decision.reason === 'reason_required') throw new AppError('reason_required', {}, 'reason');
      throw new AppError('forbidden');
    }
    const to: ReviewStatus =
      report.role === 'cooperating' && decision.to === 'pending_supervisor' ? 'accepted' : decision.to;
    const period = await findPeriodRow(trx, report.period_id);
    if (!period) throw new AppError('not_found', { object: 'report_period' });
    const now = nowIso();
    const changes: ReportChanges = { status: to, updated_at: now, updated_by: input.actor.userId };
    const rounds: Array<Omit<ReportRoundRow, 'id'>> = [];
    const round = (action: string, snapshot: ReportContent | null = null) =>
      rounds.push({
        report_id: report.id,
        at: now,
        actor_user_id: input.actor.userId,
        action,
        reason: input.reason?.trim() || null,
        snapshot: snapshot ? JSON.stringify(snapshot) : null,
      });

    if (input.action === 'submit') {
      const fileIds = await checkSubmission(trx, report, period.period_end);
      const finding = await findMostSimilar(trx, report);
      changes.similarity = finding.similarity;
      changes.similar_report_id = finding.reportId;
      changes.norm_length = finding.normLength;
      if (!report.submitted_at) {
        changes.submitted_at = now;
        changes.late_working_days = lateWorkingDays(calendar, period.due_date, today);
      }
      await lockEvidence(trx, 'report', report.id);
      round('submit', reportContent(report, fileIds));
      if (decision.impliedApproval) round('approve');
    } else {
      round(input.action);
    }

    const updated = await updateReportRow(trx, report.id, input.version, changes);
    if (!updated) throw new AppError('version_conflict', { object: 'report' });
    await insertRoundRows(trx, rounds);
    const change: TaskChange = {
      taskId: report.task_id,
      // A cooperating unit's part is final once its own head approves it: not a supervision acceptance.
      action:
        to === 'accepted'
          ? updated.role === 'lead'
            ? 'report_accepted'
            : 'report_part_accepted'
          : TIMELINE_ACTIONS[input.action],
      at: now,
      reason: input.reason ?? null,
      detail: {
        reportId: report.id,
        unitId: report.unit_id,
        role: report.role,
        period: [period.period_start, period.period_end],
        reportStatus: [report.status, to],
        ...(decision.impliedApproval ? { impliedApproval: true } : {}),
        ...(changes.similarity !== undefined ? { similarity: changes.similarity } : {}),
        ...(changes.late_working_days ? { lateWorkingDays: changes.late_working_days } : {}),
      },
    };
    // The step first on the timeline, then what it causes (the progress); its audit entry last.
    await recordTaskEvent(trx, input.actor, change);
    if (to === 'accepted' && updated.role === 'lead') {
      await applyAcceptedReport(trx, { report: updated, task: access.task, today, settings, actor: input.actor });
    }
    await notifyReportStep(trx, {
      reportId: report.id,
      taskId: report.task_id,
      unitId: report.unit_id,
      period,
      status: to as 'pending_head' | 'pending_supervisor' | 'accepted' | 'returned',
      reason: input.reason ?? null,
      actor: input.actor,
    });
    await auditTaskChange(trx, input.actor, change);
    return updated;
  });
}

/**
 * The guards a submission must pass, in the order a person fixes them: content, plan items,
 * evidence for newly met milestones, an explanation for a drop or a jump past an unmet milestone.
 * Answers the linked evidence file ids (for the round's snapshot).
 */
async function checkSubmission(trx: Executor, report: ReportRow, periodEnd: string): Promise<number[]> {
  checkComplete(report);
  const targetValues = parseJson<Record<string, number>>(report.target_values, {});
  const milestonesDone = parseJson<string[]>(report.milestones_done, []);
  const [plan, lastAccepted, evidence] = await Promise.all([
    findAcceptedPlanContent(trx, report.task_id),
    findEarlierReport(trx, {
      taskId: report.task_id,
      unitId: report.unit_id,
      beforePeriodEnd: periodEnd,
      statuses: ['accepted'],
    }),
    evidenceOf(trx, 'report', [report.id]),
  ]);
  checkPlanItems({ targetValues, milestonesDone }, plan);
  const files = evidence.get(report.id) ?? [];
  const previouslyDone = lastAccepted ? parseJson<string[]>(lastAccepted.milestones_done, []) : [];
  checkMilestoneEvidence({ milestonesDone, previouslyDone, plan, fileCount: files.length });
  const why = explanationNeeded({
    percent: report.percent ?? 0,
    previousPercent: lastAccepted?.percent ?? null,
    milestonesDone,
    previouslyDone,
    periodEnd,
    plan,
  });
  if (why && !report.explanation?.trim()) throw new AppError('explanation_required', { why }, 'explanation');
  return files.map((file) => file.id);
}
