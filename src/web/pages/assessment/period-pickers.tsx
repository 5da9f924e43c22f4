import { Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSourceOptions } from '../../api/sources.queries.js';
import { useTaskOptions } from '../../api/tasks.queries.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

interface MultiPickerProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
  placeholder?: string;
}

/**
 * Labels of every option seen so far: a chosen item keeps its name after the search moves on.
 * Items chosen before this form opened (editing) show as "#id" until a search finds them.
 */
function useLabels(items: ReadonlyArray<{ id: number; label: string }>, value: readonly number[]) {
  const seen = useRef(new Map<number, string>());
  for (const item of items) seen.current.set(item.id, item.label);
  const options = items.map((item) => ({ value: item.id, label: item.label }));
  for (const id of value) {
    if (!items.some((item) => item.id === id)) options.push({ value: id, label: seen.current.get(id) ?? `#${id}` });
  }
  return options;
}

/** Sources (来源) to assess, searched by title or document number. */
export function SourceMultiSelect({ value = [], onChange, id, placeholder }: MultiPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const sources = useSourceOptions(useDebouncedValue(search.trim()));
  const items = (sources.data ?? []).map((source) => ({
    id: source.id,
    label: source.docNumber ? `${source.title}（${source.docNumber}）` : source.title,
  }));
  const options = useLabels(items, value);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      placeholder={placeholder}
      loading={sources.isFetching}
      notFoundContent={sources.isError ? t('result.errorTitle') : undefined}
      style={{ width: '100%' }}
    />
  );
}

/** Hand-picked tasks, searched by title (the task search reads titles and descriptions). */
export function TaskMultiSelect({ value = [], onChange, id, placeholder }: MultiPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const tasks = useTaskOptions(useDebouncedValue(search.trim()));
  const items = (tasks.data ?? []).map((task) => ({ id: task.id, label: `${task.number} ${task.title}` }));
  const options = useLabels(items, value);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      placeholder={placeholder}
      loading={tasks.isFetching}
      notFoundContent={tasks.isError ? t('result.errorTitle') : t('tasks.picker.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
