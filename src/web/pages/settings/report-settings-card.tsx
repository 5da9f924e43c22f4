import { App, Button, Card, Form, InputNumber, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CYCLE_KINDS, REPORT_LIMITS } from '../../../shared/reports-api.js';
import type { ReportSettings } from '../../api/reports.api.js';
import { useReportSettings, useUpdateReportSettings } from '../../api/reports.queries.js';
import { LoadError } from '../../components/load-error.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';

type Values = Omit<ReportSettings, 'version'>;
const FIELDS = ['defaultCycle', 'dueWorkingDays', 'stalledCycles'] as const;

/** Reporting settings (admins): the default cycle, when reports are due, when a task counts as stalled. */
export function ReportSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useReportSettings();
  const update = useUpdateReportSettings();
  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('reports.settings.conflict'),
    version: settings.data?.version,
  });

  const handleFinish = (values: Values) => {
    if (!settings.data) return;
    clearFormError();
    update.mutate(
      { ...values, version: settings.data.version },
      { onSuccess: () => void message.success(t('reports.settings.saved')), onError: handleError },
    );
  };

  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Card title={t('reports.settings.title')}>
      {settings.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={settings.data}
          onFinish={handleFinish}
          requiredMark={false}
        >
          <FormErrorAlert error={formError} />
          <Form.Item
            name="defaultCycle"
            label={t('reports.settings.defaultCycle')}
            extra={t('reports.settings.defaultCycleHelp')}
            rules={required(t('reports.settings.defaultCycle'))}
          >
            <Select
              options={DEFAULT_CYCLE_KINDS.map((kind) => ({ value: kind, label: t(`reports.cycle.kinds.${kind}`) }))}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          <Form.Item
            name="dueWorkingDays"
            label={t('reports.settings.dueWorkingDays')}
            extra={t('reports.settings.dueWorkingDaysHelp')}
            rules={required(t('reports.settings.dueWorkingDays'))}
          >
            <InputNumber
              min={REPORT_LIMITS.dueWorkingDaysMin}
              max={REPORT_LIMITS.dueWorkingDaysMax}
              precision={0}
              suffix={t('reports.settings.workingDaysUnit')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item
            name="stalledCycles"
            label={t('reports.settings.stalledCycles')}
            extra={t('reports.settings.stalledCyclesHelp')}
            rules={required(t('reports.settings.stalledCycles'))}
          >
            <InputNumber
              min={REPORT_LIMITS.stalledCyclesMin}
              max={REPORT_LIMITS.stalledCyclesMax}
              precision={0}
              suffix={t('reports.settings.cyclesUnit')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
