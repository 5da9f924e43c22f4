import { Button, Flex, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_SETTING_LIMITS } from '../../../shared/calendar.js';
import { useTaskSettings, useUpdateTaskSettings } from '../../api/calendar.queries.js';
import { SettingsCard, useSaveSettings } from '../../components/settings-card.js';
import { requiredValue } from '../../lib/form-rules.js';

/** The task setting reckoned in working days: how soon an assigned task must be acknowledged. */
export function TaskSettingsCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ acknowledgeWorkingDays: number }>();
  const settings = useTaskSettings();
  const update = useUpdateTaskSettings();
  const save = useSaveSettings(update, {
    saved: t('calendar.taskSettings.saved'),
    conflict: t('calendar.taskSettings.conflict'),
  });

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ acknowledgeWorkingDays: settings.data.acknowledgeWorkingDays });
  }, [settings.data, form]);

  const label = t('calendar.taskSettings.acknowledgeWorkingDays');
  return (
    <SettingsCard title={t('calendar.taskSettings.title')} settings={settings} size="small">
      {({ version }) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={({ acknowledgeWorkingDays }) => save({ version, acknowledgeWorkingDays })}
          requiredMark={false}
        >
          <Form.Item label={label} extra={t('calendar.taskSettings.help')} style={{ marginBottom: 12 }}>
            <Flex gap={8} align="center">
              <Form.Item name="acknowledgeWorkingDays" noStyle rules={requiredValue(t, label)}>
                <InputNumber
                  aria-label={label}
                  min={TASK_SETTING_LIMITS.acknowledgeWorkingDaysMin}
                  max={TASK_SETTING_LIMITS.acknowledgeWorkingDaysMax}
                  precision={0}
                  style={{ width: 96 }}
                />
              </Form.Item>
              <Typography.Text>{t('calendar.taskSettings.unit')}</Typography.Text>
            </Flex>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </SettingsCard>
  );
}
