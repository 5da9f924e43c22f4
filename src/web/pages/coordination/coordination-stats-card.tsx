import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoordinationUnitStats } from '../../../shared/coordination-api.js';
import { LoadError } from '../../components/load-error.js';
import { useCoordinationStats } from './use-coordination.js';

type Column = 'received' | 'declined' | 'passedOn' | 'bounces' | 'escalated' | 'open' | 'late';
const COLUMNS: readonly Column[] = ['received', 'declined', 'passedOn', 'bounces', 'escalated', 'open', 'late'];
/** Counts that call for attention when above zero. */
const WARN: ReadonlySet<Column> = new Set(['bounces', 'escalated', 'late']);

/** Per unit asked, in the caller's scope: how often it bounced requests and let commitments slip. */
export function CoordinationStatsCard() {
  const { t } = useTranslation();
  const stats = useCoordinationStats();
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  const items = stats.data?.items ?? [];
  if (stats.isSuccess && items.length === 0) return null;
  return (
    <Card size="small" title={t('coordination.stats.title')}>
      <Table<CoordinationUnitStats>
        size="small"
        loading={stats.isPending}
        rowKey={(row) => row.unit.id}
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 150 + COLUMNS.length * 108 }}
        locale={{ emptyText: t('coordination.stats.empty') }}
        columns={[
          {
            key: 'unit',
            title: t('coordination.stats.unit'),
            fixed: 'left',
            width: 150,
            render: (_, row) => <Typography.Text style={{ overflowWrap: 'anywhere' }}>{row.unit.name}</Typography.Text>,
          },
          ...COLUMNS.map((column) => ({
            key: column,
            title: <span style={{ whiteSpace: 'nowrap' }}>{t(`coordination.stats.${column}`)}</span>,
            align: 'right' as const,
            width: 108,
            sorter: (a: CoordinationUnitStats, b: CoordinationUnitStats) => a[column] - b[column],
            render: (_: unknown, row: CoordinationUnitStats) => (
              <Typography.Text
                type={WARN.has(column) && row[column] > 0 ? 'danger' : undefined}
                strong={column === 'bounces'}
              >
                {row[column]}
              </Typography.Text>
            ),
          })),
        ]}
      />
    </Card>
  );
}
