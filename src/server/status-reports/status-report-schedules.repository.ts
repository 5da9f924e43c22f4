import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { StatusReportRunTable, StatusReportScheduleTable } from '../db/schema-status-reports.js';

// Every query on status-report schedules and their runs.

export type ScheduleRow = Selectable<StatusReportScheduleTable>;
export type RunRow = Selectable<StatusReportRunTable>;

export function insertScheduleRow(db: Executor, values: Insertable<StatusReportScheduleTable>): Promise<ScheduleRow> {
  return db.insertInto('status_report_schedules').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findScheduleRow(db: Executor, id: number): Promise<ScheduleRow | undefined> {
  return db.selectFrom('status_report_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listScheduleRows(db: Executor): Promise<ScheduleRow[]> {
  return db.selectFrom('status_report_schedules').selectAll().orderBy('id').execute();
}

/** Writes the changes if the row is still at `version`; false when someone else changed it first. */
export async function updateScheduleRow(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<StatusReportScheduleTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('status_report_schedules')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteScheduleRow(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('status_report_schedules')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Enabled schedules whose next run is due by `now` (status_report_schedules_due_idx). */
export function listDueScheduleRows(db: Executor, now: string, limit: number): Promise<ScheduleRow[]> {
  return db
    .selectFrom('status_report_schedules')
    .selectAll()
    .where('enabled', '=', 1)
    .where('next_run_at', 'is not', null)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .limit(limit)
    .execute();
}

/**
 * Moves a schedule past the due time it answered, only if it is still waiting for that time: the
 * node whose update lands is the one that sends it (with the run's unique key as a second lock).
 */
export async function advanceScheduleRow(
  db: Executor,
  input: { id: number; dueAt: string; nextRunAt: string; ranAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('status_report_schedules')
    .set({ next_run_at: input.nextRunAt, last_run_at: input.ranAt })
    .where('id', '=', input.id)
    .where('next_run_at', '=', input.dueAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function setLastRunAt(db: Executor, id: number, ranAt: string) {
  return db.updateTable('status_report_schedules').set({ last_run_at: ranAt }).where('id', '=', id).execute();
}

/** Records a run; a second run for the same due time is left out (answers undefined). */
export function insertRunRow(db: Executor, values: Insertable<StatusReportRunTable>): Promise<RunRow | undefined> {
  return db
    .insertInto('status_report_runs')
    .values(values)
    .onConflict((oc) => oc.columns(['schedule_id', 'due_at']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateRunRow(db: Executor, id: number, changes: Updateable<StatusReportRunTable>) {
  return db.updateTable('status_report_runs').set(changes).where('id', '=', id).execute();
}

/** The latest runs of these schedules, `perSchedule` each at most (status_report_runs_schedule_idx). */
export async function listRecentRuns(
  db: Executor,
  scheduleIds: readonly number[],
  perSchedule: number,
): Promise<Map<number, RunRow[]>> {
  const out = new Map<number, RunRow[]>();
  for (const id of scheduleIds) {
    const rows = await db
      .selectFrom('status_report_runs')
      .selectAll()
      .where('schedule_id', '=', id)
      .orderBy('id', 'desc')
      .limit(perSchedule)
      .execute();
    out.set(id, rows);
  }
  return out;
}

/** Names (and addresses) of people, for showing recipients and owners. */
export async function findPeople(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string; email: string | null; active: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'deactivated_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.display_name, email: row.email, active: row.deactivated_at === null },
    ]),
  );
}

/** Titles of the sources and periods schedules report on. */
export async function subjectTitles(db: Executor, rows: readonly ScheduleRow[]) {
  const sourceIds = rows.flatMap((row) => (row.source_id === null ? [] : [row.source_id]));
  const periodIds = rows.flatMap((row) => (row.period_id === null ? [] : [row.period_id]));
  const [sources, periods] = await Promise.all([
    sourceIds.length
      ? db.selectFrom('sources').select(['id', 'title']).where('id', 'in', sourceIds).execute()
      : Promise.resolve([]),
    periodIds.length
      ? db.selectFrom('assessment_periods').select(['id', 'name as title']).where('id', 'in', periodIds).execute()
      : Promise.resolve([]),
  ]);
  return {
    sources: new Map(sources.map((row) => [row.id, row.title])),
    periods: new Map(periods.map((row) => [row.id, row.title])),
  };
}
