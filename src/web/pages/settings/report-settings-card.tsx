import { Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CYCLE_KINDS, REPORT_LIMITS } from '../../../shared/reports-api.js';
import type { ReportSettings } from '../../api/reports.api.js';
import { useReportSettings, useUpdateReportSettings } from '../../api/reports.queries.js';
import { SettingsCard } from '../../components/settings-card.js';
import { SettingsForm } from '../../components/settings-form.js';
import { requiredValue } from '../../lib/form-rules.js';

type Values = Omit<ReportSettings, 'version'>;
const FIELDS = ['defaultCycle', 'dueWorkingDays', 'stalledCycles'] as const;

/** The settings counted in whole numbers, with their bounds and the unit after the number. */
const COUNTS = [
  {
    name: 'dueWorkingDays',
    min: REPORT_LIMITS.dueWorkingDaysMin,
    max: REPORT_LIMITS.dueWorkingDaysMax,
    unit: 'workingDaysUnit',
  },
  {
    name: 'stalledCycles',
    min: REPORT_LIMITS.stalledCyclesMin,
    max: REPORT_LIMITS.stalledCyclesMax,
    unit: 'cyclesUnit',
  },
] as const;

/** Reporting settings (admins): the default cycle, when reports are due, when a task counts as stalled. */
export function ReportSettingsCard() {
  const { t } = useTranslation();
  const settings = useReportSettings();
  const update = useUpdateReportSettings();
  return (
    <SettingsCard title={t('reports.settings.title')} settings={settings} skeletonRows={3}>
      {(data) => (
        <SettingsForm<Values, ReportSettings>
          version={data.version}
          initialValues={data}
          fields={FIELDS}
          update={update}
          toInput={(values, version) => ({ ...values, version })}
          texts={{ saved: t('reports.settings.saved'), conflict: t('reports.settings.conflict') }}
        >
          <Form.Item
            name="defaultCycle"
            label={t('reports.settings.defaultCycle')}
            extra={t('reports.settings.defaultCycleHelp')}
            rules={requiredValue(t, t('reports.settings.defaultCycle'))}
          >
            <Select
              options={DEFAULT_CYCLE_KINDS.map((kind) => ({ value: kind, label: t(`reports.cycle.kinds.${kind}`) }))}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          {COUNTS.map(({ name, min, max, unit }) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`reports.settings.${name}`)}
              extra={t(`reports.settings.${name}Help`)}
              rules={requiredValue(t, t(`reports.settings.${name}`))}
            >
              <InputNumber
                min={min}
                max={max}
                precision={0}
                suffix={t(`reports.settings.${unit}`)}
                style={{ width: 160 }}
              />
            </Form.Item>
          ))}
        </SettingsForm>
      )}
    </SettingsCard>
  );
}
