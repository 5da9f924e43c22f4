import { localDate } from '../../domain/dates.js';
import type { HealthLight } from '../../shared/health-api.js';
import type { Locale } from '../../shared/locales.js';
import {
  STATUS_REPORT_LIMITS,
  type StatusReport,
  type StatusReportFigures,
  type StatusReportItem,
  type StatusReportWindowKind,
} from '../../shared/status-reports-api.js';
import { OPEN_STATUSES, type TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database, Dialect } from '../db/connect.js';
import { findOrganisation } from '../documents/organisation.js';
import { AppError } from '../errors.js';
import { numberTasks } from '../imports/spreadsheet-export.service.js';
import { startOfLocalDay } from '../notifications/local-time.js';
import { taskScopeFor } from '../tasks/task-access.js';
import {
  findPeriodSubject,
  findSourceSubject,
  type ItemCoordinationRow,
  type ItemTaskRow,
  listItemCoordination,
  listItemTasks,
  listWindowReports,
  type WindowReportRow,
} from './status-report-data.repository.js';
import { quotedSubject, statusReportTexts } from './status-report-texts.js';
import { addDays, type ReportWindow, reportNumber, resolveWindow } from './status-report-window.js';

// Generates an implementation report (落实情况报告) from the data: every item of the source or
// period that the caller may see, in tree order, with its state and light, the progress reported
// in the window, the problems raised, the next steps and the coordination still needed.

export interface StatusReportDeps {
  db: Database;
  dialect: Dialect;
  config: Pick<Config, 'timeZone'>;
}

export interface GenerateInput {
  sourceId?: number | null | undefined;
  periodId?: number | null | undefined;
  window: StatusReportWindowKind;
  on?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  locale: Locale;
  /** Whose scope: the caller, or a schedule's owner. */
  actor: Actor;
  now?: Date;
}

async function findSubject(deps: StatusReportDeps, input: GenerateInput): Promise<StatusReport['subject']> {
  const hasSource = input.sourceId != null;
  if (hasSource === (input.periodId != null)) {
    throw new AppError('validation_failed', { summary: 'sourceId | periodId' }, 'sourceId');
  }
  if (input.sourceId != null) {
    const source = await findSourceSubject(deps.db, input.sourceId);
    if (!source) throw new AppError('not_found', { object: 'source' });
    return { kind: 'source', id: source.id, title: source.title, docNumber: source.doc_number };
  }
  const period = await findPeriodSubject(deps.db, input.periodId as number);
  if (!period) throw new AppError('not_found', { object: 'period' });
  return { kind: 'period', id: period.id, title: period.name, docNumber: null };
}

/** The texts of the reports, newest first, without blanks or repeats. */
function distinctTexts(reports: readonly WindowReportRow[], pick: (row: WindowReportRow) => string): string[] {
  const seen = new Set<string>();
  for (const row of reports) {
    const text = pick(row).trim();
    if (text) seen.add(text);
  }
  return [...seen];
}

function isOpen(status: string): boolean {
  return OPEN_STATUSES.includes(status as TaskStatus);
}

function toItem(
  key: string,
  task: ItemTaskRow,
  reports: readonly WindowReportRow[],
  coordination: readonly ItemCoordinationRow[],
  today: string,
): StatusReportItem {
  // The lead unit's latest accepted report speaks for the task; a cooperating unit's when it has none.
  const accepted = reports.filter((row) => row.status === 'accepted');
  const latest = accepted.find((row) => row.role === 'lead') ?? accepted[0];
  const open = isOpen(task.status);
  return {
    taskId: task.id,
    key,
    depth: key.split('.').length - 1,
    number: task.number,
    title: task.title,
    leadUnitName: task.lead_unit_name,
    deadline: task.deadline,
    status: task.status,
    light: open ? ((task.health_light as HealthLight | null) ?? null) : null,
    // One decimal at most: the roll-up of weighted subtasks can give 68.333…
    progress: Math.round(task.progress * 10) / 10,
    isOverdue: open && task.deadline !== null && task.deadline < today,
    progressMade: latest?.done_text.trim() || null,
    problems: distinctTexts(reports, (row) => row.problems),
    nextSteps: distinctTexts(reports, (row) => row.next_steps),
    coordinationNeeded: distinctTexts(reports, (row) => row.coordination),
    coordinationRequests: coordination.map((row) => ({
      id: row.id,
      matter: row.matter,
      fromUnitName: row.from_unit_name,
      toName: row.to_unit_name ?? row.to_leader_name,
      status: row.status,
      dueDate: row.due_date,
    })),
  };
}

function figuresOf(tasks: readonly ItemTaskRow[], items: readonly StatusReportItem[], timeZone: string) {
  const closed = tasks.filter((task) => task.status === 'closed');
  const closedOnTime = closed.filter(
    (task) =>
      task.deadline === null || (task.closed_at && localDate(new Date(task.closed_at), timeZone) <= task.deadline),
  ).length;
  const lights = (light: HealthLight) => items.filter((item) => item.light === light).length;
  const figures: StatusReportFigures = {
    items: tasks.length,
    closed: closed.length,
    closedOnTime,
    onTimeRate: closed.length ? Math.round((closedOnTime / closed.length) * 1000) / 10 : null,
    overdue: items.filter((item) => item.isOverdue).length,
    red: lights('red'),
    amber: lights('amber'),
    green: lights('green'),
  };
  return figures;
}

function groupBy<T extends { task_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.task_id);
    if (list) list.push(row);
    else out.set(row.task_id, [row]);
  }
  return out;
}

/** The report for the caller's scope (404 unknown source or period; 422 window too long or too many items). */
export async function generateStatusReport(deps: StatusReportDeps, input: GenerateInput): Promise<StatusReport> {
  const now = input.now ?? new Date();
  const tz = deps.config.timeZone;
  const today = localDate(now, tz);
  const subject = await findSubject(deps, input);
  const window: ReportWindow = resolveWindow({ ...input, today });
  const scope = await taskScopeFor(deps.db, input.actor);
  const tasks = await listItemTasks(deps.db, deps.dialect, {
    sourceId: subject.kind === 'source' ? subject.id : null,
    periodId: subject.kind === 'period' ? subject.id : null,
    scope,
    limit: STATUS_REPORT_LIMITS.itemsMax + 1,
  });
  if (tasks.length > STATUS_REPORT_LIMITS.itemsMax) {
    throw new AppError('export_too_large', { limit: STATUS_REPORT_LIMITS.itemsMax });
  }
  const bounds = {
    taskIds: tasks.map((task) => task.id),
    fromIso: startOfLocalDay(window.from, tz).toISOString(),
    toIso: startOfLocalDay(addDays(window.to, 1), tz).toISOString(),
  };
  const [reports, coordination, organisation] = await Promise.all([
    listWindowReports(deps.db, bounds).then(groupBy),
    listItemCoordination(deps.db, bounds).then(groupBy),
    findOrganisation(deps.db),
  ]);
  const numbered = numberTasks(tasks.map((task) => ({ ...task, parentId: task.parent_id })));
  const items = numbered.map(([key, task]) =>
    toItem(key, task, reports.get(task.id) ?? [], coordination.get(task.id) ?? [], today),
  );
  const texts = statusReportTexts(input.locale);
  const space = input.locale === 'en' ? ' ' : '';
  return {
    subject,
    window,
    letterhead: organisation.name ? `${organisation.name}${space}${texts.office}` : texts.office,
    number: reportNumber(window),
    heading: texts.heading(quotedSubject(subject.title, input.locale), window.kind),
    generatedAt: now.toISOString(),
    figures: figuresOf(tasks, items, tz),
    items,
  };
}
