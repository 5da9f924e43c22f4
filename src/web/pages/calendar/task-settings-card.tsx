import { App, Button, Card, Flex, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_SETTING_LIMITS } from '../../../shared/calendar.js';
import { useTaskSettings, useUpdateTaskSettings } from '../../api/calendar.queries.js';
import { isApiError } from '../../api/http.js';
import { LoadError } from '../../components/load-error.js';
import { errorMessage } from '../../lib/error-message.js';

/** The task setting reckoned in working days: how soon an assigned task must be acknowledged. */
export function TaskSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ acknowledgeWorkingDays: number }>();
  const settings = useTaskSettings();
  const update = useUpdateTaskSettings();

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ acknowledgeWorkingDays: settings.data.acknowledgeWorkingDays });
  }, [settings.data, form]);

  const handleFinish = ({ acknowledgeWorkingDays }: { acknowledgeWorkingDays: number }) => {
    if (!settings.data) return;
    update.mutate(
      { version: settings.data.version, acknowledgeWorkingDays },
      {
        onSuccess: () => void message.success(t('calendar.taskSettings.saved')),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) void message.warning(t('calendar.taskSettings.conflict'));
          else void message.error(errorMessage(error, t));
        },
      },
    );
  };

  const label = t('calendar.taskSettings.acknowledgeWorkingDays');
  return (
    <Card title={t('calendar.taskSettings.title')} size="small">
      {settings.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Form form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
          <Form.Item label={label} extra={t('calendar.taskSettings.help')} style={{ marginBottom: 12 }}>
            <Flex gap={8} align="center">
              <Form.Item
                name="acknowledgeWorkingDays"
                noStyle
                rules={[{ required: true, message: t('validation.required', { field: label }) }]}
              >
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
    </Card>
  );
}
