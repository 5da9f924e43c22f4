import { localDate } from '../../domain/dates.js';
import { lateWorkingDays } from '../../domain/report-cycle.js';
import { isEditableReview, type ReviewStatus } from '../../domain/review-flow.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { attachEvidence } from '../files/evidence.service.js';
import { assertAllowed } from '../policy.js';
import { isSupervising, requireVisibleTask } from '../tasks/task-access.js';
import { unitNames } from '../units/unit-names.repository.js';
import { canSeeReport, isStaffOf, requireVisibleReport } from './report-access.js';
import { assignedDateOf, resolveCycle } from './report-cycle.service.js';
import { checkPlanItems } from './report-guards.js';
import { findAcceptedPlanContent } from './report-plan.js';
import { getReportSettings } from './report-settings.service.js';
import { findCycleRow, type ReportPeriodRow } from './report-slots.repository.js';
import { openReportSlotsForTask } from './report-slots.service.js';
import { findTaskReportState } from './report-state.repository.js';
import {
  findEarlierReport,
  findPeriodRow,
  findReportOfPeriod,
  insertReportRow,
  listTaskPeriodRows,
  listTaskReportSummaries,
  type ReportChanges,
  type ReportRow,
  type ReportSummaryRow,
  updateReportRow,
} from './reports.repository.js';

export interface ReportDeps {
  db: Database;
  config: Config;
}

/** At most this many slots are listed on a task (a weekly cycle with a few units over years). */
const MAX_LISTED_SLOTS = 3000;

/** One period of a task with its slots, as GET /tasks/:id/reports lists it. */
export interface TaskReportPeriod {
  start: string;
  end: string;
  dueDate: string;
  missingWorkingDays: number | null;
  slots: Array<{ period: ReportPeriodRow; report: ReportSummaryRow | null }>;
}

/**
 * A task's reports by period, newest first, with the cycle, the stalled mark and the missing
 * marks. Opens the task's due slots first, so a period that has just ended is there. Another
 * unit's draft is shown as an empty slot.
 */
export async function getTaskReports(deps: ReportDeps, input: { taskId: number; actor: Actor }) {
  const { db, config } = deps;
  const access = await requireVisibleTask(db, input.actor, input.taskId);
  await openReportSlotsForTask(db, input.taskId, config.timeZone);
  const today = localDate(new Date(), config.timeZone);
  const [settings, cycleRow, periods, reports, state, calendar] = await Promise.all([
    getReportSettings(db),
    findCycleRow(db, input.taskId),
    listTaskPeriodRows(db, input.taskId, MAX_LISTED_SLOTS),
    listTaskReportSummaries(db, input.taskId),
    findTaskReportState(db, input.taskId),
    loadWorkingCalendar(db),
  ]);
  const byPeriod = new Map(reports.map((r) => [r.period_id, r]));
  const grouped: TaskReportPeriod[] = [];
  for (const period of periods) {
    let group = grouped.at(-1);
    if (!group || group.end !== period.period_end) {
      group = {
        start: period.period_start,
        end: period.period_end,
        dueDate: period.due_date,
        missingWorkingDays: null,
        slots: [],
      };
      grouped.push(group);
    }
    const report = byPeriod.get(period.id);
    group.slots.push({ period, report: report && canSeeReport(input.actor, report) ? report : null });
    if (period.role === 'lead') group.dueDate = period.due_date;
  }
  for (const group of grouped) {
    const leads = group.slots.filter((slot) => slot.period.role === 'lead');
    const submitted = leads.some((slot) => byPeriod.get(slot.period.id)?.submitted_at);
    if (leads.length > 0 && !submitted && today > group.dueDate) {
      group.missingWorkingDays = lateWorkingDays(calendar, group.dueDate, today);
    }
  }
  const names = await unitNames(
    db,
    periods.map((p) => p.unit_id),
  );
  const ownUnitIds = access.units.filter((u) => isStaffOf(input.actor, u.unit_id)).map((u) => u.unit_id);
  return {
    cycle: resolveCycle(cycleRow, settings, assignedDateOf(access.task, config.timeZone)),
    dueWorkingDays: settings.dueWorkingDays,
    stalled: Boolean(state?.stalled),
    stalledSince: state?.stalled_since ?? null,
    ownUnitIds,
    canSetCycle: isSupervising(access.relations),
    periods: grouped,
    names,
  };
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Starts the caller's unit's report for a slot, or answers the one already started (so a form
 * opened twice does not fail). The draft starts from the unit's last accepted percent and
 * milestones — never from its text, which must be written anew each period.
 */
export async function startReport(
  deps: ReportDeps,
  input: { taskId: number; periodId: number; actor: Actor },
): Promise<{ report: ReportRow; created: boolean }> {
  return inTransaction(deps.db, async (trx) => {
    await requireVisibleTask(trx, input.actor, input.taskId);
    const period = await findPeriodRow(trx, input.periodId);
    if (!period || period.task_id !== input.taskId)
      throw new AppError('not_found', { object: 'report_period' }, 'periodId');
    assertAllowed(isStaffOf(input.actor, period.unit_id));
    const existing = await findReportOfPeriod(trx, period.id);
    if (existing) return { report: existing, created: false };
    const previous = await findEarlierReport(trx, {
      taskId: period.task_id,
      unitId: period.unit_id,
      beforePeriodEnd: period.period_end,
      statuses: ['accepted'],
    });
    const now = nowIso();
    const inserted = await insertReportRow(trx, {
      period_id: period.id,
      task_id: period.task_id,
      unit_id: period.unit_id,
      role: period.role,
      period_end: period.period_end,
      status: 'draft',
      done_text: '',
      problems: '',
      next_steps: '',
      coordination: '',
      percent: previous?.percent ?? null,
      target_values: '{}',
      milestones_done: JSON.stringify(previous ? parseIds(previous.milestones_done) : []),
      explanation: null,
      public_summary: null,
      norm_length: null,
      similarity: null,
      similar_report_id: null,
      submitted_at: null,
      late_working_days: null,
      version: 1,
      created_by: input.actor.userId,
      created_at: now,
      updated_by: input.actor.userId,
      updated_at: now,
    });
    if (!inserted) {
      const raced = await findReportOfPeriod(trx, period.id);
      if (!raced) throw new AppError('version_conflict', { object: 'report' });
      return { report: raced, created: false };
    }
    await insertAuditEntry(trx, input.actor, {
      action: 'report.create',
      objectType: 'report',
      objectId: inserted.id,
      detail: { taskId: period.task_id, unitId: period.unit_id, period: [period.period_start, period.period_end] },
    });
    return { report: inserted, created: true };
  });
}

export interface DraftFields {
  doneText?: string | undefined;
  problems?: string | undefined;
  nextSteps?: string | undefined;
  coordination?: string | undefined;
  percent?: number | null | undefined;
  targetValues?: Record<string, number> | undefined;
  milestonesDone?: string[] | undefined;
  explanation?: string | null | undefined;
  publicSummary?: string | null | undefined;
  fileIds?: number[] | undefined;
}

function draftColumns(fields: DraftFields): ReportChanges {
  const columns: ReportChanges = {};
  if (fields.doneText !== undefined) columns.done_text = fields.doneText;
  if (fields.problems !== undefined) columns.problems = fields.problems;
  if (fields.nextSteps !== undefined) columns.next_steps = fields.nextSteps;
  if (fields.coordination !== undefined) columns.coordination = fields.coordination;
  if (fields.percent !== undefined)
    columns.percent = fields.percent === null ? null : Math.round(fields.percent * 100) / 100;
  if (fields.targetValues !== undefined) columns.target_values = JSON.stringify(fields.targetValues);
  if (fields.milestonesDone !== undefined)
    columns.milestones_done = JSON.stringify([...new Set(fields.milestonesDone)]);
  if (fields.explanation !== undefined) columns.explanation = fields.explanation?.trim() ? fields.explanation : null;
  // Public summary (migration 0015): shown on the public page once the report is accepted.
  if (fields.publicSummary !== undefined) columns.public_summary = fields.publicSummary?.trim() || null;
  return columns;
}

/**
 * Saves a draft (or a returned report being fixed): the form autosaves as people type, so this is
 * one versioned row update — no review round and no audit entry (what is submitted is kept in the
 * round's snapshot and audited then). Plan items are checked only when sent, evidence links only
 * replaced when `fileIds` is sent.
 */
export async function saveReportDraft(
  deps: ReportDeps,
  input: DraftFields & { reportId: number; version: number; actor: Actor },
): Promise<ReportRow> {
  return inTransaction(deps.db, async (trx) => {
    const { report } = await requireVisibleReport(trx, input.actor, input.reportId);
    assertAllowed(isStaffOf(input.actor, report.unit_id));
    if (!isEditableReview(report.status as ReviewStatus)) throw new AppError('report_not_editable');
    if (report.version !== input.version) throw new AppError('version_conflict', { object: 'report' });
    if (input.targetValues !== undefined || input.milestonesDone !== undefined) {
      checkPlanItems(input, await findAcceptedPlanContent(trx, report.task_id));
    }
    if (input.fileIds !== undefined) {
      await attachEvidence(trx, {
        taskId: report.task_id,
        fileIds: input.fileIds,
        subjectType: 'report',
        subjectId: report.id,
        actor: input.actor,
      });
    }
    const updated = await updateReportRow(trx, report.id, input.version, {
      ...draftColumns(input),
      updated_at: nowIso(),
      updated_by: input.actor.userId,
    });
    if (!updated) throw new AppError('version_conflict', { object: 'report' });
    return updated;
  });
}
