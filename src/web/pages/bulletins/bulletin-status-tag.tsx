import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinStatus } from '../../api/bulletins.api.js';

/** Draft (grey) or issued (red, like the letterhead). */
export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'issued' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`bulletins.status.${status}`)}
    </Tag>
  );
}
