import { useTranslation } from 'react-i18next';
import { EXTENSION_LIMITS, type ExtensionAction } from '../../../shared/extensions-api.js';
import type { ExtensionRequest } from '../../api/extensions.api.js';
import { useExtensionMutations } from '../../api/extensions.queries.js';
import { isApiError } from '../../api/http.js';
import { ReviewActions } from '../../components/review-actions.js';

/** The review flow's words: rejecting is its `return` (it asks for a reason). */
type ButtonAction = 'approve' | 'return' | 'withdraw';

const TO_BUTTON: Record<ExtensionAction, ButtonAction> = { approve: 'approve', reject: 'return', withdraw: 'withdraw' };
const TO_API: Record<ButtonAction, ExtensionAction> = { approve: 'approve', return: 'reject', withdraw: 'withdraw' };
const ORDER: readonly ButtonAction[] = ['approve', 'return', 'withdraw'];

/** The 409s that mean "the request moved on": reload and say so. */
function isStale(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'supervision_action_illegal');
}

/** Approve (confirmed), reject (with a reason) or withdraw, as the caller may now. */
export function ExtensionActions({
  taskId,
  request,
  onStale,
}: {
  taskId: number;
  request: ExtensionRequest;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { act } = useExtensionMutations(taskId);
  const allowed = request.allowedActions.map((action) => TO_BUTTON[action]);
  const toLeader = (action: ButtonAction) =>
    action === 'approve' && request.status === 'pending_supervisor' && request.needsLeader;
  const busy = act.isPending && act.variables ? TO_BUTTON[act.variables.action] : undefined;
  return (
    <ReviewActions<ButtonAction>
      actions={ORDER.filter((action) => allowed.includes(action))}
      busyAction={busy}
      onAct={(action, reason) =>
        act.mutateAsync({ extensionId: request.id, action: TO_API[action], version: request.version, comment: reason })
      }
      isStale={isStale}
      onStale={onStale}
      reasonMax={EXTENSION_LIMITS.commentMax}
      texts={{
        label: (action) => t(`extensions.actions.${action}`),
        help: (action) =>
          toLeader(action) ? t('extensions.actionHelp.approveToLeader') : t(`extensions.actionHelp.${action}`),
        done: (action) =>
          toLeader(action) ? t('extensions.actionDone.approveToLeader') : t(`extensions.actionDone.${action}`),
        stale: t('extensions.stale'),
        reasonLabel: t('extensions.reasonLabel'),
        reasonPlaceholder: t('extensions.reasonPlaceholder'),
      }}
    />
  );
}
