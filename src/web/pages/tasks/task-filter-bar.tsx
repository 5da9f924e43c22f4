import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Col, DatePicker, Flex, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_FLAGS, HEALTH_LIGHTS, type HealthFlag, type HealthLight } from '../../../shared/health-api.js';
import { lightName } from '../../../shared/health-terms.js';
import { TASK_LIMITS, TASK_STATUSES, type TaskStatus } from '../../../shared/tasks.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { currentLocale } from '../../i18n/index.js';
import { TaskDrillTags } from './task-drill-tags.js';
import {
  countActiveFilters,
  DRILL_FILTER_KEYS,
  NO_TASK_FILTERS,
  type TaskFilterValues,
  type UnitRole,
} from './task-filters.js';
import { TaskSourceSelect } from './task-source-select.js';
import { TaskUserSelect } from './task-user-select.js';

interface TaskFilterBarProps {
  value: TaskFilterValues;
  onChange: (value: TaskFilterValues) => void;
  /** The people directory is readable (supervisors, admins, auditors): offer the person filter. */
  canPickPeople: boolean;
}

/** Everything but the search box and the three switches, folded away until asked for. */
function advancedCount(filters: TaskFilterValues): number {
  const base = { ...filters, status: [], isKey: false, overdue: false, unacknowledged: false, light: [] };
  for (const key of DRILL_FILTER_KEYS) delete base[key];
  return countActiveFilters(base);
}

/** The task list's filters: search, status and switches always; unit, person, source and dates on demand. */
export function TaskFilterBar({ value, onChange, canPickPeople }: TaskFilterBarProps) {
  const { t } = useTranslation();
  const hidden = advancedCount(value);
  const [isOpen, setIsOpen] = useState(hidden > 0);
  const set = (patch: Partial<TaskFilterValues>) => onChange({ ...value, ...patch });
  const hasAny = countActiveFilters(value) > 0 || value.q.trim() !== '';

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <TaskDrillTags value={value} onChange={onChange} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={8}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('tasks.filters.searchPlaceholder')}
            aria-label={t('tasks.filters.search')}
            value={value.q}
            maxLength={TASK_LIMITS.searchMax}
            onChange={(event) => set({ q: event.target.value })}
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Select<TaskStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ width: '100%' }}
            placeholder={t('tasks.filters.status')}
            aria-label={t('tasks.filters.status')}
            value={value.status}
            onChange={(status) => set({ status })}
            options={TASK_STATUSES.map((status) => ({ value: status, label: t(`tasks.status.${status}`) }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Flex align="center" gap={12} wrap style={{ minHeight: 32 }}>
            <Checkbox checked={value.isKey} onChange={(event) => set({ isKey: event.target.checked })}>
              {t('tasks.filters.keyOnly')}
            </Checkbox>
            <Checkbox checked={value.overdue} onChange={(event) => set({ overdue: event.target.checked })}>
              {t('tasks.filters.overdue')}
            </Checkbox>
            <Checkbox
              checked={value.unacknowledged}
              onChange={(event) => set({ unacknowledged: event.target.checked })}
            >
              {t('tasks.filters.unacknowledged')}
            </Checkbox>
            <Select<HealthLight[]>
              mode="multiple"
              allowClear
              size="small"
              style={{ minWidth: 120 }}
              placeholder={t('supervision.filters.light')}
              aria-label={t('supervision.filters.light')}
              value={value.light}
              onChange={(light) => set({ light })}
              options={HEALTH_LIGHTS.map((light) => ({ value: light, label: lightName(light, currentLocale()) }))}
            />
          </Flex>
        </Col>
      </Row>
      {isOpen && (
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={8}>
            <Flex vertical gap={8}>
              <UnitTreeSelect
                value={value.unitId ?? null}
                onChange={(unitId) => set({ unitId: unitId ?? undefined })}
                placeholder={t('tasks.filters.unit')}
                aria-label={t('tasks.filters.unit')}
              />
              {value.unitId !== undefined && (
                <Flex align="center" gap={12} wrap>
                  <Select<UnitRole>
                    size="small"
                    style={{ minWidth: 120 }}
                    aria-label={t('tasks.filters.unitRole')}
                    value={value.unitRole}
                    onChange={(unitRole) => set({ unitRole })}
                    options={(['any', 'lead', 'cooperating'] as const).map((role) => ({
                      value: role,
                      label: t(`tasks.filters.unitRoles.${role}`),
                    }))}
                  />
                  <Checkbox
                    checked={value.includeSubunits}
                    onChange={(event) => set({ includeSubunits: event.target.checked })}
                  >
                    {t('tasks.filters.includeSubunits')}
                  </Checkbox>
                </Flex>
              )}
            </Flex>
          </Col>
          {canPickPeople && (
            <Col xs={24} md={12} xl={8}>
              <TaskUserSelect
                value={value.responsiblePersonId ?? null}
                onChange={(id) => set({ responsiblePersonId: id ?? undefined })}
                placeholder={t('tasks.filters.responsiblePerson')}
                aria-label={t('tasks.filters.responsiblePerson')}
              />
            </Col>
          )}
          <Col xs={24} md={12} xl={8}>
            <Select<HealthFlag>
              allowClear
              style={{ width: '100%' }}
              placeholder={t('supervision.filters.flag')}
              aria-label={t('supervision.filters.flag')}
              value={value.flag}
              onChange={(flag) => set({ flag })}
              options={HEALTH_FLAGS.map((flag) => ({ value: flag, label: t(`supervision.flags.${flag}`) }))}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TaskSourceSelect
              value={value.sourceId ?? null}
              onChange={(id) => set({ sourceId: id ?? undefined })}
              placeholder={t('tasks.filters.source')}
              aria-label={t('tasks.filters.source')}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Flex gap={8} align="center">
              <DatePicker
                style={{ flex: 1, minWidth: 0 }}
                placeholder={t('tasks.filters.deadlineFrom')}
                aria-label={t('tasks.filters.deadlineFrom')}
                value={value.deadlineFrom ? dayjs(value.deadlineFrom) : null}
                onChange={(date) => set({ deadlineFrom: date ? date.format('YYYY-MM-DD') : undefined })}
              />
              <span aria-hidden>–</span>
              <DatePicker
                style={{ flex: 1, minWidth: 0 }}
                placeholder={t('tasks.filters.deadlineTo')}
                aria-label={t('tasks.filters.deadlineTo')}
                value={value.deadlineTo ? dayjs(value.deadlineTo) : null}
                onChange={(date) => set({ deadlineTo: date ? date.format('YYYY-MM-DD') : undefined })}
              />
            </Flex>
          </Col>
        </Row>
      )}
      <Flex gap={8} wrap>
        <Button size="small" icon={<FilterOutlined />} onClick={() => setIsOpen(!isOpen)} aria-expanded={isOpen}>
          {isOpen ? t('tasks.filters.fewer') : t('tasks.filters.more')}
          {!isOpen && hidden > 0 && <Badge count={hidden} size="small" style={{ marginInlineStart: 4 }} />}
        </Button>
        {hasAny && (
          <Button size="small" type="link" onClick={() => onChange({ ...NO_TASK_FILTERS, sort: value.sort })}>
            {t('tasks.filters.clear')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
