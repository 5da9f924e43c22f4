import type { Bulletin, BulletinStatus, BulletinSummary } from '../../shared/bulletins-api.js';
import type { Actor } from '../auth/actor.js';
import { type BulletinFormat, renderBulletinFile } from '../documents/bulletin-document.js';
import { findOrganisation } from '../documents/organisation.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { maySeeAllBulletins, readerUnitOf, requireVisibleBulletin } from './bulletin-access.js';
import { presentBulletin, presentBulletinSummaries } from './bulletins.presenter.js';
import { listBulletinRows } from './bulletins.repository.js';
import type { Deps } from './bulletins.service.js';

/**
 * A page of bulletins, newest first: supervision, leaders and auditors see all (drafts too), a
 * unit's people the issued ones naming their unit; anyone else none. The scope is in the query.
 */
export async function listBulletins(
  deps: Deps,
  input: {
    status?: BulletinStatus | undefined;
    periodId?: number | undefined;
    unread?: boolean | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<{ items: BulletinSummary[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 1)[0] : undefined;
  if (after !== undefined && !Number.isInteger(after)) throw new AppError('invalid_cursor', {}, 'cursor');
  const rows = await listBulletinRows(deps.db, {
    unitId: maySeeAllBulletins(input.actor) ? 'all' : readerUnitOf(input.actor),
    status: input.status,
    periodId: input.periodId,
    unread: input.unread,
    beforeId: after === undefined ? undefined : Number(after),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await presentBulletinSummaries(deps.db, page, input.actor),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** One bulletin the caller may see (404 otherwise). */
export async function getBulletin(deps: Deps, input: { bulletinId: number; actor: Actor }): Promise<Bulletin> {
  const row = await requireVisibleBulletin(deps.db, input.actor, input.bulletinId);
  return presentBulletin(deps.db, row, input.actor);
}

/** The bulletin as an official .docx or PDF, for whoever may see it (same check as the screen). */
export async function bulletinFile(deps: Deps, input: { bulletinId: number; format: BulletinFormat; actor: Actor }) {
  const bulletin = await getBulletin(deps, input);
  const { locale } = await findOrganisation(deps.db);
  return renderBulletinFile(bulletin, locale, deps.config.timeZone, input.format);
}
