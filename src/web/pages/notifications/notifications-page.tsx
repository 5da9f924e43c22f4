import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Grid, Segmented, Skeleton, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { NotificationView } from '../../api/notifications.api.js';
import { useMarkNotificationsRead, useNotificationPages, useUnreadCount } from '../../api/notifications.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { NotificationItem } from './notification-item.js';

/** 通知: everything the system told me, newest first; unread only on request; mark read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const pages = useNotificationPages(unreadOnly);
  const unread = useUnreadCount();
  const markRead = useMarkNotificationsRead();
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = unread.data ?? 0;

  const handleRead = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
  };
  const handleReadAll = () =>
    markRead.mutate(
      { all: true },
      {
        onSuccess: () => void message.success(t('notifications.allRead')),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <>
            <Link to="/notifications/preferences">
              <Button icon={<SettingOutlined />}>{t('channels.prefs.link')}</Button>
            </Link>
            <Button
              icon={<CheckOutlined />}
              onClick={handleReadAll}
              loading={markRead.isPending && markRead.variables && 'all' in markRead.variables}
              disabled={unreadCount === 0}
            >
              {t('notifications.markAllRead')}
            </Button>
          </>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => setParams(value === 'unread' ? { unread: '1' } : {}, { replace: true })}
            options={[
              { value: 'all', label: t('notifications.filterAll') },
              { value: 'unread', label: t('notifications.filterUnread', { count: unreadCount }) },
            ]}
            aria-label={t('notifications.filterLabel')}
          />
        </Flex>
        {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
        {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && items.length === 0 && (
          <Empty
            description={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
            style={{ paddingBlock: 24 }}
          />
        )}
        {items.length > 0 && (
          <ul aria-label={t('notifications.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((notification) => (
              <li key={notification.id} style={{ paddingBlock: 12, borderBottom: '1px solid #f0f0f0' }}>
                <Flex gap={8} align="flex-start">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <NotificationItem notification={notification} onRead={handleRead} />
                  </div>
                  {notification.readAt === null && (
                    <Tooltip title={isMobile ? t('notifications.markRead') : undefined}>
                      <Button
                        size="small"
                        type="text"
                        icon={isMobile ? <CheckOutlined /> : undefined}
                        onClick={() => handleRead(notification)}
                        aria-label={t('notifications.markReadOne')}
                        style={{ flex: 'none' }}
                      >
                        {isMobile ? null : t('notifications.markRead')}
                      </Button>
                    </Tooltip>
                  )}
                </Flex>
              </li>
            ))}
          </ul>
        )}
        {pages.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              {t('notifications.loadMore')}
            </Button>
          </Flex>
        )}
        {items.length > 0 && !pages.hasNextPage && (
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 12 }}>
            {t('notifications.end')}
          </Typography.Text>
        )}
      </Card>
    </>
  );
}
