import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountabilityRecord } from '../../api/accountability.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';

/** The writes on the record, oldest first (a ladder proposal first when it came from the ladder). */
export function RecordHistory({ record }: { record: AccountabilityRecord }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const entries = [
    ...(record.actionId === null
      ? []
      : [{ at: record.createdAt, what: t('accountability.history.ladder'), who: t('accountability.history.system') }]),
    ...record.history.map((h) => ({
      at: h.at,
      what: t(`accountability.history.${h.action.replace('accountability.', '')}`, h.action),
      who: h.actor?.displayName ?? t('accountability.history.system'),
    })),
  ];
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={entries.map((entry) => ({
        content: (
          <span>
            <Typography.Text strong>{entry.who}</Typography.Text> {entry.what}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {formatShortDateTime(entry.at, locale)}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}
