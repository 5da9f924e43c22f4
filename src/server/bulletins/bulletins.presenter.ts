import {
  type Bulletin,
  type BulletinContent,
  type BulletinMention,
  type BulletinStatus,
  type BulletinSummary,
  bulletinContentSchema,
} from '../../shared/bulletins-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { findOrganisation, issuerOrganisations } from '../documents/organisation.js';
import { allowedBulletinActions, maySeeAllBulletins, readerUnitOf } from './bulletin-access.js';
import { type BulletinRow, findPeriodNames, findUserNames, listBulletinUnitRows } from './bulletins.repository.js';

// Bulletins as the API answers them: fields listed one by one, the content parsed back through its
// schema, who the caller's unit is to it, and — for those who see all — every unit named.

/** The stored content, parsed (it was validated on the way in). */
export function contentOf(row: Pick<BulletinRow, 'content'>): BulletinContent {
  return bulletinContentSchema.parse(JSON.parse(row.content));
}

async function lookups(db: Executor, rows: readonly BulletinRow[]) {
  const periodIds = [...new Set(rows.map((row) => row.period_id).filter((id): id is number => id !== null))];
  const [periods, units] = await Promise.all([
    findPeriodNames(db, periodIds),
    listBulletinUnitRows(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return { periods: new Map(periods.map((p) => [p.id, p.name])), units };
}

function summaryOf(row: BulletinRow, ctx: Awaited<ReturnType<typeof lookups>>, actor: Actor): BulletinSummary {
  const readerUnit = readerUnitOf(actor);
  const mine = ctx.units.find((u) => u.bulletin_id === row.id && u.unit_id === readerUnit);
  const periodName = row.period_id === null ? undefined : ctx.periods.get(row.period_id);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status as BulletinStatus,
    period: row.period_id !== null && periodName !== undefined ? { id: row.period_id, name: periodName } : null,
    asOf: row.as_of,
    issuedAt: row.issued_at,
    createdAt: row.created_at,
    myUnit: mine ? { mention: mine.mention as BulletinMention, readAt: mine.read_at } : null,
  };
}

/** The list's rows. */
export async function presentBulletinSummaries(
  db: Executor,
  rows: readonly BulletinRow[],
  actor: Actor,
): Promise<BulletinSummary[]> {
  const ctx = await lookups(db, rows);
  return rows.map((row) => summaryOf(row, ctx, actor));
}

/** Whose letterhead it bears: the issuer's (or drafter's) organisation, else the only root unit's name. */
async function organisationOf(db: Executor, row: BulletinRow): Promise<string | null> {
  const by = row.issued_by ?? row.created_by;
  const own = by === null ? undefined : (await issuerOrganisations(db, [by])).get(by);
  return own ?? (await findOrganisation(db)).name;
}

/** One bulletin in full. */
export async function presentBulletin(db: Executor, row: BulletinRow, actor: Actor): Promise<Bulletin> {
  const [ctx, people, organisation] = await Promise.all([
    lookups(db, [row]),
    findUserNames(
      db,
      [row.issued_by, row.created_by].filter((id): id is number => id !== null),
    ),
    organisationOf(db, row),
  ]);
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const person = (id: number | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
  return {
    ...summaryOf(row, ctx, actor),
    content: contentOf(row),
    issuedBy: person(row.issued_by),
    createdBy: person(row.created_by),
    updatedAt: row.updated_at,
    organisation,
    units: maySeeAllBulletins(actor)
      ? ctx.units.map((u) => ({
          unitId: u.unit_id,
          name: u.name,
          mention: u.mention as BulletinMention,
          readAt: u.read_at,
        }))
      : [],
    version: row.version,
    allowedActions: allowedBulletinActions(actor, row),
  };
}
