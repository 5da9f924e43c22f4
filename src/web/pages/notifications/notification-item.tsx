import { AuditOutlined, BellOutlined, FileDoneOutlined, FlagOutlined, ProfileOutlined } from '@ant-design/icons';
import { Badge, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NotificationKind } from '../../../shared/notifications-api.js';
import type { NotificationView } from '../../api/notifications.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { notificationLink, notificationText } from './notification-view.js';

function KindIcon({ kind }: { kind: NotificationKind }) {
  const style = { fontSize: 16, color: kind.endsWith('returned') || kind === 'report.missing' ? '#d4380d' : '#1d4f91' };
  if (kind.startsWith('plan.')) return <ProfileOutlined style={style} />;
  if (kind.startsWith('report.')) return <FileDoneOutlined style={style} />;
  if (kind.startsWith('closure.')) return <FlagOutlined style={style} />;
  if (kind === 'task.assigned') return <AuditOutlined style={style} />;
  return <BellOutlined style={style} />;
}

interface NotificationItemProps {
  notification: NotificationView;
  /** Following the link (or "mark read") marks it read. */
  onRead: (notification: NotificationView) => void;
  compact?: boolean;
}

/** One notification: what happened, when, unread or not; the text links to the task's tab. */
export function NotificationItem({ notification, onRead, compact }: NotificationItemProps) {
  const { t } = useTranslation();
  const text = notificationText(notification, currentLocale());
  const link = notificationLink(notification);
  const isUnread = notification.readAt === null;
  return (
    <Flex gap={10} align="flex-start" style={{ minWidth: 0 }}>
      <span style={{ flex: 'none', paddingTop: 2 }}>
        <KindIcon kind={notification.kind} />
      </span>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        {link ? (
          <Link
            to={link}
            onClick={() => onRead(notification)}
            style={{
              overflowWrap: 'anywhere',
              fontWeight: isUnread ? 500 : 400,
              color: isUnread ? undefined : '#595959',
            }}
          >
            {text}
          </Link>
        ) : (
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{text}</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: compact ? 12 : 13 }}>
          {formatShortDateTime(notification.createdAt, currentLocale())}
        </Typography.Text>
      </Flex>
      {isUnread && (
        <span style={{ flex: 'none', paddingTop: 4 }}>
          <Badge status="processing" aria-label={t('notifications.unreadMark')} title={t('notifications.unreadMark')} />
        </span>
      )}
    </Flex>
  );
}
