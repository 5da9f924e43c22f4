import type { Notice, NoticeStatus } from '../../shared/notices-api.js';
import type { TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { findOrganisation, issuerOrganisations } from '../documents/organisation.js';
import { unitNames } from '../units/unit-names.repository.js';
import { personNames } from '../users/people-names.repository.js';
import { AWAITING_RESPONSE, allowedNoticeActions } from './notice-access.js';
import { ccUnitIdsOf, findNoticeTasks, type NoticeRow } from './notices.repository.js';

/**
 * Notices as the API answers them: fields listed one by one, the task's essentials, units and
 * people by name (one query each for the whole page), and what the caller may do to each.
 */
export async function presentNotices(
  db: Executor,
  rows: readonly NoticeRow[],
  context: { actor: Actor; today: string },
): Promise<Notice[]> {
  const ccOf = new Map(rows.map((row) => [row.id, ccUnitIdsOf(row)]));
  const people = rows.flatMap((row) => [row.issued_by, row.responded_by, row.reviewed_by]);
  const issuers = rows.flatMap((row) => (row.issued_by === null ? [] : [row.issued_by]));
  const [tasks, units, names, organisations, organisation] = await Promise.all([
    findNoticeTasks(
      db,
      rows.map((row) => row.task_id),
    ),
    unitNames(db, [...rows.map((row) => row.unit_id), ...[...ccOf.values()].flat()]),
    personNames(
      db,
      people.filter((id): id is number => id !== null),
    ),
    issuerOrganisations(db, issuers),
    findOrganisation(db),
  ]);
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const person = (id: number | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
  const unit = (id: number) => ({ id, name: units.get(id) ?? '' });
  return rows.map((row) => {
    const task = taskById.get(row.task_id);
    const status = row.status as NoticeStatus;
    return {
      id: row.id,
      number: row.number,
      year: Number(row.year),
      seq: Number(row.seq),
      status,
      task: {
        id: row.task_id,
        number: task?.number ?? '',
        title: task?.title ?? '',
        status: (task?.status ?? 'cancelled') as TaskStatus,
        deadline: task?.deadline ?? null,
        progress: Number(task?.progress ?? 0),
        isKey: Number(task?.is_key ?? 0) === 1,
      },
      unit: unit(row.unit_id),
      ccUnits: (ccOf.get(row.id) ?? []).map(unit),
      matter: row.matter,
      requirements: row.requirements,
      responseDue: row.response_due,
      overdue: AWAITING_RESPONSE.includes(status) && row.response_due < context.today,
      response: row.response,
      respondedAt: row.responded_at,
      respondedBy: person(row.responded_by),
      reviewComment: row.review_comment,
      reviewedAt: row.reviewed_at,
      reviewedBy: person(row.reviewed_by),
      issuedBy: person(row.issued_by),
      issuedAt: row.issued_at,
      organisation: (row.issued_by === null ? undefined : organisations.get(row.issued_by)) ?? organisation.name,
      actionId: row.action_id,
      version: row.version,
      allowedActions: allowedNoticeActions(context.actor, row),
    };
  });
}

/** One notice as the API answers it. */
export async function presentNotice(
  db: Executor,
  row: NoticeRow,
  context: { actor: Actor; today: string },
): Promise<Notice> {
  const [notice] = await presentNotices(db, [row], context);
  if (!notice) throw new Error('presentNotices lost a row');
  return notice;
}
