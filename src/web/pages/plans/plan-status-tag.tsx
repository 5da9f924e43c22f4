import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../../shared/plans-api.js';

const STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'default',
  pending_head: 'gold',
  pending_supervisor: 'purple',
  accepted: 'green',
  returned: 'orange',
  superseded: 'default',
};

/** A plan version's review status as a coloured tag. */
export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`plans.status.${status}`)}
    </Tag>
  );
}
