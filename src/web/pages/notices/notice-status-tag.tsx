import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice, NoticeStatus } from '../../api/notices.api.js';

const STATUS_COLORS: Record<NoticeStatus, string> = {
  issued: 'red',
  responded: 'purple',
  accepted: 'green',
  returned: 'orange',
};

/** A notice's status as a coloured tag, with "response overdue" beside it when it is. */
export function NoticeStatusTag({ notice }: { notice: Pick<Notice, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLORS[notice.status]} style={{ marginInlineEnd: 0 }}>
        {t(`notices.status.${notice.status}`)}
      </Tag>
      {notice.overdue && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {t('notices.overdue')}
        </Tag>
      )}
    </>
  );
}
