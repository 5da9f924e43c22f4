import {
  type CreateScheduleBody,
  type Schedule,
  STATUS_REPORT_LIMITS,
  type StatusReportFrequency,
  type UpdateScheduleBody,
} from '../../shared/status-reports-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { StatusReportDeps } from './status-report-build.service.js';
import { findPeriodSubject, findSourceSubject } from './status-report-data.repository.js';
import { presentSchedule, recipientIdsOf } from './status-report-schedules.presenter.js';
import {
  deleteScheduleRow,
  findPeople,
  findScheduleRow,
  insertScheduleRow,
  listRecentRuns,
  listScheduleRows,
  type ScheduleRow,
  subjectTitles,
  updateScheduleRow,
} from './status-report-schedules.repository.js';
import { nextDueAt } from './status-report-window.js';

// Schedules of implementation reports (settings): the supervision office says what is reported
// (a source or a period), how often and when, in which formats, to whom, and in whose scope.

/** What the settings need: the database and the time zone (due times are local). */
export type ScheduleDeps = Pick<StatusReportDeps, 'db' | 'config'>;

/** Setting up schedules and sending them now: the supervision office and administrators. */
export function mayManageSchedules(actor: Actor): boolean {
  return actor.roles.has('supervisor') || actor.roles.has('admin') || actor.via === 'system';
}

function assertManager(actor: Actor): void {
  if (!mayManageSchedules(actor)) throw new AppError('forbidden');
}

/** 404 unless the schedule exists. */
export async function requireSchedule(db: Executor, id: number): Promise<ScheduleRow> {
  const row = await findScheduleRow(db, id);
  if (!row) throw new AppError('not_found', { object: 'resource' });
  return row;
}

/** The schedules as answered, with names, subjects and their latest runs. */
export async function presentSchedules(db: Executor, rows: readonly ScheduleRow[]): Promise<Schedule[]> {
  const ids = rows.flatMap((row) => [row.owner_id, ...recipientIdsOf(row)]);
  const [people, titles, runs] = await Promise.all([
    findPeople(db, ids),
    subjectTitles(db, rows),
    listRecentRuns(
      db,
      rows.map((row) => row.id),
      STATUS_REPORT_LIMITS.runsShown,
    ),
  ]);
  return rows.map((row) => presentSchedule(row, { people, titles, runs }));
}

interface Settings {
  sourceId: number | null;
  periodId: number | null;
  frequency: StatusReportFrequency;
  weekday: number;
  dayOfMonth: number;
  hour: number;
  recipientIds: readonly number[];
  ownerId: number;
  enabled: boolean;
}

/** 400 unless exactly one subject is given and it exists, and every person named is an active user. */
async function checkSettings(db: Executor, settings: Settings): Promise<void> {
  if ((settings.sourceId === null) === (settings.periodId === null)) {
    throw new AppError('validation_failed', { summary: 'sourceId | periodId' }, 'sourceId');
  }
  if (settings.sourceId !== null && !(await findSourceSubject(db, settings.sourceId))) {
    throw new AppError('source_not_found', { id: settings.sourceId }, 'sourceId');
  }
  if (settings.periodId !== null && !(await findPeriodSubject(db, settings.periodId))) {
    throw new AppError('validation_failed', { summary: 'periodId' }, 'periodId');
  }
  const people = await findPeople(db, [settings.ownerId, ...settings.recipientIds]);
  if (!people.get(settings.ownerId)?.active) throw new AppError('validation_failed', { summary: 'ownerId' }, 'ownerId');
  if (settings.recipientIds.some((id) => !people.get(id)?.active)) {
    throw new AppError('validation_failed', { summary: 'recipientIds' }, 'recipientIds');
  }
}

function nextRunOf(settings: Settings, timeZone: string, now = new Date()): string | null {
  return settings.enabled ? nextDueAt(settings, now, timeZone).toISOString() : null;
}

export async function listSchedules(deps: ScheduleDeps, input: { actor: Actor }): Promise<Schedule[]> {
  assertManager(input.actor);
  return presentSchedules(deps.db, await listScheduleRows(deps.db));
}

export async function getSchedule(deps: ScheduleDeps, input: { id: number; actor: Actor }): Promise<Schedule> {
  assertManager(input.actor);
  const [schedule] = await presentSchedules(deps.db, [await requireSchedule(deps.db, input.id)]);
  return schedule as Schedule;
}

export async function createSchedule(
  deps: ScheduleDeps,
  input: CreateScheduleBody & { actor: Actor },
): Promise<number> {
  assertManager(input.actor);
  return inTransaction(deps.db, async (trx) => {
    await checkSettings(trx, input);
    const now = nowIso();
    const row = await insertScheduleRow(trx, {
      name: input.name,
      source_id: input.sourceId,
      period_id: input.periodId,
      frequency: input.frequency,
      weekday: input.weekday,
      day_of_month: input.dayOfMonth,
      hour: input.hour,
      formats: JSON.stringify([...new Set(input.formats)]),
      recipient_ids: JSON.stringify([...new Set(input.recipientIds)]),
      owner_id: input.ownerId,
      enabled: input.enabled ? 1 : 0,
      last_run_at: null,
      next_run_at: nextRunOf(input, deps.config.timeZone),
      created_by: input.actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'status_report_schedule.create',
      objectType: 'status_report_schedule',
      objectId: row.id,
      detail: { name: input.name, frequency: input.frequency },
    });
    return row.id;
  });
}

/** Edits a schedule at `version` (409 version_conflict otherwise); the next run is worked out afresh. */
export async function updateSchedule(
  deps: ScheduleDeps,
  input: UpdateScheduleBody & { id: number; actor: Actor },
): Promise<void> {
  assertManager(input.actor);
  await inTransaction(deps.db, async (trx) => {
    const row = await requireSchedule(trx, input.id);
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'resource' });
    const settings: Settings = {
      sourceId: input.sourceId !== undefined ? input.sourceId : input.periodId != null ? null : row.source_id,
      periodId: input.periodId !== undefined ? input.periodId : input.sourceId != null ? null : row.period_id,
      frequency: input.frequency ?? (row.frequency as StatusReportFrequency),
      weekday: input.weekday ?? row.weekday,
      dayOfMonth: input.dayOfMonth ?? row.day_of_month,
      hour: input.hour ?? row.hour,
      recipientIds: input.recipientIds ?? recipientIdsOf(row),
      ownerId: input.ownerId ?? row.owner_id,
      enabled: input.enabled ?? row.enabled === 1,
    };
    await checkSettings(trx, settings);
    const updated = await updateScheduleRow(trx, row.id, input.version, {
      name: input.name ?? row.name,
      source_id: settings.sourceId,
      period_id: settings.periodId,
      frequency: settings.frequency,
      weekday: settings.weekday,
      day_of_month: settings.dayOfMonth,
      hour: settings.hour,
      formats: input.formats ? JSON.stringify([...new Set(input.formats)]) : row.formats,
      recipient_ids: JSON.stringify([...new Set(settings.recipientIds)]),
      owner_id: settings.ownerId,
      enabled: settings.enabled ? 1 : 0,
      next_run_at: nextRunOf(settings, deps.config.timeZone),
      updated_at: nowIso(),
    });
    if (!updated) throw new AppError('version_conflict', { object: 'resource' });
    await insertAuditEntry(trx, input.actor, {
      action: 'status_report_schedule.update',
      objectType: 'status_report_schedule',
      objectId: row.id,
      detail: { version: input.version },
    });
  });
}

export async function deleteSchedule(
  deps: ScheduleDeps,
  input: { id: number; version: number; actor: Actor },
): Promise<void> {
  assertManager(input.actor);
  await inTransaction(deps.db, async (trx) => {
    const row = await requireSchedule(trx, input.id);
    if (row.version !== input.version || !(await deleteScheduleRow(trx, row.id, input.version))) {
      throw new AppError('version_conflict', { object: 'resource' });
    }
    await insertAuditEntry(trx, input.actor, {
      action: 'status_report_schedule.delete',
      objectType: 'status_report_schedule',
      objectId: row.id,
      detail: { name: row.name },
    });
  });
}
