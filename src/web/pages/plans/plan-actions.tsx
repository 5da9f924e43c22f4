import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../shared/plans-api.js';
import { isApiError } from '../../api/http.js';
import { usePlanMutations } from '../../api/plans.queries.js';
import { ReviewReasonModal } from '../../components/review-reason-modal.js';
import { errorMessage } from '../../lib/error-message.js';
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
  const { message, modal } = App.useApp();
  const { act } = usePlanMutations(taskId);
  const [isReturning, setIsReturning] = useState(false);
  const actions = REVIEW_ACTIONS.filter((action) => allowedActions.includes(action));
  if (actions.length === 0) return null;

  const run = (action: PlanAction, reason?: string) =>
    act.mutateAsync({ action, version, reason }).then(
      () => {
        setIsReturning(false);
        void message.success(t(`plans.actionDone.${action}`));
      },
      (error: unknown) => {
        setIsReturning(false);
        if (isStalePlanError(error)) {
          void message.warning(t('plans.stale'));
          onStale();
          return;
        }
        void message.error(errorMessage(error, t));
      },
    );

  const handleClick = (action: Exclude<PlanAction, 'revise'>) => {
    if (action === 'return') {
      setIsReturning(true);
      return;
    }
    modal.confirm({
      title: t(`plans.actions.${action}`),
      content: t(`plans.actionHelp.${action}`),
      okText: t(`plans.actions.${action}`),
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
          {t(`plans.actions.${action}`)}
        </Button>
      ))}
      {isReturning && (
        <ReviewReasonModal
          title={t('plans.actions.return')}
          help={t('plans.actionHelp.return')}
          label={t('plans.reason.label')}
          placeholder={t('plans.reason.placeholder')}
          okText={t('plans.actions.return')}
          maxLength={PLAN_LIMITS.reasonMax}
          isPending={act.isPending}
          onSubmit={(reason) => void run('return', reason)}
          onClose={() => setIsReturning(false)}
        />
      )}
    </Flex>
  );
}
