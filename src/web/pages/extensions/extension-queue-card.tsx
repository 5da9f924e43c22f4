import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ExtensionQueueItem } from '../../api/extensions.api.js';
import { TaskKeyTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { ExtensionStatusTag } from './extension-status-tag.js';

/** One request in the queue: status, task, unit, the dates asked and a link to decide on the task. */
export function ExtensionQueueCard({ item }: { item: ExtensionQueueItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const link = `/tasks/${item.task.id}?tab=supervision`;
  return (
    <Card size="small" role="listitem" aria-label={item.task.title}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Flex align="center" gap={6} wrap>
            <ExtensionStatusTag status={item.status} />
            {item.filedLate && (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t('extensions.item.filedLate')}
              </Tag>
            )}
            {item.task.isKey && <TaskKeyTag />}
            <Typography.Text strong>
              {t('extensions.item.proposed', { to: formatDay(item.proposedDeadline, locale) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('extensions.item.from', { from: formatDay(item.deadlineAtRequest, locale) })}
            </Typography.Text>
          </Flex>
          <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
              {item.task.number}
            </Typography.Text>
            <Link to={link} style={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: 0 }}>
              {item.task.title}
            </Link>
          </Flex>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
            {item.reason}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[
              item.unit.name,
              t('extensions.item.progress', { progress: item.progress }),
              t('extensions.item.requestedBy', {
                name: item.requestedBy?.displayName ?? t('tasks.history.system'),
                time: formatShortDateTime(item.createdAt, locale),
              }),
            ].join(' · ')}
          </Typography.Text>
        </Flex>
        <Link to={link} tabIndex={-1} style={{ flex: 'none' }}>
          <Button type="primary" size="small">
            {t('extensions.queue.open')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
