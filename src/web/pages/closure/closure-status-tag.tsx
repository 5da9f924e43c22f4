import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClosureStatus } from '../../../shared/closure-api.js';

const STATUS_COLORS: Record<ClosureStatus, string> = {
  draft: 'default',
  pending_head: 'gold',
  pending_supervisor: 'purple',
  pending_leader: 'magenta',
  accepted: 'green',
  returned: 'orange',
};

/** A closure application's status as a coloured tag. */
export function ClosureStatusTag({ status }: { status: ClosureStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`closure.status.${status}`)}
    </Tag>
  );
}
