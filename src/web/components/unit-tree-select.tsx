import { TreeSelect } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types.js';
import { useUnits } from '../api/units.queries.js';
import { buildUnitTree, type UnitNode } from '../lib/unit-tree.js';

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: readonly UnitNode[], disabledIds: ReadonlySet<number>, t: TFunction): TreeOption[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.id,
    title:
      unit.shortName && unit.shortName !== unit.name
        ? t('units.nameWithShortName', { name: unit.name, shortName: unit.shortName })
        : unit.name,
    disabled: disabledIds.has(unit.id),
    children: children.length > 0 ? toOptions(children, disabledIds, t) : undefined,
  }));
}

type UnitTreeSelectProps = {
  placeholder?: string;
  /** Units that cannot be picked (e.g. a unit and its descendants when moving it). */
  disabledIds?: ReadonlySet<number>;
  /** Use a list already loaded instead of fetching active units. */
  units?: readonly Unit[];
  id?: string;
  allowClear?: boolean;
  'aria-label'?: string;
} & (
  | { multiple?: false; value?: number | null; onChange?: (value: number | null) => void }
  | { multiple: true; value?: number[]; onChange?: (value: number[]) => void }
);

const NO_IDS: ReadonlySet<number> = new Set();

/** Choose one unit or several from the organisation tree, searchable by name. */
export function UnitTreeSelect(props: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const loaded = useUnits(false);
  const units = props.units ?? loaded.data;
  const disabledIds = props.disabledIds ?? NO_IDS;
  const treeData = useMemo(() => toOptions(buildUnitTree(units ?? []), disabledIds, t), [units, disabledIds, t]);
  const common = {
    id: props.id,
    treeData,
    placeholder: props.placeholder,
    allowClear: props.allowClear ?? true,
    showSearch: true,
    treeNodeFilterProp: 'title',
    treeDefaultExpandAll: true,
    loading: !props.units && loaded.isPending,
    notFoundContent: loaded.isError ? t('result.errorTitle') : undefined,
    style: { width: '100%' },
    popupMatchSelectWidth: true,
    'aria-label': props['aria-label'],
  } as const;
  if (props.multiple) {
    return (
      <TreeSelect<number[]>
        {...common}
        multiple
        value={props.value}
        onChange={(value) => props.onChange?.(value ?? [])}
        maxTagCount="responsive"
      />
    );
  }
  return (
    <TreeSelect<number | null>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
    />
  );
}
