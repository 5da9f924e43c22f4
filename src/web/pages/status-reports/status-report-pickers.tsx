import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listBulletinPeriods } from '../../api/bulletins.api.js';
import { useSourceOptions } from '../../api/sources.queries.js';
import { listUsers } from '../../api/users.api.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

// Choosing what a report is about: a source found by search, or an assessment period.

interface PickerProps {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  id?: string;
}

export function SourcePicker({ value, onChange, id }: PickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const sources = useSourceOptions(q);
  return (
    <Select<number>
      id={id}
      aria-label={t('statusReports.form.source')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={(sources.data ?? []).map((source) => ({ value: source.id, label: source.title }))}
      placeholder={t('statusReports.form.sourcePlaceholder')}
      loading={sources.isFetching}
      style={{ width: '100%' }}
    />
  );
}

export function PeriodPicker({ value, onChange, id }: PickerProps) {
  const { t } = useTranslation();
  const periods = useQuery({
    queryKey: ['status-reports', 'periods'],
    queryFn: ({ signal }) => listBulletinPeriods(signal),
  });
  return (
    <Select<number>
      id={id}
      aria-label={t('statusReports.form.period')}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={(periods.data ?? []).map((period) => ({ value: period.id, label: period.name }))}
      placeholder={t('statusReports.form.periodPlaceholder')}
      loading={periods.isFetching}
      style={{ width: '100%' }}
    />
  );
}

/** Several people picked by name from the directory; names chosen once are remembered for display. */
export function PeoplePicker({
  value,
  onChange,
  known,
  id,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  known: ReadonlyArray<{ id: number; name: string }>;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [names, setNames] = useState(() => new Map(known.map((person) => [person.id, person.name])));
  const q = useDebouncedValue(search.trim());
  const users = useQuery({
    queryKey: ['users', 'options', { q, active: true }],
    queryFn: ({ signal }) => listUsers({ q: q || undefined, active: true, limit: 30 }, signal),
    select: (page) => page.items,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const found = new Map(names);
    for (const user of users.data ?? []) found.set(user.id, user.displayName);
    return [...found].map(([value, label]) => ({ value, label }));
  }, [names, users.data]);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      aria-label={t('statusReports.schedules.recipients')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? []}
      onChange={(ids) => {
        const next = new Map(names);
        for (const option of options) if (ids.includes(option.value)) next.set(option.value, option.label);
        setNames(next);
        onChange?.(ids);
      }}
      options={options}
      loading={users.isFetching}
      style={{ width: '100%' }}
    />
  );
}
