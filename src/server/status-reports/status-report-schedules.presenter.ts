import type { Schedule, ScheduleRun, StatusReportFormat } from '../../shared/status-reports-api.js';
import type { RunRow, ScheduleRow } from './status-report-schedules.repository.js';

// Schedules and runs as the API answers them: fields listed one by one.

type Person = { id: number; name: string };

export interface ScheduleContext {
  people: Map<number, Person>;
  titles: { sources: Map<number, string>; periods: Map<number, string> };
  runs: Map<number, RunRow[]>;
}

function parseIds(json: string): number[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** The recipients' user ids of a schedule. */
export function recipientIdsOf(row: Pick<ScheduleRow, 'recipient_ids'>): number[] {
  return parseIds(row.recipient_ids);
}

/** The formats a schedule sends. */
export function formatsOf(row: Pick<ScheduleRow, 'formats'>): StatusReportFormat[] {
  try {
    return JSON.parse(row.formats) as StatusReportFormat[];
  } catch {
    return [];
  }
}

export function presentRun(row: RunRow): ScheduleRun {
  let recipients: ScheduleRun['recipients'] = [];
  try {
    recipients = JSON.parse(row.recipients) as ScheduleRun['recipients'];
  } catch {
    recipients = [];
  }
  return {
    id: row.id,
    dueAt: row.due_at,
    ranAt: row.ran_at,
    trigger: row.trigger === 'manual' ? 'manual' : 'schedule',
    from: row.window_from,
    to: row.window_to,
    items: row.items,
    recipients,
    outcome: row.outcome === 'failed' ? 'failed' : 'queued',
    error: row.error,
  };
}

export function presentSchedule(row: ScheduleRow, context: ScheduleContext): Schedule {
  const person = (id: number): Person => ({ id, name: context.people.get(id)?.name ?? `#${id}` });
  const subject =
    row.source_id !== null
      ? { kind: 'source' as const, id: row.source_id, title: context.titles.sources.get(row.source_id) ?? '' }
      : {
          kind: 'period' as const,
          id: row.period_id as number,
          title: context.titles.periods.get(row.period_id as number) ?? '',
        };
  return {
    id: row.id,
    name: row.name,
    subject,
    frequency: row.frequency === 'monthly' ? 'monthly' : 'weekly',
    weekday: row.weekday,
    dayOfMonth: row.day_of_month,
    hour: row.hour,
    formats: formatsOf(row),
    recipients: recipientIdsOf(row).map(person),
    owner: person(row.owner_id),
    enabled: row.enabled === 1,
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    runs: (context.runs.get(row.id) ?? []).map(presentRun),
    version: row.version,
    createdAt: row.created_at,
  };
}
