import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureAction } from '../../../shared/closure-api.js';
import { useClosureMutations } from '../../api/closure.queries.js';
import { isApiError } from '../../api/http.js';
import { ReviewReasonModal } from '../../components/review-reason-modal.js';
import { errorMessage } from '../../lib/error-message.js';
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
  const { message, modal } = App.useApp();
  const { act } = useClosureMutations(taskId);
  const [isReturning, setIsReturning] = useState(false);
  const actions = ORDER.filter((action) => allowedActions.includes(action));
  if (actions.length === 0) return null;

  const run = (action: ClosureAction, reason?: string) =>
    act.mutateAsync({ action, version, reason }).then(
      () => {
        setIsReturning(false);
        const done =
          action === 'accept' && leaderConfirms
            ? t('closure.actionDone.acceptToLeader')
            : t(`closure.actionDone.${action}`);
        void message.success(done);
      },
      (error: unknown) => {
        setIsReturning(false);
        if (isStaleClosureError(error)) {
          void message.warning(t('closure.stale'));
          onStale();
          return;
        }
        void message.error(errorMessage(error, t));
      },
    );

  const handleClick = (action: ClosureAction) => {
    if (action === 'return') {
      setIsReturning(true);
      return;
    }
    modal.confirm({
      title: t(`closure.actions.${action}`),
      content:
        action === 'accept' && leaderConfirms
          ? t('closure.actionHelp.acceptToLeader')
          : t(`closure.actionHelp.${action}`),
      okText: t(`closure.actions.${action}`),
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });
  };

  const busy = act.isPending ? act.variables?.action : undefined;
  return (
    <Flex gap={8} wrap>
      {actions.map((action) => (
        <Button
          key={action}
          type={action === 'return' ? 'default' : 'primary'}
          danger={action === 'return'}
          loading={busy === action}
          disabled={busy !== undefined && busy !== action}
          onClick={() => handleClick(action)}
        >
          {t(`closure.actions.${action}`)}
        </Button>
      ))}
      {isReturning && (
        <ReviewReasonModal
          title={t('closure.actions.return')}
          help={t('closure.actionHelp.return')}
          label={t('closure.reason.label')}
          placeholder={t('closure.reason.placeholder')}
          okText={t('closure.actions.return')}
          maxLength={CLOSURE_LIMITS.reasonMax}
          isPending={act.isPending}
          onSubmit={(reason) => void run('return', reason)}
          onClose={() => setIsReturning(false)}
        />
      )}
    </Flex>
  );
}
