import { Alert, Button, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_LIMITS, type CalendarDayKind } from '../../../shared/calendar.js';
import type { CalendarDay } from '../../api/calendar.api.js';
import { useCalendarMutations } from '../../api/calendar.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
import { requiredText } from '../../lib/form-rules.js';
import { isWeekendDate } from './calendar-dates.js';

/** What the dialog edits: an existing entry, or a new one (optionally for a given date). */
export type DayDialogTarget = { date: string; day?: CalendarDay | undefined };

interface DayValues {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

const FIELDS = ['date', 'kind', 'name'];

/** Adds or edits one date of the calendar; an existing entry can be deleted from here too. */
export function CalendarDayModal({
  target,
  onClose,
  onSaved,
  onRemove,
}: {
  target: DayDialogTarget | null;
  onClose: () => void;
  onSaved: (day: CalendarDay) => void;
  onRemove: (day: CalendarDay) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DayValues>();
  const { setDay } = useCalendarMutations();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const existing = target?.day;

  useEffect(() => {
    if (!target) return;
    setFormError(null);
    form.setFieldsValue({
      date: target.date,
      kind: target.day?.kind ?? (isWeekendDate(target.date) ? 'workday' : 'holiday'),
      name: target.day?.name ?? '',
    });
  }, [target, form]);

  const handleFinish = (values: DayValues) => {
    setFormError(null);
    setDay.mutate(
      { date: values.date, kind: values.kind, name: values.name.trim() },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={existing ? t('calendar.form.editTitle', { date: existing.date }) : t('calendar.form.addTitle')}
      onCancel={onClose}
      forceRender
      footer={[
        existing && (
          <Button key="remove" danger onClick={() => onRemove(existing)} style={{ float: 'inline-start' }}>
            {t('calendar.remove')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={setDay.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<DayValues> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item
          name="date"
          label={t('calendar.form.date')}
          rules={[{ required: true, message: t('validation.required', { field: t('calendar.form.date') }) }]}
        >
          <Input
            type="date"
            disabled={Boolean(existing)}
            min={`${CALENDAR_LIMITS.yearMin}-01-01`}
            max={`${CALENDAR_LIMITS.yearMax}-12-31`}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('calendar.form.kind')}
          extra={kind === 'workday' ? t('calendar.form.workdayHelp') : t('calendar.form.holidayHelp')}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('calendar.kind.holiday') },
              { value: 'workday', label: t('calendar.kind.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.form.name')}
          rules={requiredText(t, t('calendar.form.name'), CALENDAR_LIMITS.nameMax)}
        >
          <Input placeholder={t('calendar.form.namePlaceholder')} maxLength={CALENDAR_LIMITS.nameMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
