import { useTranslation } from 'react-i18next';

const ROUND_ACTIONS = ['submit', 'approve', 'return', 'accept', 'revise'] as const;
type RoundAction = (typeof ROUND_ACTIONS)[number];

function isRoundAction(action: string): action is RoundAction {
  return (ROUND_ACTIONS as readonly string[]).includes(action);
}

/** A plan round's action in words ("提交了方案"), for the review timeline. */
export function usePlanActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => (isRoundAction(action) ? t(`plans.rounds.${action}`) : action);
}
