import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { PeriodView } from '../../../shared/assessment-api.js';
import { usePeriods } from '../../api/assessment.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatPeriodDates } from './assessment-format.js';
import { PeriodFormModal } from './period-form-modal.js';
import { PeriodStatusTag } from './period-status-tag.js';

/** When the scores were last computed, or "not computed". */
function ComputedAt({ period }: { period: PeriodView }) {
  const { t } = useTranslation();
  if (!period.computedAt) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
        {t('assessment.list.notComputed')}
      </Typography.Text>
    );
  }
  return <span>{formatShortDateTime(period.computedAt, currentLocale())}</span>;
}

function PeriodTable({ periods }: { periods: PeriodView[] }) {
  const { t } = useTranslation();
  return (
    <Table<PeriodView>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={periods}
      scroll={{ x: 760 }}
      columns={[
        {
          title: t('assessment.list.name'),
          dataIndex: 'name',
          render: (_name: string, period) => <Link to={`/assessment/${period.id}`}>{period.name}</Link>,
        },
        {
          title: t('assessment.list.dates'),
          key: 'dates',
          width: 230,
          render: (_v, period) => formatPeriodDates(period),
        },
        {
          title: t('assessment.list.status'),
          dataIndex: 'status',
          width: 110,
          render: (_s, period) => <PeriodStatusTag status={period.status} />,
        },
        { title: t('assessment.list.tasks'), dataIndex: 'taskCount', width: 90, align: 'right' },
        {
          title: t('assessment.list.computed'),
          dataIndex: 'computedAt',
          width: 170,
          render: (_c, period) => <ComputedAt period={period} />,
        },
      ]}
    />
  );
}

/** On phones: one card per period, the whole card opening it. */
function PeriodCards({ periods }: { periods: PeriodView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={10} role="list" aria-label={t('assessment.title')}>
      {periods.map((period) => (
        <Card
          key={period.id}
          size="small"
          role="listitem"
          hoverable
          onClick={() => navigate(`/assessment/${period.id}`)}
        >
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Link to={`/assessment/${period.id}`} style={{ fontWeight: 500, minWidth: 0 }}>
              {period.name}
            </Link>
            <PeriodStatusTag status={period.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {formatPeriodDates(period)} · {t('assessment.period.taskCount', { count: period.taskCount })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.list.computedLabel')}
            <ComputedAt period={period} />
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
}

/** 考核评价: the assessment periods, and a new one for the supervision office. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = Grid.useBreakpoint().md === false;
  const periods = usePeriods();
  const [isCreating, setCreating] = useState(false);
  const canCreate = hasAnyRole(user, ['supervisor', 'admin']);
  const items = periods.data ?? [];
  const newButton = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('assessment.newPeriod')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('assessment.title')} subtitle={t('assessment.subtitle')} extra={newButton || undefined} />
      <Card styles={{ body: isMobile ? { padding: 12 } : {} }}>
        {periods.isPending && <Skeleton active paragraph={{ rows: 5 }} />}
        {periods.isError && <LoadError error={periods.error} onRetry={() => void periods.refetch()} />}
        {periods.isSuccess && items.length === 0 && (
          <Empty style={{ paddingBlock: 24 }} description={t('assessment.empty')}>
            <Typography.Paragraph type="secondary">{t('assessment.emptyHint')}</Typography.Paragraph>
            {newButton}
          </Empty>
        )}
        {items.length > 0 && (isMobile ? <PeriodCards periods={items} /> : <PeriodTable periods={items} />)}
      </Card>
      {isCreating && (
        <PeriodFormModal
          period={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/assessment/${saved.id}`)}
        />
      )}
    </>
  );
}
