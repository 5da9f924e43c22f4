import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/task-api.js';
import { useSourceOptions } from '../../api/sources.queries.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { SourceFormModal } from '../sources/source-form-modal.js';

interface TaskSourceSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The current source, so its name shows before the options load. */
  selected?: Pick<Source, 'id' | 'title' | 'docNumber'> | null;
  /** Offer "new source" (supervisors and admins). */
  canCreate?: boolean;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}

/** "市政办〔2026〕12号 关于…" — the document number first, as offices cite it. */
export function sourceLabel(source: Pick<Source, 'title' | 'docNumber'>): string {
  return source.docNumber ? `${source.docNumber} ${source.title}` : source.title;
}

/** Choose where a task comes from, by title or document number, or register a new source inline. */
export function TaskSourceSelect(props: TaskSourceSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<Source | null>(null);
  const q = useDebouncedValue(search.trim());
  const sources = useSourceOptions(q);
  const options = useMemo(() => {
    const list: Array<Pick<Source, 'id' | 'title' | 'docNumber'>> = [...(sources.data ?? [])];
    for (const extra of [props.selected, created]) {
      if (extra && !list.some((source) => source.id === extra.id)) list.unshift(extra);
    }
    return list.map((source) => ({ value: source.id, label: sourceLabel(source) }));
  }, [sources.data, props.selected, created]);

  return (
    <Flex gap={8} wrap>
      <Select<number | null>
        id={props.id}
        aria-label={props['aria-label']}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        allowClear
        value={props.value ?? undefined}
        onChange={(value) => props.onChange?.(value ?? null)}
        options={options}
        placeholder={props.placeholder}
        loading={sources.isFetching}
        notFoundContent={sources.isError ? t('result.errorTitle') : undefined}
        style={{ flex: '1 1 220px', minWidth: 0 }}
      />
      {props.canCreate && (
        <Button icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
          {t('sources.create')}
        </Button>
      )}
      {isCreating && (
        <SourceFormModal
          source={null}
          onClose={() => setIsCreating(false)}
          onSaved={(source) => {
            setCreated(source);
            props.onChange?.(source.id);
            setIsCreating(false);
          }}
        />
      )}
    </Flex>
  );
}
