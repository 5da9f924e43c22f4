import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodStatus } from '../../../shared/assessment-api.js';

/** Draft (scores may still change) or frozen (published, with a lock). */
export function PeriodStatusTag({ status }: { status: PeriodStatus }) {
  const { t } = useTranslation();
  if (status === 'frozen') {
    return (
      <Tag color="blue" icon={<LockOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('assessment.status.frozen')}
      </Tag>
    );
  }
  return <Tag style={{ marginInlineEnd: 0 }}>{t('assessment.status.draft')}</Tag>;
}
