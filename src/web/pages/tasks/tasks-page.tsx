import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Grid, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTaskPages } from '../../api/tasks.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { TaskBulkBar } from './task-bulk-bar.js';
import { TaskCards } from './task-cards.js';
import { TaskFilterBar } from './task-filter-bar.js';
import {
  countActiveFilters,
  filtersFromSearch,
  filtersToSearch,
  NO_TASK_FILTERS,
  type TaskFilterValues,
  toListQuery,
} from './task-filters.js';
import { useSavedFilters, useTaskColumns, useTaskListView } from './task-list-prefs.js';
import { TaskListToolbar } from './task-list-toolbar.js';
import { TaskTable } from './task-table.js';
import { useTaskTreeRows } from './use-task-tree-rows.js';

/** 督办事项: every task the person may see, filtered, as a flat list or a tree, with bulk actions. */
export function TasksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search]);
  const q = useDebouncedValue(filters.q);
  const [view, setView] = useTaskListView(user.id);
  const [columns, setColumns] = useTaskColumns(user.id);
  const [savedFilters, setSavedFilters] = useSavedFilters(user.id);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [expandedIds, setExpandedIds] = useState<number[]>([]);
  const canManage = hasAnyRole(user, ['supervisor', 'admin']);
  const canPickPeople = hasAnyRole(user, ['supervisor', 'admin', 'auditor']);
  const isTree = view === 'tree';

  const query = toListQuery(filters, q);
  const pages = useTaskPages(isTree ? { ...query, parentId: 'root' } : query);
  const tasks = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const tree = useTaskTreeRows(isTree && !isMobile ? tasks : [], isTree && !isMobile ? expandedIds : []);
  const isFiltered = countActiveFilters(filters) > 0 || filters.q.trim() !== '';

  // A selection made under other filters would act on rows no longer in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear whenever the query changes
  useEffect(() => setSelectedIds([]), [search, view]);

  const handleFiltersChange = (next: TaskFilterValues) => setParams(filtersToSearch(next), { replace: true });

  const empty = isFiltered ? (
    <Empty description={t('tasks.emptyFiltered')}>
      <Button onClick={() => handleFiltersChange({ ...NO_TASK_FILTERS, sort: filters.sort })}>
        {t('tasks.filters.clear')}
      </Button>
    </Empty>
  ) : (
    <Empty description={t('tasks.emptyTitle')}>
      <Typography.Paragraph type="secondary" className="balanced" style={{ maxWidth: 420, margin: '0 auto 12px' }}>
        {canManage ? t('tasks.emptyDescriptionSupervisor') : t('tasks.emptyDescription')}
      </Typography.Paragraph>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tasks/new')}>
          {t('tasks.register')}
        </Button>
      )}
    </Empty>
  );

  const selection = canManage ? { selectedIds, onChange: setSelectedIds } : undefined;
  const list = (() => {
    if (pages.isError && tasks.length === 0)
      return <LoadError error={pages.error} onRetry={() => void pages.refetch()} />;
    if (isMobile)
      return (
        <TaskCards tasks={tasks} isLoading={pages.isPending} empty={empty} selection={selection} isTree={isTree} />
      );
    return (
      <TaskTable
        rows={isTree ? tree.rows : tasks}
        columns={columns}
        isLoading={pages.isPending || (pages.isPlaceholderData && pages.isFetching)}
        empty={empty}
        selection={selection}
        tree={isTree ? { expandedIds, onExpandedChange: setExpandedIds, loadingIds: tree.loadingIds } : undefined}
      />
    );
  })();

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tasks/new')}>
              {t('tasks.register')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <TaskFilterBar value={filters} onChange={handleFiltersChange} canPickPeople={canPickPeople} />
        <TaskListToolbar
          view={view}
          onViewChange={setView}
          sort={filters.sort}
          onSortChange={(sort) => handleFiltersChange({ ...filters, sort })}
          columns={columns}
          onColumnsChange={setColumns}
          showColumns={!isMobile}
          savedFilters={savedFilters}
          onSavedFiltersChange={setSavedFilters}
          currentSearch={search}
          onApplySearch={(next) => setParams(new URLSearchParams(next), { replace: true })}
        />
        {isTree && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('tasks.view.treeHint')}
          </Typography.Paragraph>
        )}
        {selection && <TaskBulkBar selectedIds={selectedIds} onClear={() => setSelectedIds([])} />}
        {list}
        {(pages.isFetchNextPageError || tree.error) && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={errorMessage(pages.isFetchNextPageError ? pages.error : tree.error, t)}
            action={
              <Button
                size="small"
                onClick={() => (pages.isFetchNextPageError ? void pages.fetchNextPage() : tree.retry())}
              >
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {tasks.length > 0 && (
          <Flex justify="center" align="center" gap={12} wrap style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t(isTree ? 'tasks.shownTopLevel' : 'tasks.shown', { count: tasks.length })}
            </Typography.Text>
            {pages.hasNextPage && (
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('tasks.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
