import { localDate } from '../../domain/dates.js';
import { dayAfter, mondayOf, periodEndingOnOrAfter, type ReportCycle } from '../../domain/report-cycle.js';
import type { ReportCycleKind } from '../../shared/reports-api.js';
import { OPEN_STATUSES, type TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed } from '../policy.js';
import { isSupervising, requireVisibleTask } from '../tasks/task-access.js';
import { recordTaskChange } from '../tasks/task-history.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import type { ReportSettings } from './report-settings.service.js';
import {
  findCycleRow,
  findScheduleRow,
  insertCycleRow,
  lastOpenedPeriodEnd,
  PARKED,
  type ReportCycleRow,
  updateCycleRow,
  upsertSchedule,
} from './report-slots.repository.js';

/** A task's cycle as it applies: its own, or the setting's default (version 0 then). */
export interface ResolvedCycle {
  cycle: ReportCycle;
  isDefault: boolean;
  version: number;
}

/** What resolving needs of a stored cycle row (a join may give only these columns). */
type StoredCycle = Pick<ReportCycleRow, 'kind' | 'custom_dates' | 'anchor_date'> & { version?: number };

function parseDates(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

/** The local date a task was assigned on, or null while it is a draft. */
export function assignedDateOf(task: Pick<TaskRow, 'assigned_at'>, timeZone: string): string | null {
  return task.assigned_at ? localDate(new Date(task.assigned_at), timeZone) : null;
}

/**
 * The cycle that applies to a task. Without a stored anchor, biweekly blocks start on the Monday of
 * the week the task was assigned and the first custom period starts on the assignment date.
 */
export function resolveCycle(
  stored: StoredCycle | null | undefined,
  settings: Pick<ReportSettings, 'defaultCycle'>,
  assignedDate: string | null,
): ResolvedCycle {
  const kind = (stored?.kind ?? settings.defaultCycle) as ReportCycleKind;
  const customDates = stored ? parseDates(stored.custom_dates) : [];
  let anchorDate = stored?.anchor_date ?? null;
  if (!anchorDate && assignedDate && kind === 'biweekly') anchorDate = mondayOf(assignedDate);
  if (!anchorDate && assignedDate && kind === 'custom') anchorDate = assignedDate;
  return { cycle: { kind, customDates, anchorDate }, isDefault: !stored, version: stored?.version ?? 0 };
}

/** True for the statuses in which a task reports. */
export function isOpenTask(status: string): boolean {
  return OPEN_STATUSES.includes(status as TaskStatus);
}

/**
 * After a cycle change: the next period end under the new cycle, counted from today (and never
 * before a period already opened), so the change does not open past periods retroactively.
 */
export async function nextPeriodEndFromToday(trx: Executor, taskId: number, cycle: ReportCycle, today: string) {
  const lastOpened = await lastOpenedPeriodEnd(trx, taskId);
  const from = lastOpened && dayAfter(lastOpened) > today ? dayAfter(lastOpened) : today;
  return periodEndingOnOrAfter(cycle, from)?.end ?? PARKED;
}

/**
 * Sets a task's own reporting cycle (supervision only). `version` 0 creates the first own cycle of
 * a task following the default; otherwise it must match (409). An open task's schedule moves to
 * the new cycle from today on (no past period is opened retroactively); slots already opened stay.
 */
export async function setReportCycle(
  deps: { db: Database; config: Config },
  input: {
    taskId: number;
    version: number;
    kind: ReportCycleKind;
    customDates?: string[] | undefined;
    anchorDate?: string | null | undefined;
    settings: ReportSettings;
    actor: Actor;
  },
): Promise<ResolvedCycle> {
  const today = localDate(new Date(), deps.config.timeZone);
  return inTransaction(deps.db, async (trx) => {
    const { task, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    assertAllowed(isSupervising(relations));
    const before = await findCycleRow(trx, task.id);
    const customDates = input.kind === 'custom' ? [...new Set(input.customDates ?? [])].sort() : [];
    const values = {
      kind: input.kind,
      custom_dates: JSON.stringify(customDates),
      anchor_date: input.kind === 'biweekly' || input.kind === 'custom' ? (input.anchorDate ?? null) : null,
      updated_at: nowIso(),
      updated_by: input.actor.userId,
    };
    const row =
      input.version === 0
        ? await insertCycleRow(trx, { task_id: task.id, version: 1, ...values })
        : await updateCycleRow(trx, task.id, input.version, values);
    if (!row) throw new AppError('version_conflict', { object: 'report_cycle' });
    const resolved = resolveCycle(row, input.settings, assignedDateOf(task, deps.config.timeZone));
    // A task already on the schedule moves to the new cycle from today; one not yet seen by the
    // slot job will be scheduled from its assignment date under the new cycle.
    if ((await findScheduleRow(trx, task.id)) && isOpenTask(task.status)) {
      await upsertSchedule(trx, task.id, await nextPeriodEndFromToday(trx, task.id, resolved.cycle, today));
    }
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'report_cycle',
      at: values.updated_at,
      detail: {
        from: before ? { kind: before.kind, customDates: parseDates(before.custom_dates) } : 'default',
        to: { kind: input.kind, customDates, anchorDate: values.anchor_date },
      },
    });
    return resolved;
  });
}
