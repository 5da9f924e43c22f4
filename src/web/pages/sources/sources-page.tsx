import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Grid, Input, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { SourceDetail } from '../../../shared/task-api.js';
import { SOURCE_KINDS, type SourceKind, TASK_LIMITS } from '../../../shared/tasks.js';
import { useSource, useSourcePages } from '../../api/sources.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { SourceDrawer } from './source-drawer.js';
import { SourceFormModal } from './source-form-modal.js';
import { SourceList } from './source-list.js';

type Dialog = { kind: 'create' } | { kind: 'edit'; source: SourceDetail } | null;

/** Sources (来源管理): the decisions, meetings, instructions and documents tasks come from. */
export function SourcesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<SourceKind | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [params, setParams] = useSearchParams();
  const q = useDebouncedValue(search.trim());
  const pages = useSourcePages({ q: q || undefined, kind });
  const sources = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const openId = Number(params.get('id')) || null;
  const isFiltered = Boolean(search.trim() || kind);
  // Edits follow the latest version, so a conflict reload reaches the open form.
  const editing = useSource(dialog?.kind === 'edit' ? dialog.source.id : null);

  const openSource = (id: number | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete('id');
        else next.set('id', String(id));
        return next;
      },
      { replace: id === null },
    );

  const empty = isFiltered ? (
    <Empty description={t('sources.emptyFiltered')}>
      <Button
        onClick={() => {
          setSearch('');
          setKind(undefined);
        }}
      >
        {t('tasks.filters.clear')}
      </Button>
    </Empty>
  ) : (
    <Empty description={t('sources.emptyTitle')}>
      <Typography.Paragraph type="secondary" className="balanced" style={{ maxWidth: 420, margin: '0 auto' }}>
        {t('sources.emptyDescription')}
      </Typography.Paragraph>
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('sources.title')}
        subtitle={t('sources.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('sources.create')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={14} xl={10}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('sources.searchPlaceholder')}
              aria-label={t('sources.searchPlaceholder')}
              value={search}
              maxLength={TASK_LIMITS.searchMax}
              onChange={(event) => setSearch(event.target.value)}
            />
          </Col>
          <Col xs={24} md={10} xl={6}>
            <Select<SourceKind>
              allowClear
              style={{ width: '100%' }}
              placeholder={t('sources.kindFilter')}
              aria-label={t('sources.kindFilter')}
              value={kind}
              onChange={setKind}
              options={SOURCE_KINDS.map((value) => ({ value, label: t(`sources.kinds.${value}`) }))}
            />
          </Col>
        </Row>
        {pages.isError && sources.length === 0 ? (
          <LoadError error={pages.error} onRetry={() => void pages.refetch()} />
        ) : (
          <SourceList sources={sources} isLoading={pages.isPending} isMobile={isMobile} empty={empty} />
        )}
        {pages.isFetchNextPageError && (
          <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(pages.error, t)} />
        )}
        {sources.length > 0 && (
          <Flex justify="center" align="center" gap={12} wrap style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('sources.shown', { count: sources.length })}</Typography.Text>
            {pages.hasNextPage && (
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('tasks.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      {openId !== null && (
        <SourceDrawer
          sourceId={openId}
          onClose={() => openSource(null)}
          onEdit={(source) => setDialog({ kind: 'edit', source })}
          onDeleted={(source) => {
            void message.success(t('sources.deleted', { title: source.title }));
            openSource(null);
          }}
        />
      )}
      {dialog && (
        <SourceFormModal
          source={dialog.kind === 'edit' ? (editing.data ?? dialog.source) : null}
          onClose={() => setDialog(null)}
          onSaved={(source, isNew) => {
            void message.success(isNew ? t('sources.created', { title: source.title }) : t('sources.saved'));
            setDialog(null);
            openSource(source.id);
          }}
        />
      )}
    </>
  );
}
