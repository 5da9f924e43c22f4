import { localDate } from '../../domain/dates.js';
import { addWorkingDays, type WorkingCalendar, workingDaysBetween } from '../../domain/working-days.js';
import type { Locale } from '../../shared/locales.js';
import type { NoticeDraft } from '../../shared/notices-api.js';
import type { Actor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import type { Database, Executor } from '../db/connect.js';
import { findOrganisation } from '../documents/organisation.js';
import { AppError } from '../errors.js';
import { can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import { findUnitRows } from '../units/units.repository.js';
import { defaultNoticeTexts } from './notice-texts.js';
import { getSupervisionSettings } from './supervision-settings.service.js';

// What a notice says when the supervisor (or the ladder) gives no words of its own: the matter and
// requirements written from the task, and the response date a set number of working days ahead.

/** Today, the working calendar and the default response period, read once per request. */
export interface NoticeClock {
  today: string;
  calendar: WorkingCalendar;
  responseWorkingDays: number;
  locale: Locale;
}

export async function noticeClock(db: Executor, config: Config): Promise<NoticeClock> {
  const [calendar, settings, org] = await Promise.all([
    loadWorkingCalendar(db),
    getSupervisionSettings(db),
    findOrganisation(db),
  ]);
  return {
    today: localDate(new Date(), config.timeZone),
    calendar,
    responseWorkingDays: settings.noticeResponseWorkingDays,
    locale: org.locale,
  };
}

/** The default response date: `noticeResponseWorkingDays` working days from today. */
export function defaultResponseDue(clock: NoticeClock): string {
  return addWorkingDays(clock.calendar, clock.today, clock.responseWorkingDays);
}

/** The default matter and requirements of a notice on this task, due on `responseDue`. */
export function draftNoticeTexts(
  clock: NoticeClock,
  task: Pick<TaskRow, 'title' | 'number' | 'deadline' | 'progress'>,
  responseDue: string,
): { matter: string; requirements: string } {
  const late = task.deadline !== null && task.deadline < clock.today;
  return defaultNoticeTexts(
    {
      title: task.title,
      number: task.number,
      deadline: task.deadline,
      progress: Number(task.progress),
      overdueWorkingDays: late
        ? Math.max(1, workingDaysBetween(clock.calendar, task.deadline as string, clock.today))
        : 0,
      responseDue,
    },
    clock.locale,
  );
}

/** What a notice on the task would say by default (the supervision office's form starts from it). */
export async function draftNotice(
  deps: { db: Database; config: Config },
  input: { taskId: number; actor: Actor },
): Promise<NoticeDraft> {
  if (!can.superviseNotices(input.actor)) throw new AppError('forbidden');
  const { task } = await requireVisibleTask(deps.db, input.actor, input.taskId);
  const clock = await noticeClock(deps.db, deps.config);
  const responseDue = defaultResponseDue(clock);
  const unit = task.lead_unit_id === null ? undefined : (await findUnitRows(deps.db, [task.lead_unit_id]))[0];
  return {
    unit: unit ? { id: unit.id, name: unit.name } : null,
    ...draftNoticeTexts(clock, task, responseDue),
    responseDue,
  };
}
