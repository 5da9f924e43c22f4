import { type PlanContent, planContentSchema } from '../../shared/plans-api.js';
import type { Executor } from '../db/connect.js';

// Reports refer to the task's plan in force (the accepted version, part B's `plans` table):
// target values by target id, milestones done by milestone id, expected progress by quarter.

/**
 * The content of a task's accepted plan (plans_accepted_uq: at most one per task), or null when
 * the task has none or the stored content does not parse (then reports may name no plan items).
 */
export async function findAcceptedPlanContent(db: Executor, taskId: number): Promise<PlanContent | null> {
  const row = await db
    .selectFrom('plans')
    .select('content')
    .where('task_id', '=', taskId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = planContentSchema.safeParse(JSON.parse(row.content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
