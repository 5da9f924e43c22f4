import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInbox } from '../api/tasks.queries.js';

/** The number of tasks waiting to be acknowledged, beside "Inbox" in the navigation; nothing when none. */
export function TaskInboxCount() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const count = inbox.data?.toAcknowledge.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge
      count={count}
      size="small"
      overflowCount={99}
      style={{ marginInlineStart: 4 }}
      aria-label={t('inbox.toAcknowledgeCount', { count })}
    />
  );
}
