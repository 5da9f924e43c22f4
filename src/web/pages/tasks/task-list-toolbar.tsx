import {
  ApartmentOutlined,
  DeleteOutlined,
  DownOutlined,
  SaveOutlined,
  StarOutlined,
  TableOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Flex, Form, Input, Modal, Popover, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSort } from '../../api/tasks.api.js';
import { SpreadsheetActions } from '../imports/spreadsheet-actions.js';
import { TASK_SORT_OPTIONS } from './task-filters.js';
import {
  DEFAULT_COLUMNS,
  type SavedFilter,
  TASK_COLUMNS,
  type TaskColumn,
  type TaskListView,
  withSavedFilter,
} from './task-list-prefs.js';

interface TaskListToolbarProps {
  view: TaskListView;
  onViewChange: (view: TaskListView) => void;
  sort: TaskSort;
  onSortChange: (sort: TaskSort) => void;
  columns: readonly TaskColumn[];
  onColumnsChange: (columns: TaskColumn[]) => void;
  /** Hide the column choice where there is no table (phones). */
  showColumns: boolean;
  savedFilters: SavedFilter[];
  onSavedFiltersChange: (list: SavedFilter[]) => void;
  /** The current filters as a query string, to save; and how to apply a saved one. */
  currentSearch: string;
  onApplySearch: (search: string) => void;
}

const NAME_MAX = 40;

/** Saved filter sets: apply one, delete one, or save the current filters under a name. */
function SavedFilters(
  props: Pick<TaskListToolbarProps, 'savedFilters' | 'onSavedFiltersChange' | 'currentSearch' | 'onApplySearch'>,
) {
  const { t } = useTranslation();
  const [isSaving, setIsSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const { savedFilters } = props;

  const handleSave = ({ name }: { name: string }) => {
    props.onSavedFiltersChange(withSavedFilter(savedFilters, { name, search: props.currentSearch }));
    setIsSaving(false);
  };

  const items = [
    ...savedFilters.map((entry) => ({
      key: `apply:${entry.name}`,
      label: (
        <Flex justify="space-between" align="center" gap={12}>
          <span style={{ overflowWrap: 'anywhere' }}>{entry.name}</span>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('tasks.savedFilters.delete', { name: entry.name })}
            onClick={(event) => {
              event.stopPropagation();
              props.onSavedFiltersChange(savedFilters.filter((item) => item.name !== entry.name));
            }}
          />
        </Flex>
      ),
      onClick: () => props.onApplySearch(entry.search),
    })),
    ...(savedFilters.length > 0 ? [{ type: 'divider' as const }] : []),
    {
      key: 'save',
      icon: <SaveOutlined />,
      label: t('tasks.savedFilters.saveCurrent'),
      onClick: () => setIsSaving(true),
    },
  ];

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items }}>
        <Button icon={<StarOutlined />}>
          {t('tasks.savedFilters.title')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <Modal
        open={isSaving}
        title={t('tasks.savedFilters.saveTitle')}
        onCancel={() => setIsSaving(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={handleSave} preserve={false}>
          <Form.Item
            name="name"
            label={t('tasks.savedFilters.name')}
            extra={t('tasks.savedFilters.nameHelp')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('validation.required', { field: t('tasks.savedFilters.name') }),
              },
            ]}
          >
            <Input maxLength={NAME_MAX} placeholder={t('tasks.savedFilters.namePlaceholder')} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Which columns the table shows, remembered per person. */
function ColumnPicker({
  columns,
  onChange,
}: {
  columns: readonly TaskColumn[];
  onChange: (next: TaskColumn[]) => void;
}) {
  const { t } = useTranslation();
  const content = (
    <Flex vertical gap={8} style={{ minWidth: 160 }}>
      <Checkbox.Group
        value={[...columns]}
        onChange={(next) => onChange(TASK_COLUMNS.filter((column) => next.includes(column)))}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={TASK_COLUMNS.map((column) => ({ value: column, label: t(`tasks.fields.${column}`) }))}
      />
      <Button size="small" onClick={() => onChange([...DEFAULT_COLUMNS])}>
        {t('tasks.columns.reset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('tasks.columns.title')} content={content}>
      <Button icon={<TableOutlined />}>{t('tasks.columns.title')}</Button>
    </Popover>
  );
}

/**
 * Above the list: flat/tree view, order, export and import of the 任务分解表, saved filters, and
 * (on wide screens) the column choice.
 */
export function TaskListToolbar(props: TaskListToolbarProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Segmented<TaskListView>
          value={props.view}
          onChange={props.onViewChange}
          options={[
            { value: 'flat', icon: <UnorderedListOutlined />, label: t('tasks.view.flat') },
            { value: 'tree', icon: <ApartmentOutlined />, label: t('tasks.view.tree') },
          ]}
          aria-label={t('tasks.view.label')}
        />
        <Select<TaskSort>
          value={props.sort}
          onChange={props.onSortChange}
          aria-label={t('tasks.sort.label')}
          style={{ minWidth: 150 }}
          popupMatchSelectWidth={false}
          options={TASK_SORT_OPTIONS.map((sort) => ({ value: sort, label: t(`tasks.sort.${sort}`) }))}
        />
      </Flex>
      <Flex gap={8} wrap>
        <SpreadsheetActions search={props.currentSearch} />
        <SavedFilters {...props} />
        {props.showColumns && <ColumnPicker columns={props.columns} onChange={props.onColumnsChange} />}
      </Flex>
    </Flex>
  );
}
