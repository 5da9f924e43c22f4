import { App, Checkbox, DatePicker, Flex, Form, type FormRule, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_LIMITS, type PeriodSelection, type PeriodView } from '../../../shared/assessment-api.js';
import { useAssessmentMutations, usePeriods } from '../../api/assessment.api.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';
import { SourceMultiSelect, TaskMultiSelect } from './period-pickers.js';

interface PeriodValues extends PeriodSelection {
  name: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  previousPeriodId?: number | null;
}

const FIELDS = ['name', 'startsOn', 'endsOn', 'previousPeriodId'] as const;

function initialValues(period: PeriodView | null): Partial<PeriodValues> {
  if (!period) {
    return {
      sourceIds: [],
      tags: [],
      taskIds: [],
      keyOnly: false,
      handPickedOnly: false,
      includeOpenRectifications: true,
    };
  }
  return {
    ...period.selection,
    name: period.name,
    startsOn: dayjs(period.startsOn),
    endsOn: dayjs(period.endsOn),
    previousPeriodId: period.previousPeriodId,
  };
}

function toSelection(values: PeriodValues): PeriodSelection {
  return {
    sourceIds: values.sourceIds ?? [],
    tags: values.tags ?? [],
    keyOnly: values.keyOnly ?? false,
    taskIds: values.taskIds ?? [],
    handPickedOnly: values.handPickedOnly ?? false,
    includeOpenRectifications: values.includeOpenRectifications ?? true,
  };
}

/**
 * A period's name, dates, the tasks it covers and the period before it. New periods take their
 * scheme from the previous period (else the default) on the server; editing keeps the scheme.
 */
export function PeriodFormModal({
  period,
  onClose,
  onSaved,
}: {
  period: PeriodView | null;
  onClose: () => void;
  onSaved?: (saved: PeriodView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PeriodValues>();
  const { create, update } = useAssessmentMutations();
  const periods = usePeriods();
  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('assessment.form.conflict'),
    version: period?.version,
  });
  const handPickedOnly = Form.useWatch('handPickedOnly', form) ?? false;
  const startsOn = Form.useWatch('startsOn', form);
  const endAfterStart: FormRule = ({ getFieldValue }) => ({
    validator: (_rule, end?: Dayjs) => {
      const start: Dayjs | undefined = getFieldValue('startsOn');
      return !end || !start || !end.isBefore(start, 'day')
        ? Promise.resolve()
        : Promise.reject(new Error(t('errors.codes.period_dates_invalid')));
    },
  });

  const handleFinish = (values: PeriodValues) => {
    clearFormError();
    const common = {
      name: values.name.trim(),
      startsOn: values.startsOn.format('YYYY-MM-DD'),
      endsOn: values.endsOn.format('YYYY-MM-DD'),
      selection: toSelection(values),
      previousPeriodId: values.previousPeriodId ?? null,
    };
    const onSuccess = (saved: PeriodView) => {
      void message.success(period ? t('assessment.form.saved') : t('assessment.form.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    };
    if (period)
      update.mutate({ id: period.id, version: period.version, ...common }, { onSuccess, onError: handleError });
    else create.mutate(common, { onSuccess, onError: handleError });
  };

  const previousOptions = (periods.data ?? [])
    .filter((other) => other.id !== period?.id)
    .map((other) => ({ value: other.id, label: other.name }));

  return (
    <Modal
      open
      title={period ? t('assessment.form.editTitle') : t('assessment.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={period ? t('common.save') : t('assessment.form.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      <FormErrorAlert error={formError} />
      <Form<PeriodValues> form={form} layout="vertical" initialValues={initialValues(period)} onFinish={handleFinish}>
        <Form.Item
          name="name"
          label={t('assessment.form.name')}
          rules={requiredText(t, t('assessment.form.name'), ASSESSMENT_LIMITS.nameMax)}
        >
          <Input placeholder={t('assessment.form.namePlaceholder')} maxLength={ASSESSMENT_LIMITS.nameMax} />
        </Form.Item>
        {/* Two pickers rather than a range picker: its two-month panel does not fit a phone. */}
        <Flex wrap style={{ columnGap: 12 }}>
          <Form.Item
            name="startsOn"
            label={t('assessment.form.startsOn')}
            rules={requiredValue(t, t('assessment.form.startsOn'))}
            style={{ flex: '1 1 180px' }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('assessment.form.endsOn')}
            dependencies={['startsOn']}
            rules={[...requiredValue(t, t('assessment.form.endsOn')), endAfterStart]}
            style={{ flex: '1 1 180px' }}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => Boolean(startsOn && day.isBefore(startsOn, 'day'))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="previousPeriodId"
          label={t('assessment.form.previous')}
          extra={t('assessment.form.previousHelp')}
        >
          <Select allowClear options={previousOptions} placeholder={t('assessment.form.previousNone')} />
        </Form.Item>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('assessment.form.selection')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('assessment.form.selectionHelp')}</Typography.Paragraph>
        <Form.Item name="sourceIds" label={t('assessment.form.sources')}>
          <SourceMultiSelect placeholder={t('assessment.form.sourcesPlaceholder')} />
        </Form.Item>
        <Form.Item name="tags" label={t('assessment.form.tags')}>
          <Select
            mode="tags"
            open={false}
            maxCount={ASSESSMENT_LIMITS.tagsMax}
            placeholder={t('assessment.form.tagsPlaceholder')}
            suffixIcon={null}
          />
        </Form.Item>
        <Form.Item name="keyOnly" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox disabled={handPickedOnly}>{t('assessment.form.keyOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="taskIds" label={t('assessment.form.taskIds')}>
          <TaskMultiSelect placeholder={t('assessment.form.taskIdsPlaceholder')} />
        </Form.Item>
        <Form.Item name="handPickedOnly" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('assessment.form.handPickedOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="includeOpenRectifications" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('assessment.form.includeOpenRectifications')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
