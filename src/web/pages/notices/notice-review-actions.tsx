import { useTranslation } from 'react-i18next';
import { NOTICE_LIMITS } from '../../../shared/notices-api.js';
import { isApiError } from '../../api/http.js';
import type { Notice } from '../../api/notices.api.js';
import { useNoticeMutations } from '../../api/notices.queries.js';
import { ReviewActions } from '../../components/review-actions.js';

type ReviewAction = 'accept' | 'return';

/** The 409s that mean "the notice moved on": reload and say so. */
function isStale(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'supervision_action_illegal');
}

/** Accept (confirmed) or return (with a reason) the unit's response, for the supervision office. */
export function NoticeReviewActions({ notice, onStale }: { notice: Notice; onStale: () => void }) {
  const { t } = useTranslation();
  const { review } = useNoticeMutations();
  const actions = (['accept', 'return'] as const).filter((action) => notice.allowedActions.includes(action));
  const busy = review.isPending && review.variables?.id === notice.id ? review.variables.action : undefined;
  return (
    <ReviewActions<ReviewAction>
      actions={actions}
      busyAction={busy}
      onAct={(action, reason) => review.mutateAsync({ id: notice.id, action, reason, version: notice.version })}
      isStale={isStale}
      onStale={onStale}
      reasonMax={NOTICE_LIMITS.reasonMax}
      texts={{
        label: (action) => t(`notices.actions.${action}`),
        help: (action) => t(`notices.actionHelp.${action}`),
        done: (action) => t(`notices.actionDone.${action}`),
        stale: t('notices.stale'),
        reasonLabel: t('notices.reasonLabel'),
        reasonPlaceholder: t('notices.reasonPlaceholder'),
      }}
    />
  );
}
