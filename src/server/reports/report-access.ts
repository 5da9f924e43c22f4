import type { ReviewRole } from '../../domain/review-flow.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { isSupervising, requireVisibleTask, type VisibleTask } from '../tasks/task-access.js';
import { findReportRow, type ReportRow } from './reports.repository.js';

// Who may see and act on a report. Reports are seen by those who see the task (its units, the
// supervision office, leaders in charge, auditors); anyone else gets 404, like for the task. A
// draft is the unit's own work in progress: only that unit's people see it until it is submitted.

/** True when the actor works for this unit (staff or head): they write its reports. */
export function isStaffOf(actor: Actor, unitId: number): boolean {
  return actor.unitId === unitId && (actor.roles.has('unit_staff') || actor.roles.has('unit_head'));
}

/** How the actor stands to a report in the review flow (src/domain/review-flow.ts). */
export function reviewRolesFor(actor: Actor, report: Pick<ReportRow, 'unit_id'>, access: VisibleTask): ReviewRole[] {
  const roles: ReviewRole[] = [];
  if (isStaffOf(actor, report.unit_id)) roles.push('staff');
  if (actor.unitId === report.unit_id && actor.roles.has('unit_head')) roles.push('head');
  if (isSupervising(access.relations)) roles.push('supervision');
  return roles;
}

/** True when the actor may read this report (the task is visible to them). */
export function canSeeReport(actor: Actor, report: Pick<ReportRow, 'status' | 'unit_id'>): boolean {
  return report.status !== 'draft' || isStaffOf(actor, report.unit_id);
}

export interface VisibleReport {
  report: ReportRow;
  access: VisibleTask;
  roles: ReviewRole[];
}

/** A report the caller may see, with the task access and the caller's review roles; else 404. */
export async function requireVisibleReport(db: Executor, actor: Actor, reportId: number): Promise<VisibleReport> {
  const report = await findReportRow(db, reportId);
  if (!report) throw new AppError('not_found', { object: 'report' });
  let access: VisibleTask;
  try {
    access = await requireVisibleTask(db, actor, report.task_id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_found', { object: 'report' });
    throw error;
  }
  if (!canSeeReport(actor, report)) throw new AppError('not_found', { object: 'report' });
  return { report, access, roles: reviewRolesFor(actor, report, access) };
}
