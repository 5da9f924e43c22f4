import { Table } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/task-api.js';
import { currentLocale } from '../../i18n/index.js';
import { tableScrollWidth, taskColumns } from './task-columns.js';
import type { TaskColumn } from './task-list-prefs.js';
import type { TaskTreeNode } from './task-view-model.js';

/** Row selection for bulk actions; absent for people who cannot act on many tasks. */
export interface TaskSelection {
  selectedIds: readonly number[];
  onChange: (ids: number[]) => void;
}

interface TaskTableProps {
  rows: TaskTreeNode[];
  columns: readonly TaskColumn[];
  isLoading: boolean;
  empty: ReactNode;
  selection?: TaskSelection;
  /** Tree view: which rows are open, and which are still loading their children. */
  tree?: { expandedIds: readonly number[]; onExpandedChange: (ids: number[]) => void; loadingIds: ReadonlySet<number> };
}

/** Tasks as a table for wide screens: flat, or a tree whose rows open to their subtasks. */
export function TaskTable({ rows, columns, isLoading, empty, selection, tree }: TaskTableProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tableColumns = useMemo(
    () => taskColumns({ t, locale, visible: columns, loadingIds: tree?.loadingIds }),
    [t, locale, columns, tree?.loadingIds],
  );
  const titleIndex = tableColumns.findIndex((column) => column.key === 'title');
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      columns={tableColumns}
      dataSource={rows}
      loading={isLoading}
      pagination={false}
      scroll={{ x: tableScrollWidth(tableColumns) }}
      locale={{ emptyText: empty }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: [...selection.selectedIds],
              onChange: (keys) => selection.onChange(keys.map(Number)),
              checkStrictly: true,
              preserveSelectedRowKeys: true,
              columnWidth: 40,
            }
          : undefined
      }
      expandable={
        tree
          ? {
              expandedRowKeys: [...tree.expandedIds],
              onExpandedRowsChange: (keys) => tree.onExpandedChange(keys.map(Number)),
              indentSize: 20,
              // Open and indent under the title, not the number; antd counts the selection column oddly.
              expandIconColumnIndex: titleIndex + (selection ? 2 : 0),
            }
          : undefined
      }
    />
  );
}
