import type { Rectification, RectificationState } from '../../shared/rectifications-api.js';
import type { Executor } from '../db/connect.js';
import { OVERDUE_STATUSES } from '../tasks/task-list.repository.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import {
  findPeriodRows,
  findRectificationRows,
  findTaskRefs,
  type RectificationRow,
} from './rectifications.repository.js';

/** Where an item stands: signed off only by the supervision office's acceptance (the task closed). */
export function stateOf(
  task: Pick<TaskRow, 'status'>,
  row: Pick<RectificationRow, 'signed_off_at'>,
): RectificationState {
  if (task.status === 'cancelled') return 'cancelled';
  return task.status === 'closed' && row.signed_off_at !== null ? 'signed_off' : 'open';
}

/**
 * Rectification items as the API answers them: the task's fields, the origin with the task it is
 * about, the period it was found in, and "carried over" (结转) when that period has ended and the
 * item is still open. Names come with one query per kind (no N+1).
 */
export async function presentRectifications(
  db: Executor,
  tasks: readonly TaskRow[],
  today: string,
): Promise<Rectification[]> {
  const rows = new Map(
    (
      await findRectificationRows(
        db,
        tasks.map((task) => task.id),
      )
    ).map((row) => [row.task_id, row]),
  );
  const present = tasks.flatMap((task) => {
    const row = rows.get(task.id);
    return row ? [{ task, row }] : [];
  });
  const originTaskIds = present.flatMap(({ row }) => (row.origin_task_id === null ? [] : [row.origin_task_id]));
  const periodIds = present.flatMap(({ row }) => (row.period_id === null ? [] : [row.period_id]));
  const unitIds = present.flatMap(({ task }) => (task.lead_unit_id === null ? [] : [task.lead_unit_id]));
  const personIds = present.flatMap(({ task, row }) =>
    [task.responsible_person_id, row.signed_off_by].filter((id): id is number => id !== null),
  );
  const [originTasks, periods, units, people] = await Promise.all([
    findTaskRefs(db, originTaskIds),
    findPeriodRows(db, periodIds),
    unitIds.length
      ? db
          .selectFrom('units')
          .select(['id', 'name'])
          .where('id', 'in', [...new Set(unitIds)])
          .execute()
      : [],
    personIds.length
      ? db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', [...new Set(personIds)])
          .execute()
      : [],
  ]);
  const taskById = new Map(originTasks.map((t) => [t.id, t]));
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const personName = new Map(people.map((p) => [p.id, p.display_name]));
  const person = (id: number | null) => (id === null ? null : { id, displayName: personName.get(id) ?? `#${id}` });
  return present.map(({ task, row }) => {
    const state = stateOf(task, row);
    const period = row.period_id === null ? undefined : periodById.get(row.period_id);
    const origin = row.origin_task_id === null ? undefined : taskById.get(row.origin_task_id);
    return {
      taskId: task.id,
      number: task.number,
      title: task.title,
      taskStatus: task.status as Rectification['taskStatus'],
      state,
      leadUnit:
        task.lead_unit_id === null ? null : { id: task.lead_unit_id, name: unitName.get(task.lead_unit_id) ?? '' },
      responsiblePerson: person(task.responsible_person_id),
      deadline: task.deadline,
      light: task.health_light as Rectification['light'],
      overdue:
        (OVERDUE_STATUSES as readonly string[]).includes(task.status) &&
        task.deadline !== null &&
        task.deadline < today,
      origin: {
        type: row.origin_type as Rectification['origin']['type'],
        id: row.origin_id,
        task: origin ? { id: origin.id, number: origin.number, title: origin.title } : null,
      },
      period: period ? { id: period.id, name: period.name, endsOn: period.ends_on } : null,
      carriedOver: state === 'open' && period !== undefined && period.ends_on < today,
      finding: row.finding,
      measures: row.measures,
      signedOffAt: state === 'signed_off' ? row.signed_off_at : null,
      signedOffBy: state === 'signed_off' ? person(row.signed_off_by) : null,
      signOffComment: state === 'signed_off' ? row.sign_off_comment : null,
      createdAt: task.created_at,
      version: task.version,
    };
  });
}
