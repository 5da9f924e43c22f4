import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../shared/reports-api.js';

const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  pending_head: 'gold',
  pending_supervisor: 'processing',
  accepted: 'success',
  returned: 'error',
};

/** Where a report is in its review, as a coloured tag. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`reports.status.${status}`)}
    </Tag>
  );
}
