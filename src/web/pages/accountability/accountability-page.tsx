import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Grid, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ACCOUNTABILITY_STATUSES,
  ACCOUNTABILITY_TYPES,
  type AccountabilityStatus,
  type AccountabilityType,
} from '../../../shared/accountability-api.js';
import {
  type AccountabilityFilters,
  type AccountabilitySummary,
  useRecordPages,
} from '../../api/accountability.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { AccountabilityCreateModal } from './accountability-create-modal.js';
import { AccountabilityStatusTag } from './accountability-view.js';

/** The filters kept in the address (?status=open&type=inaction&unitId=3). */
function filtersOf(params: URLSearchParams): AccountabilityFilters {
  const filters: AccountabilityFilters = {};
  const status = params.get('status');
  const type = params.get('type');
  const unitId = Number(params.get('unitId'));
  if (ACCOUNTABILITY_STATUSES.includes(status as AccountabilityStatus)) filters.status = status as AccountabilityStatus;
  if (ACCOUNTABILITY_TYPES.includes(type as AccountabilityType)) filters.type = type as AccountabilityType;
  if (Number.isInteger(unitId) && unitId > 0) filters.unitId = unitId;
  return filters;
}

function paramsOf(filters: AccountabilityFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return params;
}

function FilterBar({
  filters,
  onChange,
}: {
  filters: AccountabilityFilters;
  onChange: (f: AccountabilityFilters) => void;
}) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const width = (max: number) => ({ flex: '1 1 140px', maxWidth: isMobile ? undefined : max });
  return (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        value={filters.status}
        placeholder={t('accountability.filters.allStatuses')}
        aria-label={t('accountability.filters.status')}
        options={ACCOUNTABILITY_STATUSES.map((s) => ({ value: s, label: t(`accountability.status.${s}`) }))}
        onChange={(status?: AccountabilityStatus) => onChange({ ...filters, status })}
        style={width(180)}
      />
      <Select
        allowClear
        value={filters.type}
        placeholder={t('accountability.filters.allTypes')}
        aria-label={t('accountability.filters.type')}
        options={ACCOUNTABILITY_TYPES.map((type) => ({ value: type, label: t(`accountability.type.${type}`) }))}
        onChange={(type?: AccountabilityType) => onChange({ ...filters, type })}
        style={width(200)}
      />
      <div style={{ flex: '2 1 220px', maxWidth: isMobile ? undefined : 320, minWidth: 0 }}>
        <UnitTreeSelect
          value={filters.unitId ?? null}
          placeholder={t('accountability.filters.allUnits')}
          aria-label={t('accountability.filters.unit')}
          onChange={(unitId) => onChange({ ...filters, unitId: unitId ?? undefined })}
        />
      </div>
      {Object.values(filters).some((v) => v !== undefined) && (
        <Button type="link" onClick={() => onChange({})} style={{ paddingInline: 4 }}>
          {t('accountability.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}

/** One record in the list: number and status, type, subject, linked tasks and dates. */
function RecordRow({ record }: { record: AccountabilitySummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const subject = [record.subjectUnit?.name, record.subjectUser?.displayName].filter(Boolean).join(' · ');
  const dates = [
    `${t('accountability.columns.created')} ${formatDate(record.createdAt, locale)}`,
    record.statementDue ? t('accountability.statementDueOn', { date: formatDay(record.statementDue, locale) }) : null,
    record.decidedAt ? t('accountability.decidedOn', { date: formatDate(record.decidedAt, locale) }) : null,
  ];
  return (
    <Card size="small" role="listitem" aria-label={record.number}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex align="center" gap={8} wrap>
            <Link to={`/accountability/${record.id}`} style={{ fontWeight: 600 }}>
              {record.number}
            </Link>
            <AccountabilityStatusTag status={record.status} />
            <Typography.Text>{t(`accountability.type.${record.type}`)}</Typography.Text>
          </Flex>
          {record.decision && (
            <Typography.Text strong>{t(`accountability.decision.${record.decision}`)}</Typography.Text>
          )}
        </Flex>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          {t('accountability.subjectLine', { subject })}
        </Typography.Text>
        {record.tasks.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
            {record.tasks.map((task) => `${task.number} ${task.title}`).join('；')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dates.filter(Boolean).join(' · ')}
          {record.actionId !== null && ` · ${t('accountability.byRules')}`}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 问责: the records the caller may see (each shown is audited), filters, and "open a record" for supervisors. */
export function AccountabilityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const pages = useRecordPages(filters);
  const [isCreating, setIsCreating] = useState(false);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const canOpen = hasAnyRole(user, ['supervisor']);
  const hasFilters = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title={t('accountability.title')}
        subtitle={t('accountability.subtitle')}
        extra={
          canOpen && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
              {t('accountability.openRecord')}
            </Button>
          )
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            icon={<SafetyCertificateOutlined />}
            title={t('accountability.listAuditNotice')}
          />
          <FilterBar filters={filters} onChange={(next) => setParams(paramsOf(next), { replace: true })} />
          {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && (
            <Empty
              style={{ paddingBlock: 24 }}
              description={hasFilters ? t('accountability.emptyFiltered') : t('accountability.empty')}
            />
          )}
          {items.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('accountability.shown', { count: items.length })}</Typography.Text>
              <Flex vertical gap={10} role="list" aria-label={t('accountability.title')}>
                {items.map((record) => (
                  <RecordRow key={record.id} record={record} />
                ))}
              </Flex>
            </>
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('accountability.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
      {isCreating && <AccountabilityCreateModal onClose={() => setIsCreating(false)} />}
    </>
  );
}
