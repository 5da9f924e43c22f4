import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.js';
import type { User } from '../../api/types.js';
import { listUsers } from '../../api/users.api.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

interface TaskUserSelectProps {
  /** Only people of this unit (the lead unit, for the responsible person). */
  unitId?: number | null;
  /** Only people with this role (leaders, for the responsible leader). */
  userRole?: Role;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The current choice's name, so it shows before the list has loaded or when it is not in it. */
  selected?: { id: number; displayName: string } | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
}

/** Pick a person by name, from the people directory (readable by supervisors and admins). */
export function TaskUserSelect(props: TaskUserSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const filters = { q: q || undefined, unitId: props.unitId ?? undefined, role: props.userRole, active: true };
  const users = useQuery({
    queryKey: ['users', 'options', filters],
    queryFn: ({ signal }) => listUsers({ ...filters, limit: 30 }, signal),
    select: (page) => page.items,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list: Array<Pick<User, 'id' | 'displayName'> & { unitName?: string | null }> = [...(users.data ?? [])];
    if (props.selected && !list.some((user) => user.id === props.selected?.id)) list.unshift(props.selected);
    return list.map((user) => ({
      value: user.id,
      label: user.unitName
        ? t('tasks.form.personWithUnit', { name: user.displayName, unit: user.unitName })
        : user.displayName,
    }));
  }, [users.data, props.selected, t]);

  return (
    <Select<number | null>
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
      options={options}
      placeholder={props.placeholder}
      disabled={props.disabled}
      loading={users.isFetching}
      notFoundContent={users.isError ? t('result.errorTitle') : undefined}
      style={{ width: '100%' }}
    />
  );
}
