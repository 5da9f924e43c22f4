import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STATUS_REPORT_FORMATS,
  STATUS_REPORT_LIMITS,
  type StatusReportFormat,
} from '../../../shared/status-reports-api.js';
import type { Schedule } from '../../api/status-reports.api.js';
import type { statusReportZhCN } from '../../i18n/sections/status-reports.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredValue } from '../../lib/form-rules.js';
import { TaskUserSelect } from '../tasks/task-user-select.js';
import { PeoplePicker, PeriodPicker, SourcePicker } from './status-report-pickers.js';
import { useScheduleMutations } from './status-reports.queries.js';

/** The plain texts of the schedules section. */
type ScheduleTextKey = {
  [K in keyof typeof statusReportZhCN.schedules]: (typeof statusReportZhCN.schedules)[K] extends string ? K : never;
}[keyof typeof statusReportZhCN.schedules];

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

interface Values {
  name: string;
  basis: 'source' | 'period';
  sourceId?: number;
  periodId?: number;
  frequency: 'weekly' | 'monthly';
  weekday: number;
  dayOfMonth: number;
  hour: number;
  formats: StatusReportFormat[];
  recipientIds: number[];
  ownerId?: number | null;
  enabled: boolean;
}

function initialValues(schedule: Schedule | null, ownerId: number): Values {
  if (!schedule) {
    return {
      name: '',
      basis: 'source',
      frequency: 'weekly',
      weekday: 1,
      dayOfMonth: 1,
      hour: 9,
      formats: ['docx', 'xlsx'],
      recipientIds: [],
      ownerId,
      enabled: true,
    };
  }
  return {
    name: schedule.name,
    basis: schedule.subject.kind,
    ...(schedule.subject.kind === 'source' ? { sourceId: schedule.subject.id } : { periodId: schedule.subject.id }),
    frequency: schedule.frequency,
    weekday: schedule.weekday,
    dayOfMonth: schedule.dayOfMonth,
    hour: schedule.hour,
    formats: schedule.formats,
    recipientIds: schedule.recipients.map((person) => person.id),
    ownerId: schedule.owner.id,
    enabled: schedule.enabled,
  };
}

/** Create or edit a schedule; recipients are picked from the people directory. */
export function ScheduleFormModal({
  schedule,
  ownerId,
  onClose,
}: {
  schedule: Schedule | null;
  ownerId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const basis = Form.useWatch('basis', form) ?? initialValues(schedule, ownerId).basis;
  const frequency = Form.useWatch('frequency', form) ?? 'weekly';
  const { create, update } = useScheduleMutations();
  const [error, setError] = useState<string | null>(null);

  const handleFinish = (values: Values) => {
    setError(null);
    const body = {
      name: values.name.trim(),
      sourceId: values.basis === 'source' ? (values.sourceId ?? null) : null,
      periodId: values.basis === 'period' ? (values.periodId ?? null) : null,
      frequency: values.frequency,
      weekday: values.weekday,
      dayOfMonth: values.dayOfMonth,
      hour: values.hour,
      formats: values.formats,
      recipientIds: values.recipientIds,
      ownerId: values.ownerId ?? ownerId,
      enabled: values.enabled,
    };
    const done = { onSuccess: onClose, onError: (cause: unknown) => setError(errorMessage(cause, t)) };
    if (schedule) update.mutate({ id: schedule.id, body: { ...body, version: schedule.version } }, done);
    else create.mutate(body, done);
  };

  const s = (key: ScheduleTextKey) => t(`statusReports.schedules.${key}`);
  return (
    <Modal
      open
      title={schedule ? s('edit') : s('add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={s('save')}
      cancelText={s('cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(schedule, ownerId)}
        onFinish={handleFinish}
        requiredMark={false}
      >
        <Form.Item name="name" label={s('name')} rules={requiredValue(t, s('name'))}>
          <Input maxLength={STATUS_REPORT_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="basis" label={t('statusReports.form.basis')}>
          <Radio.Group
            options={[
              { value: 'source', label: t('statusReports.form.source') },
              { value: 'period', label: t('statusReports.form.period') },
            ]}
          />
        </Form.Item>
        {basis === 'source' ? (
          <Form.Item
            name="sourceId"
            label={t('statusReports.form.source')}
            rules={requiredValue(t, t('statusReports.form.source'))}
          >
            <SourcePicker />
          </Form.Item>
        ) : (
          <Form.Item
            name="periodId"
            label={t('statusReports.form.period')}
            rules={requiredValue(t, t('statusReports.form.period'))}
          >
            <PeriodPicker />
          </Form.Item>
        )}
        <Form.Item name="frequency" label={s('frequency')}>
          <Radio.Group
            options={[
              { value: 'weekly', label: t('statusReports.form.weekly') },
              { value: 'monthly', label: t('statusReports.form.monthly') },
            ]}
          />
        </Form.Item>
        {frequency === 'weekly' ? (
          <Form.Item name="weekday" label={s('weekday')}>
            <Select
              options={WEEKDAYS.map((day) => ({
                value: Number(day),
                label: t(`statusReports.schedules.weekdays.${day}`),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="dayOfMonth" label={s('dayOfMonth')}>
            <InputNumber min={1} max={28} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="hour" label={s('hour')}>
          <InputNumber min={0} max={23} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="formats" label={s('formats')} rules={requiredValue(t, s('formats'))}>
          <Checkbox.Group options={STATUS_REPORT_FORMATS.map((format) => ({ value: format, label: format }))} />
        </Form.Item>
        <Form.Item name="recipientIds" label={s('recipients')} rules={requiredValue(t, s('recipients'))}>
          <PeoplePicker known={schedule?.recipients ?? []} />
        </Form.Item>
        <Form.Item name="ownerId" label={s('owner')}>
          <TaskUserSelect selected={schedule ? { id: schedule.owner.id, displayName: schedule.owner.name } : null} />
        </Form.Item>
        <Form.Item name="enabled" label={s('enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
