import { Col, Form, InputNumber, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupervisionSettings } from '../../api/supervision.api.js';
import { useSupervisionSettings, useUpdateSupervisionSettings } from '../../api/supervision.queries.js';
import { SettingsCard } from '../../components/settings-card.js';
import { SettingsForm } from '../../components/settings-form.js';
import { requiredValue } from '../../lib/form-rules.js';

type Values = Omit<SupervisionSettings, 'version'>;

/** The numbers, with their bounds (as the server checks them) and the unit after each. */
const COUNTS = [
  { name: 'missingReportRedWorkingDays', min: 0, max: 60, unit: 'workingDaysUnit' },
  { name: 'planLagAmberPoints', min: 0, max: 100, unit: 'pointsUnit' },
  { name: 'planLagRedPoints', min: 0, max: 100, unit: 'pointsUnit' },
  { name: 'deadlineSoonWorkingDays', min: 0, max: 60, unit: 'workingDaysUnit' },
  { name: 'acknowledgeWorkingDays', min: 0, max: 30, unit: 'workingDaysUnit' },
  { name: 'forecastReports', min: 2, max: 12, unit: 'reportsUnit' },
  { name: 'sweepMinutes', min: 1, max: 1440, unit: 'minutesUnit' },
  { name: 'noticeResponseWorkingDays', min: 1, max: 60, unit: 'workingDaysUnit' },
  { name: 'maxExtensionsPerTask', min: 0, max: 20, unit: 'timesUnit' },
  { name: 'coordinationBounceLimit', min: 1, max: 10, unit: 'timesUnit' },
] as const;

const SWITCHES = ['leaderApprovesKeyExtensions', 'lateExtensionRequests'] as const;
const FIELDS = [...COUNTS.map((count) => count.name), ...SWITCHES];

/** Supervision settings (admins): the health thresholds, the sweep, notices, extensions, coordination. */
export function SupervisionSettingsCard() {
  const { t } = useTranslation();
  const settings = useSupervisionSettings();
  const update = useUpdateSupervisionSettings();
  return (
    <SettingsCard title={t('supervision.settings.title')} settings={settings} skeletonRows={6}>
      {(data) => (
        <SettingsForm<Values, SupervisionSettings>
          version={data.version}
          initialValues={data}
          fields={FIELDS}
          update={update}
          toInput={(values, version) => ({ ...values, version })}
          texts={{ saved: t('supervision.settings.saved'), conflict: t('supervision.settings.conflict') }}
        >
          <Row gutter={16}>
            {COUNTS.map(({ name, min, max, unit }) => (
              <Col key={name} xs={24} sm={12}>
                <Form.Item
                  name={name}
                  label={t(`supervision.settings.${name}`)}
                  rules={requiredValue(t, t(`supervision.settings.${name}`))}
                >
                  <InputNumber
                    min={min}
                    max={max}
                    precision={0}
                    suffix={t(`supervision.settings.${unit}`)}
                    style={{ width: 180, maxWidth: '100%' }}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          {SWITCHES.map((name) => (
            <Form.Item key={name} name={name} label={t(`supervision.settings.${name}`)} valuePropName="checked">
              <Switch />
            </Form.Item>
          ))}
        </SettingsForm>
      )}
    </SettingsCard>
  );
}
