import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTaskOptions } from '../../api/tasks.queries.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

interface InstructionTaskPickerProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
}

/** Several tasks found by number or title; chosen ones keep their names while the search changes. */
export function InstructionTaskPicker({ value = [], onChange, id }: InstructionTaskPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const tasks = useTaskOptions(q);
  const [labels, setLabels] = useState<ReadonlyMap<number, string>>(new Map());
  useEffect(() => {
    if (!tasks.data) return;
    setLabels((known) => {
      const next = new Map(known);
      for (const task of tasks.data) next.set(task.id, `${task.number} ${task.title}`);
      return next;
    });
  }, [tasks.data]);
  const found = (tasks.data ?? []).map((task) => task.id);
  const ids = [...new Set([...value, ...found])];
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={ids.map((taskId) => ({ value: taskId, label: labels.get(taskId) ?? `#${taskId}` }))}
      placeholder={t('instructions.form.tasksPlaceholder')}
      loading={tasks.isFetching}
      notFoundContent={tasks.isError ? t('result.errorTitle') : t('tasks.picker.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
