import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../shared/plans-api.js';
import { isApiError } from '../../api/http.js';
import { usePlanMutations } from '../../api/plans.queries.js';
import { ReviewActions } from '../../components/review-actions.js';
import { PLAN_LIMITS } from './plan-limits.js';

/** The review steps shown as buttons, in the order people take them (revising opens the editor). */
const REVIEW_ACTIONS: readonly Exclude<PlanAction, 'revise'>[] = ['submit', 'approve', 'accept', 'return'];

/** The 409s that mean "the plan moved on": reload it and say so. */
export function isStalePlanError(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'plan_action_illegal');
}

interface PlanActionsProps {
  taskId: number;
  version: number;
  allowedActions: readonly PlanAction[];
  onStale: () => void;
}

/** Submit, approve, accept (each confirmed) and return (with a reason), as the server allows now. */
export function PlanActions({ taskId, version, allowedActions, onStale }: PlanActionsProps) {
  const { t } = useTranslation();
  const { act } = usePlanMutations(taskId);
  return (
    <ReviewActions
      actions={REVIEW_ACTIONS.filter((action) => allowedActions.includes(action))}
      busyAction={act.isPending ? act.variables?.action : undefined}
      onAct={(action, reason) => act.mutateAsync({ action, version, reason })}
      isStale={isStalePlanError}
      onStale={onStale}
      reasonMax={PLAN_LIMITS.reasonMax}
      texts={{
        label: (action) => t(`plans.actions.${action}`),
        help: (action) => t(`plans.actionHelp.${action}`),
        done: (action) => t(`plans.actionDone.${action}`),
        stale: t('plans.stale'),
        reasonLabel: t('plans.reason.label'),
        reasonPlaceholder: t('plans.reason.placeholder'),
      }}
    />
  );
}
