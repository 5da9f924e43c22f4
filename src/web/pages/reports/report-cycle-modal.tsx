import { App, DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REPORT_CYCLE_KINDS, REPORT_LIMITS, type ReportCycleKind } from '../../../shared/reports-api.js';
import type { ReportCycleView } from '../../api/reports.api.js';
import { useReportMutations } from '../../api/reports.queries.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';

interface CycleFormValues {
  kind: ReportCycleKind;
  customDates: Dayjs[];
  anchorDate: Dayjs | null;
}

const FIELDS = ['kind', 'customDates', 'anchorDate'] as const;
const DATE = 'YYYY-MM-DD';

/** The supervision office sets a task's own reporting cycle (from today on; opened periods stay). */
export function ReportCycleModal({
  taskId,
  cycle,
  onClose,
}: {
  taskId: number;
  cycle: ReportCycleView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CycleFormValues>();
  const { setCycle } = useReportMutations(taskId);
  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('reports.cycle.conflict'),
    version: cycle.version,
  });
  const kind = Form.useWatch('kind', form) ?? cycle.kind;

  const handleFinish = (values: CycleFormValues) => {
    clearFormError();
    const customDates = values.kind === 'custom' ? values.customDates.map((date) => date.format(DATE)) : undefined;
    const anchorDate =
      values.kind === 'biweekly' || values.kind === 'custom' ? (values.anchorDate?.format(DATE) ?? null) : null;
    setCycle.mutate(
      { version: cycle.version, kind: values.kind, ...(customDates ? { customDates } : {}), anchorDate },
      {
        onSuccess: () => {
          void message.success(t('reports.cycle.saved'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('reports.cycle.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setCycle.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reports.cycle.editHelp')}</Typography.Paragraph>
      <FormErrorAlert error={formError} />
      <Form<CycleFormValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{
          kind: cycle.kind,
          customDates: cycle.customDates.map((date) => dayjs(date)),
          anchorDate: cycle.anchorDate ? dayjs(cycle.anchorDate) : null,
        }}
      >
        <Form.Item name="kind" label={t('reports.cycle.kind')} rules={[{ required: true }]}>
          <Select options={REPORT_CYCLE_KINDS.map((value) => ({ value, label: t(`reports.cycle.kinds.${value}`) }))} />
        </Form.Item>
        {kind === 'custom' && (
          <Form.Item
            name="customDates"
            label={t('reports.cycle.customDates')}
            extra={t('reports.cycle.customDatesHelp')}
            rules={[
              {
                required: true,
                type: 'array',
                min: 1,
                message: t('validation.required', { field: t('reports.cycle.customDates') }),
              },
              {
                type: 'array',
                max: REPORT_LIMITS.customDatesMax,
                message: t('validation.maxItems', { max: REPORT_LIMITS.customDatesMax }),
              },
            ]}
          >
            <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(kind === 'biweekly' || kind === 'custom') && (
          <Form.Item
            name="anchorDate"
            label={t(kind === 'biweekly' ? 'reports.cycle.anchorBiweekly' : 'reports.cycle.anchorCustom')}
            extra={t(kind === 'biweekly' ? 'reports.cycle.anchorBiweeklyHelp' : 'reports.cycle.anchorCustomHelp')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
