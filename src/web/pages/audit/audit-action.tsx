import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionLabel } from './audit-labels.js';

/** An action as people say it, followed by its code for those who filter by it. */
export function AuditAction({ action }: { action: string }) {
  const { t } = useTranslation();
  const label = actionLabel(t, action);
  if (!label) return <Typography.Text code>{action}</Typography.Text>;
  return (
    <span>
      {label}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {action}
      </Typography.Text>
    </span>
  );
}
