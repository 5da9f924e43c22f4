import { localDate } from '../../domain/dates.js';
import type { Rectification, RectificationOrigin, RectificationState } from '../../shared/rectifications-api.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database, Dialect } from '../db/connect.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { requireVisibleTask, taskScopeFor } from '../tasks/task-access.js';
import { presentRectifications } from './rectifications.presenter.js';
import { listRectificationTaskRows } from './rectifications.repository.js';

type Deps = { db: Database; dialect: Dialect; config: Config };

const todayOf = (config: Config) => localDate(new Date(), config.timeZone);

/**
 * A page of rectification items, newest first, scoped like the task list: a unit's people see their
 * unit's items, a leader those of the units in their charge, the supervision office and auditors all.
 */
export async function listRectifications(
  deps: Deps,
  input: {
    status?: RectificationState | undefined;
    originType?: RectificationOrigin | undefined;
    unitId?: number | undefined;
    periodId?: number | undefined;
    overdue?: 'true' | 'false' | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<{ items: Rectification[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 1)[0] : undefined;
  if (after !== undefined && !Number.isInteger(after)) throw new AppError('invalid_cursor', {}, 'cursor');
  const today = todayOf(deps.config);
  const rows = await listRectificationTaskRows(deps.db, {
    scope: await taskScopeFor(deps.db, input.actor),
    dialect: deps.dialect,
    today,
    state: input.status,
    originType: input.originType,
    unitId: input.unitId,
    periodId: input.periodId,
    overdue: input.overdue === 'true',
    beforeId: after === undefined ? undefined : Number(after),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await presentRectifications(deps.db, page, today),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** One item the caller may see; a task that is not a rectification, or out of scope, is 404. */
export async function getRectification(deps: Deps, input: { taskId: number; actor: Actor }): Promise<Rectification> {
  const { task } = await requireVisibleTask(deps.db, input.actor, input.taskId);
  const [item] = await presentRectifications(deps.db, [task], todayOf(deps.config));
  if (!item) throw new AppError('not_found', { object: 'rectification' });
  return item;
}
