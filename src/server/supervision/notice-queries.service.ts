import { localDate } from '../../domain/dates.js';
import type { Notice, NoticeStatus } from '../../shared/notices-api.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { type NoticeFormat, renderNoticeFile } from '../documents/notice-document.js';
import { findOrganisation } from '../documents/organisation.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { requireVisibleTask, taskScopeFor } from '../tasks/task-access.js';
import { requireVisibleNotice } from './notice-access.js';
import { presentNotice, presentNotices } from './notices.presenter.js';
import { listNoticeRows, listNoticeRowsOfTask } from './notices.repository.js';

type Deps = { db: Database; config: Config };

const todayOf = (config: Config) => localDate(new Date(), config.timeZone);

/**
 * A page of notices, newest first: the supervision office (and auditors, administrators) sees all,
 * a unit's people the notices addressed to their unit, a leader those to units in their charge.
 * The scope is part of the query, never a filter afterwards.
 */
export async function listNotices(
  deps: Deps,
  input: {
    status?: NoticeStatus | undefined;
    taskId?: number | undefined;
    unitId?: number | undefined;
    overdue?: 'true' | 'false' | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<{ items: Notice[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 1)[0] : undefined;
  if (after !== undefined && !Number.isInteger(after)) throw new AppError('invalid_cursor', {}, 'cursor');
  const today = todayOf(deps.config);
  const rows = await listNoticeRows(deps.db, {
    scope: await taskScopeFor(deps.db, input.actor),
    status: input.status,
    taskId: input.taskId,
    unitId: input.unitId,
    dueBefore: input.overdue === 'true' ? today : undefined,
    beforeId: after === undefined ? undefined : Number(after),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await presentNotices(deps.db, page, { actor: input.actor, today }),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** One notice the caller may see (404 otherwise). */
export async function getNotice(deps: Deps, input: { noticeId: number; actor: Actor }): Promise<Notice> {
  const row = await requireVisibleNotice(deps.db, input.actor, input.noticeId);
  return presentNotice(deps.db, row, { actor: input.actor, today: todayOf(deps.config) });
}

/** Every notice on a task the caller may see, newest first. */
export async function listTaskNotices(deps: Deps, input: { taskId: number; actor: Actor }): Promise<Notice[]> {
  await requireVisibleTask(deps.db, input.actor, input.taskId);
  const rows = await listNoticeRowsOfTask(deps.db, input.taskId);
  return presentNotices(deps.db, rows, { actor: input.actor, today: todayOf(deps.config) });
}

/** The notice as an official .docx or PDF, for whoever may see it (same check as the screen). */
export async function noticeFile(deps: Deps, input: { noticeId: number; format: NoticeFormat; actor: Actor }) {
  const notice = await getNotice(deps, input);
  return renderNoticeFile(notice, (await findOrganisation(deps.db)).locale, deps.config.timeZone, input.format);
}
