import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineChange } from '../../api/extensions.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';

/**
 * The task's deadlines, oldest first: the original deadline, then each change — by an approved
 * extension or by the supervision office — with who, when and why.
 */
export function DeadlineHistory({
  originalDeadline,
  changes,
}: {
  originalDeadline: string | null;
  changes: readonly DeadlineChange[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (changes.length === 0) {
    return <Typography.Text type="secondary">{t('extensions.history.empty')}</Typography.Text>;
  }
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'original',
          color: 'gray',
          content: (
            <Typography.Text>
              {t('extensions.history.original')}{' '}
              <Typography.Text strong>{formatDay(originalDeadline, locale)}</Typography.Text>
            </Typography.Text>
          ),
        },
        ...changes.map((change) => ({
          key: change.id,
          color: change.extensionId === null ? 'orange' : 'blue',
          content: (
            <>
              <Typography.Text>
                <Typography.Text delete type="secondary">
                  {formatDay(change.from, locale)}
                </Typography.Text>
                {' → '}
                <Typography.Text strong>{formatDay(change.to, locale)}</Typography.Text>{' '}
                <Tag style={{ marginInlineEnd: 0 }}>
                  {change.extensionId === null ? t('extensions.history.byEdit') : t('extensions.history.byExtension')}
                </Tag>
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('extensions.history.by', {
                  name: change.changedBy?.displayName ?? t('tasks.history.system'),
                  time: formatDateTime(change.changedAt, locale),
                })}
              </Typography.Text>
              {change.reason && (
                <Typography.Paragraph
                  type="secondary"
                  style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {change.reason}
                </Typography.Paragraph>
              )}
            </>
          ),
        })),
      ]}
    />
  );
}
