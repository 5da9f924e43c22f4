import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { findSettingRow, lockSettingRow, type SettingRow, writeSettingRow } from '../settings/settings.repository.js';

const KEY = 'calendar';

/**
 * The calendar's own bookkeeping, kept in the `calendar` settings row: which years hold an
 * official schedule, which years the shipped data has been seeded for, and a revision (the row's
 * version) that every calendar write bumps so other app nodes notice the change.
 */
export interface CalendarState {
  revision: number;
  publishedYears: number[];
  seededYears: number[];
}

function years(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((y): y is number => Number.isInteger(y)).sort((a, b) => a - b) : [];
}

function parseState(row: SettingRow | undefined): CalendarState {
  let value: { publishedYears?: unknown; seededYears?: unknown } = {};
  try {
    value = row ? JSON.parse(row.value) : {};
  } catch {
    // unreadable: treated as empty, so the next seed run fills it in again
  }
  return {
    revision: row?.version ?? 0,
    publishedYears: years(value.publishedYears),
    seededYears: years(value.seededYears),
  };
}

/** The calendar's bookkeeping as it is now. */
export async function readCalendarState(db: Executor): Promise<CalendarState> {
  return parseState(await findSettingRow(db, KEY));
}

/** The bookkeeping, locked until the transaction ends: calendar writers go one at a time. */
export async function lockCalendarState(trx: Executor): Promise<CalendarState> {
  return parseState(await lockSettingRow(trx, KEY));
}

/** Records a calendar change (bumping the revision), with new year lists when they changed. */
export async function saveCalendarState(
  trx: Executor,
  state: Pick<CalendarState, 'publishedYears' | 'seededYears'>,
  actor: Actor | null,
): Promise<void> {
  const value = {
    publishedYears: [...new Set(state.publishedYears)].sort((a, b) => a - b),
    seededYears: [...new Set(state.seededYears)].sort((a, b) => a - b),
  };
  await writeSettingRow(trx, KEY, {
    value: JSON.stringify(value),
    updated_at: nowIso(),
    updated_by: actor?.userId ?? null,
  });
}
