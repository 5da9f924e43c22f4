import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationAction } from '../../../shared/coordination-api.js';
import type { CoordinationRequest } from '../../api/coordination.api.js';
import { CoordinationStepModal } from './coordination-step-modal.js';

/** The step each side is most likely to take, shown as the primary button. */
const PRIMARY: readonly CoordinationAction[] = ['accept', 'fulfil', 'resend', 'resolve'];

/** The steps the caller may take on a request now, each opening its dialog. */
export function CoordinationActions({ request }: { request: CoordinationRequest }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CoordinationAction | null>(null);
  if (request.allowedActions.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {request.allowedActions.map((name) => (
        <Button
          key={name}
          size="small"
          type={PRIMARY.includes(name) ? 'primary' : 'default'}
          danger={name === 'decline'}
          onClick={() => setAction(name)}
        >
          {t(`coordination.actions.${name}`)}
        </Button>
      ))}
      {action && <CoordinationStepModal request={request} action={action} onClose={() => setAction(null)} />}
    </Flex>
  );
}
