import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { PeriodSelection } from '../../shared/assessment-api.js';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';

// Which tasks a period covers (periodSelectionSchema): resolved once per computation, set-based,
// straight into `assessment_tasks`, which every facts query then joins on its primary key
// (period_id, task_id) — no list of 100,000 ids travels back and forth.

type TasksEb = ExpressionBuilder<DB, 'tasks'>;

/** A LIKE pattern matching the JSON text of one tag inside the tags array. */
function tagPattern(tag: string): string {
  return `%${JSON.stringify(tag).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The selection's criteria (every given one must match; an empty one matches all). */
function criteria(eb: TasksEb, selection: PeriodSelection): Expression<SqlBool> {
  if (selection.handPickedOnly) return eb.lit(false);
  const all: Expression<SqlBool>[] = [];
  if (selection.sourceIds.length) all.push(eb('tasks.source_id', 'in', selection.sourceIds));
  if (selection.keyOnly) all.push(eb('tasks.is_key', '=', 1));
  if (selection.tags.length) {
    all.push(eb.or(selection.tags.map((tag) => sql<SqlBool>`tasks.tags like ${tagPattern(tag)} escape '\\'`)));
  }
  return all.length ? eb.and(all) : eb.lit(true);
}

/**
 * Replaces the period's task list with the tasks it covers: matching the criteria or hand-picked,
 * assigned before the period ends, not closed before it starts, not cancelled before it starts;
 * plus, when asked, rectification items still open when it starts (carried over). Outcomes are
 * written later by `setOutcomes`. A scan of tasks (a period covers most of the table); the cancel
 * check reads task_events_task_idx only for cancelled tasks.
 */
export async function resolvePeriodTasks(
  db: Executor,
  input: { periodId: number; selection: PeriodSelection; from: string; until: string },
): Promise<void> {
  const { periodId, selection, from, until } = input;
  await db.deleteFrom('assessment_tasks').where('period_id', '=', periodId).execute();
  const openAt = (eb: TasksEb, since: string) =>
    eb.and([
      eb('tasks.assigned_at', 'is not', null),
      eb('tasks.assigned_at', '<', until),
      eb.or([eb('tasks.closed_at', 'is', null), eb('tasks.closed_at', '>=', since)]),
      eb.or([
        eb('tasks.status', '!=', 'cancelled'),
        eb.not(
          eb.exists(
            eb
              .selectFrom('task_events')
              .select('task_events.id')
              .whereRef('task_events.task_id', '=', 'tasks.id')
              .where('task_events.to_status', '=', 'cancelled')
              .where('task_events.at', '<', since),
          ),
        ),
      ]),
    ]);
  const members = db
    .selectFrom('tasks')
    .select((eb) => [eb.lit(periodId).as('period_id'), 'tasks.id as task_id', sql.lit('not_done').as('outcome')])
    .where((eb) => {
      const chosen: Expression<SqlBool>[] = [criteria(eb, selection)];
      if (selection.taskIds.length) chosen.push(eb('tasks.id', 'in', selection.taskIds));
      if (selection.includeOpenRectifications) {
        chosen.push(
          eb.and([
            eb('tasks.kind', '=', 'rectification'),
            eb('tasks.assigned_at', '<', from),
            eb.or([eb('tasks.closed_at', 'is', null), eb('tasks.closed_at', '>=', from)]),
          ]),
        );
      }
      return eb.and([eb.or(chosen), openAt(eb, from)]);
    });
  await db.insertInto('assessment_tasks').columns(['period_id', 'task_id', 'outcome']).expression(members).execute();
}

/** Writes the computed outcomes, one statement per outcome and chunk of ids (assessment_tasks_pk). */
export async function setOutcomes(
  db: Executor,
  periodId: number,
  outcomes: ReadonlyArray<{ taskId: number; outcome: string }>,
): Promise<void> {
  const byOutcome = new Map<string, number[]>();
  for (const { taskId, outcome } of outcomes) {
    if (outcome === 'not_done') continue; // the value they were inserted with
    const ids = byOutcome.get(outcome);
    if (ids) ids.push(taskId);
    else byOutcome.set(outcome, [taskId]);
  }
  for (const [outcome, ids] of byOutcome) {
    for (let i = 0; i < ids.length; i += 5000) {
      await db
        .updateTable('assessment_tasks')
        .set({ outcome })
        .where('period_id', '=', periodId)
        .where('task_id', 'in', ids.slice(i, i + 5000))
        .execute();
    }
  }
}
