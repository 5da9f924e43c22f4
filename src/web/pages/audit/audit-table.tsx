import { Button, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/audit.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { AuditAction } from './audit-action.js';
import { actorLabel, objectLabel } from './audit-labels.js';

export interface AuditListProps {
  entries: AuditEntry[];
  isLoading: boolean;
  empty: ReactNode;
  onOpen: (entry: AuditEntry) => void;
}

/** Audit entries as a table, for wide screens; a row opens the entry's details. */
export function AuditTable({ entries, isLoading, empty, onOpen }: AuditListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.seq'),
      dataIndex: 'seq',
      width: 80,
      render: (seq: number) => <Typography.Text type="secondary">#{seq}</Typography.Text>,
    },
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 150,
      render: (at: string) => formatShortDateTime(at, locale),
    },
    {
      title: t('audit.columns.actor'),
      key: 'actor',
      width: 150,
      ellipsis: { showTitle: true },
      render: (_value, entry) => actorLabel(t, entry),
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (action: string) => <AuditAction action={action} />,
    },
    {
      title: t('audit.columns.object'),
      key: 'object',
      width: 150,
      ellipsis: { showTitle: true },
      render: (_value, entry) => objectLabel(t, entry),
    },
    {
      title: t('audit.columns.ip'),
      dataIndex: 'ip',
      width: 130,
      render: (ip: string | null) => ip ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('audit.details'),
      key: 'open',
      fixed: 'end',
      width: 90,
      render: (_value, entry) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpen(entry)}>
          {t('audit.details')}
        </Button>
      ),
    },
  ];
  return (
    <Table<AuditEntry>
      rowKey="id"
      columns={columns}
      dataSource={entries}
      loading={isLoading}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: empty }}
      onRow={(entry) => ({ onDoubleClick: () => onOpen(entry) })}
    />
  );
}
