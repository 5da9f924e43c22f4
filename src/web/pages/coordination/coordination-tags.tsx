import { RetweetOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoordinationStatus } from '../../../shared/coordination-api.js';
import type { CoordinationRequest } from '../../api/coordination.api.js';

const STATUS_COLORS: Record<CoordinationStatus, string> = {
  open: 'gold',
  accepted: 'blue',
  declined: 'orange',
  passed_on: 'orange',
  escalated: 'red',
  fulfilled: 'green',
  withdrawn: 'default',
};

/** A request's status, with the flags that call for attention: late commitment, overdue answer. */
export function CoordinationStatusTags({ request }: { request: CoordinationRequest }) {
  const { t } = useTranslation();
  const decided = request.status === 'escalated' && !request.awaitsDecision;
  return (
    <Flex gap={4} wrap>
      <Tag color={decided ? 'purple' : STATUS_COLORS[request.status]} style={{ marginInlineEnd: 0 }}>
        {decided ? t('coordination.decided') : t(`coordination.status.${request.status}`)}
      </Tag>
      {request.isLate && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('coordination.flags.late')}
        </Tag>
      )}
      {request.isOverdue && (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {t('coordination.flags.overdue')}
        </Tag>
      )}
    </Flex>
  );
}

/**
 * The bounce count (推诿扯皮 indicator), always shown: grey at none, orange once bounced, red at the
 * limit that escalates the request.
 */
export function BounceBadge({ count, limit }: { count: number; limit: number | null }) {
  const { t } = useTranslation();
  const color = count === 0 ? 'default' : limit !== null && count >= limit ? 'red' : 'orange';
  const tag = (
    <Tag color={color} icon={<RetweetOutlined />} style={{ marginInlineEnd: 0 }} data-testid="bounce-badge">
      {t('coordination.bounces', { count })}
    </Tag>
  );
  if (limit === null) return tag;
  return <Tooltip title={t('coordination.bouncesHelp', { limit })}>{tag}</Tooltip>;
}
