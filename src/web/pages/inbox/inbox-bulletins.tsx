import { NotificationOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/load-error.js';
import { useUnreadBulletins } from '../bulletins/bulletins.queries.js';

/**
 * 督查通报 in a unit's inbox: the issued bulletins that name the unit and it has not read yet, with
 * why it is named; opening one marks it read (the bulletin page does) and it leaves the list.
 */
export function InboxBulletins() {
  const { t } = useTranslation();
  const bulletins = useUnreadBulletins(true);
  const items = bulletins.data?.items ?? [];
  const title = t('bulletins.inbox.title');
  return (
    <section aria-label={title} style={{ height: '100%' }}>
      <Card
        title={
          <Flex align="center" gap={8}>
            <NotificationOutlined aria-hidden />
            <span>{title}</span>
            <Badge count={items.length} showZero color={items.length > 0 ? undefined : '#bfbfbf'} />
          </Flex>
        }
        extra={<Link to="/bulletins">{t('inbox.seeAll')}</Link>}
        style={{ height: '100%' }}
      >
        {bulletins.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : bulletins.isError ? (
          <LoadError error={bulletins.error} onRetry={() => void bulletins.refetch()} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bulletins.inbox.empty')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
            {items.map((bulletin) => (
              <li key={bulletin.id}>
                <Flex gap={8} align="baseline" wrap>
                  <Link to={`/bulletins/${bulletin.id}`} style={{ fontWeight: 500, minWidth: 0 }}>
                    {bulletin.number} {bulletin.title}
                  </Link>
                  {bulletin.myUnit && <Tag>{t(`bulletins.mention.${bulletin.myUnit.mention}`)}</Tag>}
                  {bulletin.issuedAt && (
                    <Typography.Text type="secondary">{bulletin.issuedAt.slice(0, 10)}</Typography.Text>
                  )}
                </Flex>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
