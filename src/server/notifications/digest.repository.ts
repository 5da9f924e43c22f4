import { type Selectable, sql } from 'kysely';
import { DIGEST_KIND } from '../../shared/channels-api.js';
import type { Executor } from '../db/connect.js';
import type { NotificationTable } from '../db/schema-closure.js';

/** An unread notification for the digest, with its task's number and title. */
export interface DigestNotificationRow
  extends Pick<Selectable<NotificationTable>, 'id' | 'kind' | 'task_id' | 'params' | 'created_at'> {
  task_number: string | null;
  task_title: string | null;
}

/**
 * A person's notifications created in [from, to) and still unread, oldest first, at most `limit`,
 * with how many there are in all (notifications_unread_idx: user, unread, then the time filter).
 */
export async function listUnreadBetween(
  db: Executor,
  input: { userId: number; from: string; to: string; limit: number },
): Promise<{ rows: DigestNotificationRow[]; total: number }> {
  const base = db
    .selectFrom('notifications')
    .where('notifications.user_id', '=', input.userId)
    .where('notifications.read_at', 'is', null)
    .where('notifications.created_at', '>=', input.from)
    .where('notifications.created_at', '<', input.to)
    .where('notifications.kind', '<>', DIGEST_KIND);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('tasks', 'tasks.id', 'notifications.task_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.task_id',
        'notifications.params',
        'notifications.created_at',
        'tasks.number as task_number',
        'tasks.title as task_title',
      ])
      .orderBy('notifications.id')
      .limit(input.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Whose tasks a digest counts: everything (supervision office), or led by a unit or under leaders' units. */
export type DigestScope = { all: true } | { all: false; unitId: number | null; paths: readonly string[] };

/**
 * Red and amber tasks in a scope (only open tasks have a light): the lead unit's own, or led by a
 * unit under a charged unit's path (tasks_health_idx narrows to the two lights first).
 */
export async function countLights(db: Executor, scope: DigestScope): Promise<{ red: number; amber: number }> {
  if (!scope.all && scope.unitId === null && scope.paths.length === 0) return { red: 0, amber: 0 };
  let query = db
    .selectFrom('tasks')
    .select(['health_light', (eb) => eb.fn.countAll<number>().as('n')])
    .where('health_light', 'in', ['red', 'amber']);
  if (!scope.all) {
    const { unitId, paths } = scope;
    query = query.where((eb) =>
      eb.or([
        ...(unitId === null ? [] : [eb('lead_unit_id', '=', unitId)]),
        ...paths.map((path) => eb('lead_unit_path', 'like', `${path}%`)),
      ]),
    );
  }
  const rows = await query.groupBy('health_light').execute();
  const count = (light: string) => Number(rows.find((row) => row.health_light === light)?.n ?? 0);
  return { red: count('red'), amber: count('amber') };
}

/** A person who may get a digest: active, with an address, digest not switched off. */
export interface DigestCandidateRow {
  id: number;
  email: string;
  locale: string | null;
}

/** The next `limit` digest candidates after `afterId`, in id order (users primary key). */
export async function listDigestCandidates(
  db: Executor,
  input: { afterId: number; limit: number },
): Promise<DigestCandidateRow[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('notification_prefs as p', 'p.user_id', 'users.id')
    .select(['users.id', 'users.email', 'p.locale'])
    .where('users.id', '>', input.afterId)
    .where('users.deactivated_at', 'is', null)
    .where('users.email', 'is not', null)
    .where('users.email', '<>', '')
    .where(sql<boolean>`coalesce(p.digest_enabled, 1) = 1`)
    .orderBy('users.id')
    .limit(input.limit)
    .execute();
  return rows.flatMap((row) => (row.email ? [{ id: row.id, email: row.email, locale: row.locale }] : []));
}
