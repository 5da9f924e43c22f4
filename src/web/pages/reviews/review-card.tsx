import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReviewItem } from '../../api/reviews.api.js';
import { TaskKeyTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { REVIEW_TAB } from './review-kinds.js';

const KIND_COLORS = { plan: 'blue', report: 'cyan', closure: 'purple' } as const;
const STATUSES = ['pending_head', 'pending_supervisor', 'pending_leader'] as const;

function StatusText({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = STATUSES.find((value) => value === status);
  return <Typography.Text type="secondary">{known ? t(`reviews.status.${known}`) : status}</Typography.Text>;
}

/** One item waiting for my decision: what it is, for which task and unit, how late, and a link to review it. */
export function ReviewCard({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const link = `/tasks/${item.task.id}?tab=${REVIEW_TAB[item.kind]}`;
  return (
    <Card size="small" role="listitem" aria-label={item.task.title}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Flex align="center" gap={6} wrap>
            <Tag color={KIND_COLORS[item.kind]} style={{ marginInlineEnd: 0 }}>
              {t(`reviews.kinds.${item.kind}`)}
            </Tag>
            <StatusText status={item.status} />
            {item.task.isKey && <TaskKeyTag />}
            {item.late && (
              <Tag color="error" style={{ marginInlineEnd: 0 }}>
                {item.lateWorkingDays !== null
                  ? t('reviews.lateDays', { count: item.lateWorkingDays })
                  : t('reviews.pastDeadline')}
              </Tag>
            )}
            {item.flagged && (
              <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                {t('reviews.flagged', { percent: Math.round((item.similarity ?? 0) * 100) })}
              </Tag>
            )}
          </Flex>
          <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
              {item.task.number}
            </Typography.Text>
            <Link to={link} style={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: 0 }}>
              {item.task.title}
            </Link>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[
              item.unit?.name,
              item.periodEnd ? t('reviews.periodEnd', { date: formatDay(item.periodEnd, locale) }) : null,
              item.submittedAt
                ? t('reviews.submittedAt', { time: formatShortDateTime(item.submittedAt, locale) })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
        <Link to={link} tabIndex={-1} style={{ flex: 'none' }}>
          <Button type="primary" size="small">
            {t('reviews.review')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
