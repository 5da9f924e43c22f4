import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { listUsers } from '../../api/users.api.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

interface AuditActorSelectProps {
  value: number | null;
  onChange: (value: number | null) => void;
  placeholder: string;
  'aria-label': string;
}

/** Pick whose actions to see, searching the people directory (auditors and admins may read it). */
export function AuditActorSelect(props: AuditActorSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const users = useQuery({
    queryKey: ['users', 'audit-actor-options', q],
    queryFn: ({ signal }) => listUsers({ q: q || undefined, limit: 30 }, signal),
    select: (page) => page.items.map((user) => ({ value: user.id, label: `${user.displayName} · ${user.username}` })),
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
  return (
    <Select<number | null>
      aria-label={props['aria-label']}
      placeholder={props.placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={props.value ?? undefined}
      onChange={(value) => props.onChange(value ?? null)}
      options={users.data ?? []}
      loading={users.isFetching}
      style={{ width: '100%' }}
    />
  );
}
