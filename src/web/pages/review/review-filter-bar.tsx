import { Flex, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_OUTCOMES, type TaskOutcome } from '../../../shared/assessment-api.js';

/** The worksheet's filters (applied in the browser to the period loaded once). */
export interface ReviewFilterState {
  unreviewedOnly: boolean;
  outcome: TaskOutcome | undefined;
  unitId: number | undefined;
}

interface ReviewFilterBarProps {
  filters: ReviewFilterState;
  units: Array<{ id: number; name: string }>;
  onChange: (filters: ReviewFilterState) => void;
}

/** Unreviewed only, outcome and lead unit; wraps onto several lines on a phone. */
export function ReviewFilterBar({ filters, units, onChange }: ReviewFilterBarProps) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Flex gap={6} align="center">
        <Switch
          aria-label={t('review.filters.unreviewed')}
          size="small"
          checked={filters.unreviewedOnly}
          onChange={(checked) => onChange({ ...filters, unreviewedOnly: checked })}
        />
        {t('review.filters.unreviewed')}
      </Flex>
      <Select
        allowClear
        style={{ minWidth: 140 }}
        placeholder={t('review.filters.outcome')}
        aria-label={t('review.filters.outcome')}
        value={filters.outcome}
        onChange={(outcome?: TaskOutcome) => onChange({ ...filters, outcome })}
        options={TASK_OUTCOMES.map((o) => ({ value: o, label: t(`review.outcomes.${o}`) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 180 }}
        placeholder={t('review.filters.unit')}
        aria-label={t('review.filters.unit')}
        value={filters.unitId}
        onChange={(unitId?: number) => onChange({ ...filters, unitId })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
    </Flex>
  );
}
