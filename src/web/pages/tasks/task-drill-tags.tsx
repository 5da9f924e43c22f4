import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DRILL_FILTER_KEYS, type TaskFilterValues } from './task-filters.js';

/**
 * The filters a cockpit figure opened the list with that the filter bar has no control for (tag,
 * closure dates, on time, trajectory, period, several lead units): each a tag that removes itself.
 */
export function TaskDrillTags({
  value,
  onChange,
}: {
  value: TaskFilterValues;
  onChange: (value: TaskFilterValues) => void;
}) {
  const { t } = useTranslation();
  const drop = (...keys: Array<(typeof DRILL_FILTER_KEYS)[number]>) => {
    const next = { ...value };
    for (const key of keys) delete next[key];
    onChange(next);
  };
  const tags: Array<{ key: string; label: string; onClose: () => void }> = [];
  if (value.leadUnits) {
    tags.push({
      key: 'leadUnits',
      label: t('cockpit.drill.leadUnits', { count: value.leadUnits.length }),
      onClose: () => drop('leadUnits'),
    });
  }
  if (value.tag)
    tags.push({ key: 'tag', label: t('cockpit.drill.tag', { tag: value.tag }), onClose: () => drop('tag') });
  if (value.closedFrom || value.closedTo) {
    const label =
      value.closedFrom && value.closedTo
        ? t('cockpit.drill.closed', { from: value.closedFrom, to: value.closedTo })
        : value.closedFrom
          ? t('cockpit.drill.closedFrom', { from: value.closedFrom })
          : t('cockpit.drill.closedTo', { to: value.closedTo });
    tags.push({ key: 'closed', label, onClose: () => drop('closedFrom', 'closedTo') });
  }
  if (value.onTime !== undefined) {
    tags.push({
      key: 'onTime',
      label: t(value.onTime ? 'cockpit.drill.onTime' : 'cockpit.drill.late'),
      onClose: () => drop('onTime'),
    });
  }
  if (value.trajectory) {
    tags.push({
      key: 'trajectory',
      label: t('cockpit.drill.trajectory', { bucket: t(`cockpit.charts.buckets.${value.trajectory}`) }),
      onClose: () => drop('trajectory'),
    });
  }
  if (value.periodId) tags.push({ key: 'period', label: t('cockpit.drill.period'), onClose: () => drop('periodId') });
  if (tags.length === 0) return null;
  return (
    <Flex align="center" gap={8} wrap data-testid="drill-tags">
      <Typography.Text type="secondary">{t('cockpit.drill.title')}</Typography.Text>
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          closable
          color="blue"
          onClose={(event) => {
            event.preventDefault();
            tag.onClose();
          }}
        >
          {tag.label}
        </Tag>
      ))}
      <Button type="link" size="small" onClick={() => drop(...DRILL_FILTER_KEYS)}>
        {t('cockpit.drill.clearAll')}
      </Button>
    </Flex>
  );
}
