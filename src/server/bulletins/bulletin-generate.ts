import { localDate } from '../../domain/dates.js';
import { type WorkingCalendar, workingDaysBetween } from '../../domain/working-days.js';
import {
  BULLETIN_LIMITS,
  type BulletinContent,
  type BulletinFigures,
  type BulletinLine,
  type OverdueRow,
  type RankingRow,
} from '../../shared/bulletins-api.js';
import type { Locale } from '../../shared/locales.js';
import { OPEN_STATUSES, type TaskStatus } from '../../shared/tasks.js';
import type { Executor } from '../db/connect.js';
import { formatDocDate } from '../documents/official-document.js';
import { AppError } from '../errors.js';
import {
  type FigureTask,
  findLatestFrozenPeriod,
  findPeriod,
  listExemplaryReviews,
  listFigureTasks,
  listLeadResults,
  listPublishedCases,
  type PeriodFacts,
  tasksWithApprovedExtension,
} from './bulletin-data.repository.js';
import { judgementLines, line } from './bulletin-lines.js';
import { type BulletinTexts, bulletinTexts } from './bulletin-texts.js';

// A bulletin's draft written from the data: the figures of the tasks counted, the league table of
// a period's stored results, commendations and criticisms (cases, top and bottom units, practices,
// red tasks overdue without an approved extension), the overdue list and default requirements.

export interface GenerateInput {
  periodId: number | null;
  /** The date of the figures (today for a period bulletin). */
  asOf: string;
  locale: Locale;
  timeZone: string;
  calendar: WorkingCalendar;
}

/** The given period, which must have been computed (409 period_not_computed otherwise). */
export async function requireComputedPeriod(db: Executor, periodId: number): Promise<PeriodFacts> {
  const period = await findPeriod(db, periodId);
  if (!period) throw new AppError('not_found', { object: 'period' }, 'periodId');
  if (!period.computedAt) throw new AppError('period_not_computed', {}, 'periodId');
  return period;
}

function figuresOf(tasks: readonly FigureTask[], asOf: string, timeZone: string): BulletinFigures {
  const closed = tasks.filter((task) => task.status === 'closed');
  const onTime = closed.filter(
    (task) => !task.deadline || !task.closed_at || localDate(new Date(task.closed_at), timeZone) <= task.deadline,
  ).length;
  return {
    asOf,
    total: tasks.length,
    closed: closed.length,
    closedOnTime: onTime,
    onTimeRate: closed.length ? Math.round((onTime / closed.length) * 1000) / 10 : null,
    overdue: tasks.filter((task) => isOverdue(task, asOf)).length,
    red: tasks.filter((task) => isOpen(task) && task.health_light === 'red').length,
    amber: tasks.filter((task) => isOpen(task) && task.health_light === 'amber').length,
  };
}

const isOpen = (task: FigureTask) => OPEN_STATUSES.includes(task.status as TaskStatus);
const isOverdue = (task: FigureTask, asOf: string) => isOpen(task) && task.deadline !== null && task.deadline < asOf;

function figuresLine(f: BulletinFigures, texts: BulletinTexts, locale: Locale): BulletinLine {
  return line(
    texts.figures({
      date: formatDocDate(f.asOf, locale),
      total: f.total,
      closed: f.closed,
      onTime: f.closedOnTime,
      rate: f.onTimeRate === null ? '—' : `${f.onTimeRate.toFixed(1)}%`,
      open: f.total - f.closed,
      overdue: f.overdue,
      red: f.red,
      amber: f.amber,
    }),
  );
}

async function rankingOf(db: Executor, period: PeriodFacts | undefined): Promise<RankingRow[]> {
  if (!period) return [];
  const results = await listLeadResults(db, period.id);
  return results.slice(0, BULLETIN_LIMITS.rowsMax).map((row) => ({
    rank: row.rank,
    unitId: row.unit_id,
    unitName: row.name,
    score: row.score / 100,
    taskCount: row.task_count,
  }));
}

/** Generates a bulletin's title and content; `periodId` must name a computed period. */
export async function generateBulletin(
  db: Executor,
  input: GenerateInput,
): Promise<{ title: string; content: BulletinContent }> {
  const texts = bulletinTexts(input.locale);
  const period = input.periodId !== null ? await requireComputedPeriod(db, input.periodId) : undefined;
  const rankingPeriod = period ?? (await findLatestFrozenPeriod(db, input.asOf));
  const [tasks, ranking, cases, reviews] = await Promise.all([
    listFigureTasks(db, { periodId: period?.id ?? null }),
    rankingOf(db, rankingPeriod),
    listPublishedCases(db, { periodId: period?.id ?? null }),
    rankingPeriod ? listExemplaryReviews(db, rankingPeriod.id) : Promise.resolve([]),
  ]);
  const stats = figuresOf(tasks, input.asOf, input.timeZone);
  const overdueTasks = tasks
    .filter((task) => isOverdue(task, input.asOf))
    .sort((a, b) => (a.deadline as string).localeCompare(b.deadline as string) || a.id - b.id);
  const overdueRows: OverdueRow[] = overdueTasks.slice(0, BULLETIN_LIMITS.rowsMax).map((task) => ({
    taskId: task.id,
    taskNumber: task.number,
    title: task.title.slice(0, 300),
    unitId: task.lead_unit_id,
    unitName: task.lead_unit_name,
    deadline: task.deadline as string,
    workingDaysOverdue: Math.max(0, workingDaysBetween(input.calendar, task.deadline as string, input.asOf)),
  }));
  const extended = await tasksWithApprovedExtension(
    db,
    overdueRows.map((row) => row.taskId),
  );
  const lightOf = new Map(overdueTasks.map((task) => [task.id, task.health_light]));
  // A date bulletin names the cases published in the as-of date's year, up to that date.
  const inScope = cases.filter((c) => {
    if (period) return true;
    const on = c.published_at ? localDate(new Date(c.published_at), input.timeZone) : '';
    return on.startsWith(input.asOf.slice(0, 4)) && on <= input.asOf;
  });
  const { commendations, criticisms } = judgementLines({
    texts,
    ranking,
    periodName: rankingPeriod?.name ?? '',
    cases: inScope,
    practices: reviews,
    redOverdue: overdueRows.filter((row) => lightOf.get(row.taskId) === 'red' && !extended.has(row.taskId)),
  });
  const date = formatDocDate(input.asOf, input.locale);
  return {
    title: (period ? texts.periodTitle(period.name) : texts.dateTitle(date)).slice(0, BULLETIN_LIMITS.titleMax),
    content: {
      figures: { stats, lines: [figuresLine(stats, texts, input.locale)], note: '' },
      ranking: {
        periodId: rankingPeriod?.id ?? null,
        periodName: rankingPeriod?.name ?? null,
        rows: ranking,
        note: rankingPeriod ? texts.rankingFrom(rankingPeriod.name) : texts.noRanking,
      },
      commendations: { lines: commendations, note: '' },
      criticisms: { lines: criticisms, note: '' },
      overdue: { rows: overdueRows, note: overdueRows.length ? '' : texts.noOverdue(date) },
      requirements: { lines: texts.requirements.map((text) => line(text)), note: '' },
    },
  };
}
