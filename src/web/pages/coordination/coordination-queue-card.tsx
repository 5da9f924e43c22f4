import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CoordinationRequest } from '../../api/coordination.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { CoordinationActions } from './coordination-actions.js';
import { useTargetName } from './coordination-request-item.js';
import { BounceBadge, CoordinationStatusTags } from './coordination-tags.js';

/**
 * One request in a queue: state and bounces, the task (a link when the caller may open it: a unit
 * asked need not be on the task), from → to, the dates, and the caller's buttons right here.
 */
export function CoordinationQueueCard({ item }: { item: CoordinationRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const targetName = useTargetName();
  const dates = [
    item.status === 'open' ? t('coordination.item.due', { date: formatDay(item.dueDate, locale) }) : null,
    item.commitmentDate ? t('coordination.item.commitment', { date: formatDay(item.commitmentDate, locale) }) : null,
    item.escalatedAt
      ? item.escalatedTo
        ? t('coordination.item.escalatedTo', { name: item.escalatedTo.displayName })
        : t('coordination.item.escalatedToOffice')
      : null,
  ].filter((text): text is string => text !== null);
  return (
    <Card size="small" role="listitem" aria-label={item.matter}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <Flex align="center" gap={6} wrap>
            <CoordinationStatusTags request={item} />
            <BounceBadge count={item.bounceCount} limit={null} />
          </Flex>
          <CoordinationActions request={item} />
        </Flex>
        <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            {item.task.number}
          </Typography.Text>
          {item.taskVisible ? (
            <Link
              to={`/tasks/${item.task.id}?tab=supervision`}
              style={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: 0 }}
            >
              {item.task.title}
            </Link>
          ) : (
            <Typography.Text strong style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {item.task.title}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          {t('coordination.item.route', { from: item.fromUnit.name, to: targetName(item) })}
        </Typography.Text>
        <Typography.Paragraph
          ellipsis={{ rows: 3, expandable: true, symbol: '…' }}
          style={{ margin: 0, whiteSpace: 'pre-wrap' }}
        >
          {item.matter}
        </Typography.Paragraph>
        {item.response && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
            {t('coordination.item.answer')}：{item.response}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {[
            ...dates,
            // Who first asked: a request passed on or re-sent was created by someone else.
            item.previousId === null
              ? t('coordination.item.askedBy', {
                  name: item.createdBy?.displayName ?? item.fromUnit.name,
                  time: formatShortDateTime(item.createdAt, locale),
                })
              : null,
          ]
            .filter((text): text is string => text !== null)
            .join(' · ')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
