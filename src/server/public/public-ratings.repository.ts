import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { PublicRatingTable } from '../db/schema-public.js';

// Ratings the public leaves on public tasks: writing them, the per-address counts the rate limit
// reads, and the moderation list.

export type PublicRatingRow = Selectable<PublicRatingTable>;

/** The salt visitors' addresses are hashed with (made by migration 0015). */
export async function findAddressSalt(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('public_secrets')
    .select('value')
    .where('name', '=', 'address_salt')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Serialises rating writers so two requests from one address cannot both pass the limit: a no-op
 * update takes the `public_ratings` row lock (PostgreSQL); SQLite's BEGIN IMMEDIATE already does.
 */
export async function lockRatingWriters(db: Executor): Promise<void> {
  await db
    .updateTable('mutexes')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('name', '=', 'public_ratings')
    .execute();
}

/**
 * An address's ratings of the last day (public_ratings_address_idx): how many in all since
 * `hourAgo`, and how many on `taskId` since `dayAgo`. Timestamps are ISO strings on both dialects.
 */
export async function countRecentRatings(
  db: Executor,
  input: { addressHash: string; taskId: number; hourAgo: string; dayAgo: string },
): Promise<{ lastHour: number; taskLastDay: number }> {
  const rows = await db
    .selectFrom('public_ratings')
    .select(['task_id', 'created_at'])
    .where('address_hash', '=', input.addressHash)
    .where('created_at', '>=', input.dayAgo)
    .execute();
  return {
    lastHour: rows.filter((row) => row.created_at >= input.hourAgo).length,
    taskLastDay: rows.filter((row) => row.task_id === input.taskId).length,
  };
}

export async function insertRatingRow(db: Executor, row: Insertable<PublicRatingTable>): Promise<number> {
  const inserted = await db.insertInto('public_ratings').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function findRatingRow(db: Executor, id: number): Promise<PublicRatingRow | undefined> {
  return db.selectFrom('public_ratings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sets a rating's status if its version is still `version`; answers whether it did. */
export async function moderateRatingRow(
  db: Executor,
  input: { id: number; version: number; status: string; by: number | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('public_ratings')
    .set({ status: input.status, moderated_by: input.by, moderated_at: input.at, version: input.version + 1 })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function ratingListQuery(db: Executor) {
  return db
    .selectFrom('public_ratings')
    .innerJoin('tasks', 'tasks.id', 'public_ratings.task_id')
    .select([
      'public_ratings.id',
      'public_ratings.task_id',
      'tasks.number as task_number',
      'tasks.title as task_title',
      'public_ratings.rating',
      'public_ratings.comment',
      'public_ratings.status',
      'public_ratings.created_at',
      'public_ratings.moderated_at',
      'public_ratings.version',
    ]);
}

/** One rating as the moderators see it, with its task. */
export function findRatingListRow(db: Executor, id: number) {
  return ratingListQuery(db).where('public_ratings.id', '=', id).executeTakeFirstOrThrow();
}

/** One page of ratings of a status, newest first, with their task (public_ratings_status_idx). */
export async function listRatingRows(db: Executor, input: { status: string; offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    ratingListQuery(db)
      .where('public_ratings.status', '=', input.status)
      .orderBy('public_ratings.id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    db
      .selectFrom('public_ratings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', input.status)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
