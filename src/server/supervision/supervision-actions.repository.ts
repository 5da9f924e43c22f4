import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { SupervisionActionTable } from '../db/schema-supervision.js';

export type SupervisionActionRow = Selectable<SupervisionActionTable>;
export type NewSupervisionAction = Omit<Insertable<SupervisionActionTable>, 'id'>;

/**
 * Records an action unless the same (task, occurrence) is already recorded: answers the new row's id,
 * or undefined when it existed. The unique index supervision_actions_once_idx makes this exact on
 * several nodes: a concurrent insert of the same key waits for the other transaction and then does
 * nothing, so whoever gets an id is the one who sends the action's notifications.
 */
export async function insertActionOnce(db: Executor, action: NewSupervisionAction): Promise<number | undefined> {
  const row = await db
    .insertInto('supervision_actions')
    .values(action)
    .onConflict((oc) => oc.columns(['task_id', 'occurrence_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Sets the notice an action issued (a notice rung records the action first, then the notice). */
export async function setActionNotice(db: Executor, actionId: number, noticeId: number): Promise<void> {
  await db.updateTable('supervision_actions').set({ notice_id: noticeId }).where('id', '=', actionId).execute();
}

/** An action with its task's number and title and the acting person's name, for lists. */
export interface ListedActionRow extends SupervisionActionRow {
  task_number: string;
  task_title: string;
  actor_name: string | null;
}

function listedActions(db: Executor) {
  return db
    .selectFrom('supervision_actions as a')
    .innerJoin('tasks as t', 't.id', 'a.task_id')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select(['t.number as task_number', 't.title as task_title', 'u.display_name as actor_name']);
}

/** The newest actions (keyset on id, primary key), optionally of one kind or origin. */
export function listActionRows(
  db: Executor,
  input: { kind?: string | undefined; origin?: string | undefined; beforeId?: number | undefined; limit: number },
): Promise<ListedActionRow[]> {
  let query = listedActions(db);
  if (input.kind) query = query.where('a.kind', '=', input.kind as SupervisionActionRow['kind']);
  if (input.origin) query = query.where('a.origin', '=', input.origin as SupervisionActionRow['origin']);
  if (input.beforeId !== undefined) query = query.where('a.id', '<', input.beforeId);
  return query.orderBy('a.id', 'desc').limit(input.limit).execute();
}

/** A task's actions, newest first (supervision_actions_once_idx covers task_id). */
export function listTaskActionRows(db: Executor, taskId: number): Promise<ListedActionRow[]> {
  return listedActions(db).where('a.task_id', '=', taskId).orderBy('a.id', 'desc').limit(200).execute();
}

/** Actions recorded since an instant, by kind (supervision_actions_recent_idx). */
export async function countActionsSince(db: Executor, since: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('supervision_actions')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', since)
    .groupBy('kind')
    .execute();
  return new Map(rows.map((row) => [row.kind, Number(row.n)]));
}
