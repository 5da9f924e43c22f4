import { localDate } from '../../domain/dates.js';
import { createPeriod, getPeriod } from '../assessment/assessment.service.js';
import { computePeriod, freezePeriod } from '../assessment/assessment-compute.service.js';
import { getReviewWorksheet, saveReview } from '../assessment/review.service.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { sweepQueued } from '../supervision/sweep.service.js';
import { setTaskProgress } from '../tasks/task-progress.service.js';
import { transitionTask } from '../tasks/task-transitions.service.js';
import { findTaskRow } from '../tasks/tasks.repository.js';
import { actorFor, type DemoCast, demoCast } from './demo-actors.js';
import { loadDemoLoopFollowUp } from './demo-closing-loop-follow-up.js';
import {
  LOOP_FAILURES,
  LOOP_PRACTICES,
  LOOP_TASKS,
  type LoopTaskIds,
  type LoopTaskKey,
  stagePeriodName,
  yearPeriodName,
} from './demo-closing-loop-specs.js';

// The closing loop of the demo (issue 7), after the work report and its supervision: the
// supervision office closes the monthly-dispatch subtask on time, assesses the work report from
// January to this month, reviews it item by item (three failures, one exemplary practice), freezes
// it, opens the year's period as a computed draft (so the trend has two points), then follows up
// (demo-closing-loop-follow-up.ts): a rectification, two cases, a bulletin, an accountability record.
// Period dates follow today; the stage period must reach today, when the demo's tasks are closed.

/** What the closing loop created. */
export interface DemoClosingLoopResult {
  periods: number;
  reviews: number;
  rectifications: number;
  cases: number;
  /** The issued bulletin's number (督通〔2026〕N号). */
  bulletin: string;
  /** The accountability record's number (问〔2026〕N号). */
  accountability: string;
}

async function findLoopTasks(db: Database): Promise<{ ids: LoopTaskIds; sourceId: number | null }> {
  const titles = Object.values(LOOP_TASKS);
  const rows = await db.selectFrom('tasks').select(['id', 'title', 'source_id']).where('title', 'in', titles).execute();
  const ids: LoopTaskIds = {};
  for (const [key, title] of Object.entries(LOOP_TASKS) as Array<[LoopTaskKey, string]>) {
    const row = rows.find((r) => r.title === title);
    if (row) ids[key] = row.id;
  }
  const farmland = rows.find((r) => r.id === ids.farmland);
  return { ids, sourceId: farmland?.source_id ?? null };
}

/** The monthly dispatch mechanism is in place: the office sets it to 100%, the unit applies, the office closes it. */
async function closeDispatchTask(deps: { db: Database; config: Config }, cast: DemoCast, taskId: number | undefined) {
  const task = taskId === undefined ? undefined : await findTaskRow(deps.db, taskId);
  if (task?.status !== 'in_progress') return;
  const { db } = deps;
  const version = async () => (await findTaskRow(db, task.id))?.version ?? task.version;
  await setTaskProgress(deps, { taskId: task.id, version: task.version, progress: 100, actor: cast.supervisor });
  const staff = await cast.staff('fgw');
  await transitionTask(deps, { taskId: task.id, action: 'request_closure', version: await version(), actor: staff });
  await transitionTask(deps, { taskId: task.id, action: 'close', version: await version(), actor: cast.supervisor });
}

/** Classifies the stage period's tasks that have specs, by their computed outcome; answers how many. */
async function reviewStagePeriod(db: Database, periodId: number, ids: LoopTaskIds, actor: Actor): Promise<number> {
  const sheet = await getReviewWorksheet(db, { periodId, filter: {}, actor });
  let reviews = 0;
  for (const item of sheet.items) {
    if (item.taskId === ids.dispatch && item.computedOutcome === 'done_on_time') {
      const body = { practices: LOOP_PRACTICES, exemplaryCandidate: true, version: 0 };
      await saveReview(db, { periodId, taskId: item.taskId, body, actor });
      reviews++;
      continue;
    }
    const key = (Object.keys(ids) as LoopTaskKey[]).find((k) => ids[k] === item.taskId);
    const failure = key ? LOOP_FAILURES[key] : undefined;
    if (!failure || item.computedOutcome === 'done_on_time') continue;
    await saveReview(db, { periodId, taskId: item.taskId, body: { ...failure, version: 0 }, actor });
    reviews++;
  }
  return reviews;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Loads the closing loop once: nothing when the demo work report is missing (no config, or the
 * tasks not loaded) or when the year's period is already there. Answers what it created, or null.
 */
export async function loadDemoClosingLoop(
  deps: { db: Database; config: Config },
  unitIds: ReadonlyMap<string, number>,
): Promise<DemoClosingLoopResult | null> {
  const { db, config } = deps;
  const { ids, sourceId } = await findLoopTasks(db);
  const supervisor = await actorFor(db, 'duchashi.li');
  if (sourceId === null || ids.farmland === undefined || !supervisor) return null;
  const today = localDate(new Date(), config.timeZone);
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const already = await db
    .selectFrom('assessment_periods')
    .select('id')
    .where('name', '=', yearPeriodName(year))
    .executeTakeFirst();
  if (already) return null;
  const cast = demoCast(db, supervisor);
  await closeDispatchTask(deps, cast, ids.dispatch);

  const selection = {
    sourceIds: [sourceId],
    tags: [],
    keyOnly: false,
    taskIds: [],
    handPickedOnly: false,
    includeOpenRectifications: true,
  };
  const stage = await createPeriod(db, {
    name: stagePeriodName(year, month),
    startsOn: `${year}-01-01`,
    endsOn: lastDayOfMonth(year, month),
    selection,
    actor: supervisor,
  });
  await computePeriod(deps, { periodId: stage.id, actor: supervisor });
  const reviews = await reviewStagePeriod(db, stage.id, ids, supervisor);
  const reviewed = await getPeriod(db, { periodId: stage.id, actor: supervisor });
  await freezePeriod(deps, { periodId: stage.id, version: reviewed.version, actor: supervisor });
  const yearly = await createPeriod(db, {
    name: yearPeriodName(year),
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    selection,
    previousPeriodId: stage.id,
    actor: supervisor,
  });
  await computePeriod(deps, { periodId: yearly.id, actor: supervisor });
  const followUp = await loadDemoLoopFollowUp(deps, { cast, unitIds, ids, periodId: stage.id, today });
  // The closed subtask and the new rectification item wait in the sweep queue: light them now.
  await sweepQueued(db, { today, timeZone: config.timeZone });
  return { periods: 2, reviews, ...followUp };
}
