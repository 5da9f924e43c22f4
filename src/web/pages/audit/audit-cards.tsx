import { Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { AuditAction } from './audit-action.js';
import { actorLabel, objectLabel } from './audit-labels.js';
import type { AuditListProps } from './audit-table.js';

/** Audit entries as stacked cards, for phones. */
export function AuditCards({ entries, isLoading, empty, onOpen }: AuditListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (isLoading && entries.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (entries.length === 0) return <>{empty}</>;
  return (
    <ul className="audit-cards" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => (
        <li key={entry.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }}>
          <button
            type="button"
            onClick={() => onOpen(entry)}
            aria-label={`${t('audit.details')} #${entry.seq}`}
            style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <AuditAction action={entry.action} />
              <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
                #{entry.seq}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatShortDateTime(entry.at, locale)} · {actorLabel(t, entry)} · {objectLabel(t, entry)}
            </Typography.Text>
          </button>
        </li>
      ))}
    </ul>
  );
}
