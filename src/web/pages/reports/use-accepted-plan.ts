import type { PlanContent } from '../../../shared/plans-api.js';
import { usePlanVersion, useTaskPlan } from '../../api/plans.queries.js';

/**
 * The content of the task's plan in force (its accepted version): the targets whose current values
 * a report gives and the milestones it ticks. Null when the task has no accepted plan.
 */
export function useAcceptedPlan(taskId: number): { content: PlanContent | null; isPending: boolean } {
  const plan = useTaskPlan(taskId);
  const acceptedNo = plan.data?.acceptedVersionNo ?? null;
  const newest = plan.data?.plan ?? null;
  const newestIsAccepted = newest !== null && newest.versionNo === acceptedNo;
  const older = usePlanVersion(taskId, acceptedNo !== null && !newestIsAccepted ? acceptedNo : null);
  if (plan.isPending) return { content: null, isPending: true };
  if (newestIsAccepted) return { content: newest.content, isPending: false };
  if (acceptedNo === null) return { content: null, isPending: false };
  return { content: older.data?.content ?? null, isPending: older.isPending };
}
