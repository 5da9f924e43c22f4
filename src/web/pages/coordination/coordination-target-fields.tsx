import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { requiredValue } from '../../lib/form-rules.js';
import { useCoordinationLeaders } from './use-coordination.js';

/** The labels under `coordination.fields` in the three languages. */
export type CoordinationFieldKey =
  | 'commitmentDate'
  | 'response'
  | 'reason'
  | 'reasonOptional'
  | 'passTo'
  | 'dueDate'
  | 'decision'
  | 'assignTo'
  | 'targetKind'
  | 'targetUnit'
  | 'targetLeader'
  | 'toUnit'
  | 'toLeader'
  | 'fromUnit'
  | 'matter'
  | 'matterPlaceholder'
  | 'pickUnit'
  | 'pickLeader';

/** The leaders one may ask, by name. */
export function LeaderSelect({
  value,
  onChange,
  placeholder,
  'aria-label': ariaLabel,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const leaders = useCoordinationLeaders();
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={placeholder}
      aria-label={ariaLabel}
      loading={leaders.isPending}
      options={(leaders.data?.leaders ?? []).map((leader) => ({ value: leader.id, label: leader.displayName }))}
    />
  );
}

/** Unit or leader, then the one chosen (the asking unit cannot be picked). */
export function TargetChoice({ excludedUnitIds }: { excludedUnitIds?: ReadonlySet<number> }) {
  const { t } = useTranslation();
  const f = (key: CoordinationFieldKey) => t(`coordination.fields.${key}`);
  return (
    <>
      <Form.Item name="targetKind" label={f('targetKind')} initialValue="unit">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'unit', label: f('targetUnit') },
            { value: 'leader', label: f('targetLeader') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['targetKind']}>
        {({ getFieldValue }) =>
          getFieldValue('targetKind') === 'leader' ? (
            <Form.Item name="toLeaderId" label={f('toLeader')} rules={requiredValue(t, f('toLeader'))}>
              <LeaderSelect placeholder={f('pickLeader')} aria-label={f('toLeader')} />
            </Form.Item>
          ) : (
            <Form.Item name="toUnitId" label={f('toUnit')} rules={requiredValue(t, f('toUnit'))}>
              <UnitTreeSelect
                {...(excludedUnitIds ? { disabledIds: excludedUnitIds } : {})}
                placeholder={f('pickUnit')}
                aria-label={f('toUnit')}
              />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}
