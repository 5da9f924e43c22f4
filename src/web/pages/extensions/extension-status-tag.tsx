import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExtensionStatus } from '../../../shared/extensions-api.js';

const STATUS_COLORS: Record<ExtensionStatus, string> = {
  pending_supervisor: 'purple',
  pending_leader: 'magenta',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** An extension request's status as a coloured tag. */
export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`extensions.status.${status}`)}
    </Tag>
  );
}
