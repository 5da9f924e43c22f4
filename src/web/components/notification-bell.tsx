import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Divider, Dropdown, Empty, Flex, Grid, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { NotificationView } from '../api/notifications.api.js';
import { useLatestNotifications, useMarkNotificationsRead, useUnreadCount } from '../api/notifications.queries.js';
import { NotificationItem } from '../pages/notifications/notification-item.js';

/** The bell's dropdown: the newest notifications, "mark all read" and a link to the whole list. */
function NotificationPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const latest = useLatestNotifications(true);
  const markRead = useMarkNotificationsRead();
  const unread = useUnreadCount();
  const handleRead = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    onClose();
  };
  return (
    <div
      className="notification-panel"
      style={{
        width: 'min(360px, calc(100vw - 24px))',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
        padding: '12px 0 4px',
      }}
    >
      <Flex justify="space-between" align="center" style={{ paddingInline: 16 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={(unread.data ?? 0) === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          style={{ paddingInline: 0 }}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 360, overflowY: 'auto', paddingInline: 16 }}>
        {latest.isPending && <Skeleton active paragraph={{ rows: 3 }} style={{ marginTop: 12 }} />}
        {latest.isError && (
          <Typography.Text type="danger" style={{ display: 'block', paddingBlock: 12 }}>
            {t('result.errorTitle')}
          </Typography.Text>
        )}
        {latest.data?.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        )}
        {latest.data?.map((notification) => (
          <div key={notification.id} style={{ paddingBlock: 10, borderBottom: '1px solid #f0f0f0' }}>
            <NotificationItem notification={notification} onRead={handleRead} compact />
          </div>
        ))}
      </div>
      <Divider style={{ margin: '4px 0' }} />
      <Flex justify="center">
        <Link to="/notifications" onClick={onClose} style={{ padding: '6px 16px' }}>
          {t('notifications.seeAll')}
        </Link>
      </Flex>
    </div>
  );
}

/**
 * 通知: a bell in the header with my unread count (checked every minute and when the window
 * regains focus), opening the newest notifications; on a phone it goes to the notifications page.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = Grid.useBreakpoint().md === false;
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const count = unread.data ?? 0;
  const button = (
    <Button
      type="text"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      onClick={isMobile ? () => navigate('/notifications') : undefined}
      icon={
        <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
  if (isMobile) return button;
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => <NotificationPanel onClose={() => setOpen(false)} />}
    >
      {button}
    </Dropdown>
  );
}
