import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/task-api.js';
import { useTaskOptions } from '../../api/tasks.queries.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

interface TaskPickerProps {
  value?: number | null;
  onChange?: (value: number | null, task: TaskSummary | null) => void;
  /** Tasks that cannot be chosen (the task itself when moving it). */
  excludeIds?: readonly number[];
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

/** Find a task by number or title (the server's Chinese substring search). */
export function TaskPicker(props: TaskPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const tasks = useTaskOptions(q);
  const excluded = props.excludeIds ?? [];
  const items = useMemo(() => tasks.data ?? [], [tasks.data]);
  const options = items.map((task) => ({
    value: task.id,
    label: `${task.number} ${task.title}`,
    disabled: excluded.includes(task.id),
  }));

  return (
    <Select<number | null>
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null, items.find((task) => task.id === value) ?? null)}
      options={options}
      placeholder={props.placeholder ?? t('tasks.picker.placeholder')}
      loading={tasks.isFetching}
      notFoundContent={tasks.isError ? t('result.errorTitle') : t('tasks.picker.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
