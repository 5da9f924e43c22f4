import { createHmac } from 'node:crypto';
import { PUBLIC_LIMITS, type PublicRatingInput, type RatingStatus } from '../../shared/public-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { presentModeratedRating } from './public.presenter.js';
import { findPublicTaskRow } from './public.repository.js';
import {
  countRecentRatings,
  findAddressSalt,
  findRatingListRow,
  findRatingRow,
  insertRatingRow,
  listRatingRows,
  lockRatingWriters,
  moderateRatingRow,
} from './public-ratings.repository.js';

// The public's satisfaction ratings: received from anyone, limited per address (the counts live in
// the database, so any number of app nodes share them), held for moderation, and approved or
// rejected by the supervision office. Addresses are stored only as a salted hash.

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

// The salt never changes once made; reading it once per database handle saves a query per rating.
const salts = new WeakMap<Database, Promise<string>>();

async function hashAddress(db: Database, address: string): Promise<string> {
  let salt = salts.get(db);
  if (!salt) {
    salt = findAddressSalt(db);
    salts.set(db, salt);
  }
  return createHmac('sha256', await salt)
    .update(address)
    .digest('hex');
}

/** Supervisors and administrators moderate what the public wrote. */
export function mayModerateRatings(actor: Actor): boolean {
  return actor.roles.has('supervisor') || actor.roles.has('admin');
}

/**
 * Records a visitor's rating of a public task as pending. 404 when the task is not public;
 * 429 rating_rate_limited past 5 ratings an hour from one address or a second one on the same task
 * within a day. A filled honeypot (`website`) is answered like a success and stores nothing.
 */
export async function submitPublicRating(
  deps: { db: Database },
  input: { taskId: number; rating: PublicRatingInput; address: string },
): Promise<void> {
  if (!(await findPublicTaskRow(deps.db, input.taskId))) throw new AppError('not_found', { object: 'task' });
  if (input.rating.website) return;
  const addressHash = await hashAddress(deps.db, input.address);
  await inTransaction(deps.db, async (trx) => {
    await lockRatingWriters(trx);
    const now = Date.now();
    const recent = await countRecentRatings(trx, {
      addressHash,
      taskId: input.taskId,
      hourAgo: new Date(now - HOUR_MS).toISOString(),
      dayAgo: new Date(now - DAY_MS).toISOString(),
    });
    if (recent.lastHour >= PUBLIC_LIMITS.ratingsPerHour || recent.taskLastDay >= PUBLIC_LIMITS.ratingsPerTaskPerDay) {
      throw new AppError('rating_rate_limited');
    }
    await insertRatingRow(trx, {
      task_id: input.taskId,
      rating: input.rating.rating,
      comment: input.rating.comment,
      status: 'pending',
      address_hash: addressHash,
      created_at: new Date(now).toISOString(),
      moderated_by: null,
      moderated_at: null,
      version: 1,
    });
  });
}

/** One page of ratings of a status, newest first, for the moderators. */
export async function listRatingsForModeration(
  deps: { db: Database },
  input: { status: RatingStatus; page: number; actor: Actor },
) {
  if (!mayModerateRatings(input.actor)) throw new AppError('forbidden');
  const pageSize = PUBLIC_LIMITS.pageSize;
  const { rows, total } = await listRatingRows(deps.db, {
    status: input.status,
    offset: (input.page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: rows.map(presentModeratedRating), page: input.page, pageSize, total };
}

/** Approves or rejects a rating (version-checked, audited); answers it as it now stands. */
export async function moderateRating(
  deps: { db: Database },
  input: { ratingId: number; status: 'approved' | 'rejected'; version: number; actor: Actor },
) {
  if (!mayModerateRatings(input.actor)) throw new AppError('forbidden');
  return inTransaction(deps.db, async (trx) => {
    const row = await findRatingRow(trx, input.ratingId);
    if (!row) throw new AppError('not_found', { object: 'rating' });
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'rating' });
    const at = nowIso();
    const done = await moderateRatingRow(trx, {
      id: row.id,
      version: input.version,
      status: input.status,
      by: input.actor.userId,
      at,
    });
    if (!done) throw new AppError('version_conflict', { object: 'rating' });
    await insertAuditEntry(trx, input.actor, {
      action: `public_rating.${input.status === 'approved' ? 'approve' : 'reject'}`,
      objectType: 'public_rating',
      objectId: row.id,
      detail: { taskId: row.task_id, from: row.status, to: input.status },
    });
    return presentModeratedRating(await findRatingListRow(trx, row.id));
  });
}
