import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Grid, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, listAuditEntries } from '../../api/audit.api.js';
import { useAuditPages, useAuditVerification } from '../../api/audit.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { AuditCards } from './audit-cards.js';
import { AuditEntryDrawer } from './audit-entry-drawer.js';
import {
  AuditFilterBar,
  type AuditFilterValues,
  hasAuditFilters,
  NO_AUDIT_FILTERS,
  toAuditQuery,
} from './audit-filters.js';
import { AuditTable } from './audit-table.js';
import { AuditVerificationResult } from './audit-verification.js';

/**
 * The audit trail for auditors and administrators: filter and browse every recorded change,
 * open one to see its before/after, and verify that the hash chain is unbroken.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  // Memoised so the debounced value keeps its identity while the filters do not change.
  const query = useDebouncedValue(useMemo(() => toAuditQuery(filters), [filters]));
  const pages = useAuditPages(query);
  const verification = useAuditVerification();
  const entries = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);

  /** Opens an entry by id, from the list if it is loaded, else from the server (ids are the list's cursor). */
  const handleShowEntry = async (id: number) => {
    const loaded = entries.find((entry) => entry.id === id);
    if (loaded) return setOpened(loaded);
    try {
      const page = await listAuditEntries({ cursor: String(id + 1), limit: 1 });
      const found = page.items.find((entry) => entry.id === id);
      if (found) setOpened(found);
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const empty = (
    <Empty description={hasAuditFilters(filters) ? t('audit.emptyFiltered') : t('audit.empty')}>
      {hasAuditFilters(filters) && (
        <Button onClick={() => setFilters(NO_AUDIT_FILTERS)}>{t('audit.filters.clear')}</Button>
      )}
    </Empty>
  );
  const list = { entries, isLoading: pages.isPending, empty, onOpen: setOpened };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verification.isPending}
            onClick={() => verification.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verification.isError && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => verification.reset() }}
          style={{ marginBottom: 16 }}
          title={errorMessage(verification.error, t)}
        />
      )}
      {verification.data && (
        <AuditVerificationResult
          result={verification.data}
          onClose={() => verification.reset()}
          onShowEntry={(id) => void handleShowEntry(id)}
        />
      )}
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <AuditFilterBar value={filters} onChange={setFilters} />
        {pages.isError && entries.length === 0 ? (
          <LoadError error={pages.error} onRetry={() => void pages.refetch()} />
        ) : isMobile ? (
          <AuditCards {...list} />
        ) : (
          <AuditTable {...list} />
        )}
        {pages.isFetchNextPageError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={errorMessage(pages.error, t)}
            action={
              <Button size="small" onClick={() => void pages.fetchNextPage()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {entries.length > 0 && (
          <Flex justify="center" align="center" gap={12} wrap style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('audit.shown', { count: entries.length })}</Typography.Text>
            {pages.hasNextPage && (
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <AuditEntryDrawer entry={opened} onClose={() => setOpened(null)} />
    </>
  );
}
