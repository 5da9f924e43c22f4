import { AutoComplete, Button, Col, DatePicker, Flex, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../api/audit.api.js';
import { AuditActorSelect } from './audit-actor-select.js';
import { actionLabel, objectTypeLabel } from './audit-labels.js';

/** The filter bar's state: text as typed, dates as `YYYY-MM-DD` in the viewer's time zone. */
export interface AuditFilterValues {
  actorId?: number;
  action: string;
  objectType: string;
  objectId: string;
  fromDate?: string;
  toDate?: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { action: '', objectType: '', objectId: '' };

/** True when any filter is set. */
export function hasAuditFilters(value: AuditFilterValues): boolean {
  return Boolean(
    value.actorId ||
      value.action.trim() ||
      value.objectType.trim() ||
      value.objectId.trim() ||
      value.fromDate ||
      value.toDate,
  );
}

/** The API's filters: whole days from the first date's midnight to the end of the last date, local time. */
export function toAuditQuery(value: AuditFilterValues): AuditFilters {
  return {
    actorId: value.actorId,
    action: value.action.trim() || undefined,
    objectType: value.objectType.trim() || undefined,
    objectId: value.objectId.trim() || undefined,
    from: value.fromDate ? dayjs(value.fromDate).startOf('day').toISOString() : undefined,
    to: value.toDate ? dayjs(value.toDate).add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

const ACTION_GROUPS = ['auth', 'unit', 'user', 'token', 'task', 'source'] as const;
const OBJECT_TYPES = ['unit', 'user', 'token', 'task', 'source'];

interface AuditFilterBarProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

/** Who, what, which object and when; one filter per line on phones. */
export function AuditFilterBar({ value, onChange }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const typedAction = value.action.trim();
  const actionOptions = ACTION_GROUPS.map((group) => ({
    value: `${group}.`,
    label: `${t(`audit.actionGroups.${group}`)} · ${group}.`,
  })).filter((option) => option.value.startsWith(typedAction));
  const exact = typedAction && actionLabel(t, typedAction);
  const typeOptions = OBJECT_TYPES.map((type) => ({ value: type, label: `${objectTypeLabel(t, type)} · ${type}` }));

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={5}>
          <AuditActorSelect
            value={value.actorId ?? null}
            onChange={(actorId) => set({ actorId: actorId ?? undefined })}
            placeholder={t('audit.filters.actor')}
            aria-label={t('audit.filters.actor')}
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <AutoComplete
            style={{ width: '100%' }}
            value={value.action}
            options={exact ? [{ value: typedAction, label: `${exact} · ${typedAction}` }] : actionOptions}
            onChange={(action: string) => set({ action })}
            allowClear
            maxLength={100}
          >
            <Input placeholder={t('audit.filters.action')} aria-label={t('audit.filters.action')} />
          </AutoComplete>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <AutoComplete
            style={{ width: '100%' }}
            value={value.objectType}
            options={typeOptions}
            onChange={(objectType: string) => set({ objectType })}
            allowClear
            maxLength={50}
          >
            <Input placeholder={t('audit.filters.objectType')} aria-label={t('audit.filters.objectType')} />
          </AutoComplete>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Input
            allowClear
            value={value.objectId}
            maxLength={100}
            placeholder={t('audit.filters.objectId')}
            aria-label={t('audit.filters.objectId')}
            onChange={(event) => set({ objectId: event.target.value })}
          />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Flex gap={8} align="center">
            <DatePicker
              style={{ flex: 1, minWidth: 0 }}
              placeholder={t('audit.filters.from')}
              aria-label={t('audit.filters.from')}
              value={value.fromDate ? dayjs(value.fromDate) : null}
              onChange={(date) => set({ fromDate: date ? date.format('YYYY-MM-DD') : undefined })}
            />
            <span aria-hidden>–</span>
            <DatePicker
              style={{ flex: 1, minWidth: 0 }}
              placeholder={t('audit.filters.to')}
              aria-label={t('audit.filters.to')}
              value={value.toDate ? dayjs(value.toDate) : null}
              onChange={(date) => set({ toDate: date ? date.format('YYYY-MM-DD') : undefined })}
            />
          </Flex>
        </Col>
      </Row>
      {hasAuditFilters(value) && (
        <Flex>
          <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => onChange(NO_AUDIT_FILTERS)}>
            {t('audit.filters.clear')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
