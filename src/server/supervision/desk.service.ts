import { localDate } from '../../domain/dates.js';
import { dueLadderActions } from '../../domain/escalation-ladder.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { HEALTH_FLAG_BITS } from '../../shared/health-api.js';
import { LADDER_ACTIONS } from '../../shared/ladder-api.js';
import type { DeskView } from '../../shared/supervision-api.js';
import type { Actor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { assertAllowed, can } from '../policy.js';
import { countByLightAndFlags, lastFullSweepDay, listTaskIdsWithDeadlineBetween } from './desk.repository.js';
import { countQueuedHealth } from './health.repository.js';
import { listRecordedOccurrences } from './health-facts.repository.js';
import { getLadderSettings } from './ladder-settings.service.js';
import { presentAction } from './supervision-action.presenter.js';
import { countActionsSince, listActionRows } from './supervision-actions.repository.js';
import { getSupervisionSettings, healthSettingsOf } from './supervision-settings.service.js';
import { readSituations } from './task-situation.js';

/** How far ahead the desk looks for the ladder's coming actions, and how far back at overdue tasks. */
const PENDING_AHEAD_WORKING_DAYS = 5;
const PENDING_BEHIND_DAYS = 30;

/** The supervision desk: lights and flags, the queue, this week's actions, recent and coming ones. */
export async function getDesk(db: Database, input: { actor: Actor; timeZone: string }): Promise<DeskView> {
  assertAllowed(can.urgeTasks(input.actor));
  const today = localDate(new Date(), input.timeZone);
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
  const [groups, queued, week, recent, lastDay, pending] = await Promise.all([
    countByLightAndFlags(db),
    countQueuedHealth(db),
    countActionsSince(db, weekAgo),
    listActionRows(db, { limit: 20 }),
    lastFullSweepDay(db),
    pendingActions(db, today, input.timeZone),
  ]);
  const lights = { green: 0, amber: 0, red: 0 };
  const flags = { overdue: 0, stalled: 0, reportMissing: 0, unacknowledged: 0 };
  for (const group of groups) {
    lights[group.light as keyof typeof lights] += group.n;
    for (const [name, bit] of Object.entries(HEALTH_FLAG_BITS)) {
      if (group.flags & bit) flags[name as keyof typeof flags] += group.n;
    }
  }
  return {
    lights,
    flags,
    queued,
    actionsThisWeek: Object.fromEntries(
      LADDER_ACTIONS.map((kind) => [kind, week.get(kind) ?? 0]),
    ) as DeskView['actionsThisWeek'],
    recentActions: recent.map(presentAction),
    pendingActions: pending,
    lastFullSweepDay: lastDay,
  };
}

/**
 * What the ladder will do in the next few working days if nothing changes: for open tasks with a
 * deadline from a month ago to the horizon, the rungs due after today and by the horizon that are not
 * recorded yet (the nearest 50).
 */
async function pendingActions(db: Database, today: string, timeZone: string): Promise<DeskView['pendingActions']> {
  const [calendar, settings, ladder] = await Promise.all([
    loadWorkingCalendar(db),
    getSupervisionSettings(db),
    getLadderSettings(db),
  ]);
  const horizon = addWorkingDays(calendar, today, PENDING_AHEAD_WORKING_DAYS);
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - PENDING_BEHIND_DAYS);
  const ids = await listTaskIdsWithDeadlineBetween(db, {
    from: from.toISOString().slice(0, 10),
    to: horizon,
    limit: 300,
  });
  if (ids.length === 0) return [];
  const context = { today, timeZone, calendar, settings: healthSettingsOf(settings) };
  const [situations, recorded] = await Promise.all([
    readSituations(db, ids, context),
    listRecordedOccurrences(db, ids),
  ]);
  const done = new Set(recorded.map((r) => `${r.task_id}|${r.occurrence_key}`));
  const found = new Map<string, DeskView['pendingActions'][number]>();
  for (const situation of situations) {
    const { id, number, title, deadline } = situation.row;
    const task = { id, number, title, deadline };
    for (const action of dueLadderActions(ladder.rules, situation.ladder, horizon, calendar)) {
      const key = `${task.id}|${action.occurrenceKey}`;
      if (action.dueOn <= today || done.has(key) || found.has(key)) continue;
      found.set(key, {
        ruleId: action.ruleId,
        kind: action.action,
        trigger: action.trigger,
        dueOn: action.dueOn,
        task,
      });
    }
  }
  return [...found.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.task.id - b.task.id).slice(0, 50);
}

/** A page of recorded actions, newest first. */
export async function listActions(
  db: Database,
  input: {
    actor: Actor;
    kind?: string | undefined;
    origin?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  assertAllowed(can.urgeTasks(input.actor));
  const after = input.cursor ? decodeCursor(input.cursor, 1) : undefined;
  const beforeId = after ? Number(after[0]) : undefined;
  if (beforeId !== undefined && !Number.isInteger(beforeId)) throw new AppError('invalid_cursor', {}, 'cursor');
  const rows = await listActionRows(db, { kind: input.kind, origin: input.origin, beforeId, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentAction),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}
