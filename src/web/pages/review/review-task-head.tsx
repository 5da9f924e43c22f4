import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReviewItem } from '../../api/review.api.js';
import { formatShortDateTime } from '../../lib/format.js';
import { OUTCOME_COLOURS } from './review-list.js';

/** The facts of the current task above its editor: number, title (to its timeline), unit, dates. */
export function ReviewTaskHead({ item }: { item: ReviewItem }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text type="secondary">{item.taskNumber}</Typography.Text>
        <Link to={`/tasks/${item.taskId}`} style={{ fontWeight: 600 }}>
          {item.taskTitle}
        </Link>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'unit', label: t('review.columns.unit'), children: item.leadUnit?.name ?? '—' },
          {
            key: 'computed',
            label: t('review.columns.computed'),
            children: (
              <Tag color={OUTCOME_COLOURS[item.computedOutcome]}>{t(`review.outcomes.${item.computedOutcome}`)}</Tag>
            ),
          },
          { key: 'deadline', label: t('review.columns.deadline'), children: item.deadline ?? '—' },
          {
            key: 'closed',
            label: t('review.columns.closedAt'),
            children: formatShortDateTime(item.closedAt, i18n.language),
          },
        ]}
      />
    </div>
  );
}
