import type { z } from 'zod';
import { localDate } from '../../domain/dates.js';
import { REVIEW_KINDS, type ReviewKind, type reviewsPageSchema } from '../../shared/closure-api.js';
import { DUPLICATE_SIMILARITY } from '../../shared/reports-api.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { inChargePaths } from '../tasks/task-access.js';
import { findUnitRows } from '../units/units.repository.js';
import { listReviewRows, type Reviewer } from './review-queue.repository.js';

/** Whose decisions the caller makes, from their roles (a person may hold several). */
async function reviewerOf(db: Database, actor: Actor): Promise<Reviewer> {
  const isLeader = actor.roles.has('leader') && actor.userId !== null;
  return {
    supervision: actor.roles.has('supervisor') || actor.roles.has('admin'),
    headUnitId: actor.roles.has('unit_head') ? actor.unitId : null,
    leader: isLeader ? { userId: actor.userId as number, paths: await inChargePaths(db, actor) } : null,
  };
}

/**
 * What waits for the caller's decision, newest first: for the supervision office every plan,
 * report and closure application sent up to it; for a unit head what their unit submitted; for a
 * leader the key-task closures they are to confirm. Someone who decides nothing gets an empty list.
 */
export async function listReviews(
  deps: { db: Database; config: Config },
  input: {
    kind?: ReviewKind | undefined;
    unitId?: number | undefined;
    key?: boolean | undefined;
    late?: boolean | undefined;
    flagged?: boolean | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<z.infer<typeof reviewsPageSchema>> {
  const after = input.cursor ? decodeCursor(input.cursor, 3) : undefined;
  if (
    after &&
    (typeof after[0] !== 'string' ||
      !(REVIEW_KINDS as readonly unknown[]).includes(after[1]) ||
      !Number.isInteger(after[2]))
  ) {
    throw new AppError('invalid_cursor', {}, 'cursor');
  }
  const rows = await listReviewRows(deps.db, await reviewerOf(deps.db, input.actor), {
    kinds: input.kind ? [input.kind] : REVIEW_KINDS,
    unitId: input.unitId,
    key: input.key,
    late: input.late,
    flagged: input.flagged,
    today: localDate(new Date(), deps.config.timeZone),
    threshold: DUPLICATE_SIMILARITY,
    after: after ? { at: String(after[0]), kind: String(after[1]), id: Number(after[2]) } : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const unitIds = [...new Set(page.flatMap((row) => (row.unit_id === null ? [] : [row.unit_id])))];
  const units = new Map((await findUnitRows(deps.db, unitIds)).map((unit) => [unit.id, unit.name]));
  const today = localDate(new Date(), deps.config.timeZone);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const isReport = row.kind === 'report';
      const similarity = row.similarity === null ? null : Number(row.similarity);
      return {
        kind: row.kind,
        id: row.id,
        status: row.status,
        task: {
          id: row.task_id,
          number: row.task_number,
          title: row.task_title,
          isKey: Number(row.task_is_key) === 1,
          deadline: row.task_deadline,
        },
        unit: row.unit_id === null ? null : { id: row.unit_id, name: units.get(row.unit_id) ?? '' },
        submittedAt: row.submitted_at,
        updatedAt: row.at,
        late: isReport ? (row.late_days ?? 0) > 0 : row.task_deadline !== null && row.task_deadline < today,
        lateWorkingDays: isReport ? row.late_days : null,
        flagged: similarity !== null && similarity >= DUPLICATE_SIMILARITY,
        similarity,
        periodEnd: row.period_end,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.at, last.kind, last.id]) : null,
  };
}
