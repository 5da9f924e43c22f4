import { useTranslation } from 'react-i18next';
import type { ClosureAction } from '../../../shared/closure-api.js';
import { useClosureMutations } from '../../api/closure.queries.js';
import { isApiError } from '../../api/http.js';
import { ReviewActions } from '../../components/review-actions.js';
import { CLOSURE_LIMITS } from './closure-limits.js';

const ORDER: readonly ClosureAction[] = ['submit', 'approve', 'accept', 'confirm', 'return'];

/** The 409s that mean "the application moved on": reload it and say so. */
export function isStaleClosureError(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'closure_action_illegal');
}

interface ClosureActionsProps {
  taskId: number;
  version: number;
  allowedActions: readonly ClosureAction[];
  /** Acceptance goes on to a leader's confirmation (key task, setting on): say so when accepting. */
  leaderConfirms: boolean;
  onStale: () => void;
}

/** Submit, approve, accept, confirm (each confirmed) and return (with a reason), as allowed now. */
export function ClosureActions({ taskId, version, allowedActions, leaderConfirms, onStale }: ClosureActionsProps) {
  const { t } = useTranslation();
  const { act } = useClosureMutations(taskId);
  const toLeader = (action: ClosureAction) => action === 'accept' && leaderConfirms;
  return (
    <ReviewActions
      actions={ORDER.filter((action) => allowedActions.includes(action))}
      busyAction={act.isPending ? act.variables?.action : undefined}
      onAct={(action, reason) => act.mutateAsync({ action, version, reason })}
      isStale={isStaleClosureError}
      onStale={onStale}
      reasonMax={CLOSURE_LIMITS.reasonMax}
      texts={{
        label: (action) => t(`closure.actions.${action}`),
        help: (action) =>
          toLeader(action) ? t('closure.actionHelp.acceptToLeader') : t(`closure.actionHelp.${action}`),
        done: (action) =>
          toLeader(action) ? t('closure.actionDone.acceptToLeader') : t(`closure.actionDone.${action}`),
        stale: t('closure.stale'),
        reasonLabel: t('closure.reason.label'),
        reasonPlaceholder: t('closure.reason.placeholder'),
      }}
    />
  );
}
