import type { NotificationKind } from '../../shared/notifications-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify } from '../notifications/notifications.service.js';
import type { ReportPeriodRow } from './report-slots.repository.js';

// Who hears about each step of a report (the in-app inbox, part D's notify): the unit head when
// staff submit, the supervision office when a lead report waits for it, the unit's people when it
// is accepted or returned, and the units of a task when a period's report falls due.

/** The period as notification texts show it: `2026-10-01–2026-10-31`. */
export function periodLabel(period: { period_start: string; period_end: string }): string {
  return `${period.period_start}–${period.period_end}`;
}

/** Notifies whoever the report's new status concerns. */
export async function notifyReportStep(
  trx: Executor,
  input: {
    reportId: number;
    taskId: number;
    unitId: number;
    period: { period_start: string; period_end: string };
    status: 'pending_head' | 'pending_supervisor' | 'accepted' | 'returned';
    reason?: string | null;
    actor: Actor;
  },
): Promise<void> {
  const kind: NotificationKind = `report.${input.status}`;
  const audience =
    input.status === 'pending_head'
      ? { unitIds: [input.unitId], roles: ['unit_head' as const] }
      : input.status === 'pending_supervisor'
        ? { roles: ['supervisor' as const] }
        : { unitIds: [input.unitId], roles: ['unit_head' as const, 'unit_staff' as const] };
  await notify(trx, {
    ...audience,
    kind,
    taskId: input.taskId,
    subjectType: 'report',
    subjectId: input.reportId,
    params: { period: periodLabel(input.period), ...(input.reason ? { reason: input.reason } : {}) },
    actor: input.actor,
  });
}

/** Tells the units of a task that a newly opened period's report is due (one call per task and period). */
export async function notifyReportsDue(
  trx: Executor,
  slots: ReadonlyArray<Omit<ReportPeriodRow, 'id'>>,
): Promise<void> {
  const groups = new Map<string, { slot: Omit<ReportPeriodRow, 'id'>; unitIds: number[] }>();
  for (const slot of slots) {
    const key = `${slot.task_id}|${slot.period_end}`;
    const group = groups.get(key);
    if (group) group.unitIds.push(slot.unit_id);
    else groups.set(key, { slot, unitIds: [slot.unit_id] });
  }
  for (const { slot, unitIds } of groups.values()) {
    await notify(trx, {
      unitIds,
      roles: ['unit_head', 'unit_staff'],
      kind: 'report.due',
      taskId: slot.task_id,
      subjectType: 'report_period',
      params: { period: periodLabel(slot), dueDate: slot.due_date },
    });
  }
}

/** Tells each unit about its report that was due and is not submitted (once per slot). */
export async function notifyReportsMissing(
  trx: Executor,
  slots: ReadonlyArray<
    Pick<ReportPeriodRow, 'id' | 'task_id' | 'unit_id' | 'period_start' | 'period_end' | 'due_date'>
  >,
): Promise<void> {
  for (const slot of slots) {
    await notify(trx, {
      unitIds: [slot.unit_id],
      roles: ['unit_head', 'unit_staff'],
      kind: 'report.missing',
      taskId: slot.task_id,
      subjectType: 'report_period',
      subjectId: slot.id,
      params: { period: periodLabel(slot), dueDate: slot.due_date },
    });
  }
}
