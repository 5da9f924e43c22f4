import { App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FILE_SETTING_LIMITS } from '../../../shared/files-api.js';
import { useFileSettings } from '../../api/evidence.queries.js';
import { useUpdateFileSettings } from '../../api/files.queries.js';
import { LoadError } from '../../components/load-error.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';

const MB = 1024 * 1024;
const FIELDS = ['maxBytes'] as const;

/** File settings (admins): the largest evidence file accepted, in MB. */
export function FileSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ maxBytes: number }>();
  const settings = useFileSettings();
  const update = useUpdateFileSettings();
  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('files.settings.conflict'),
    version: settings.data?.version,
  });

  const handleFinish = ({ maxBytes }: { maxBytes: number }) => {
    if (!settings.data) return;
    clearFormError();
    update.mutate(
      { version: settings.data.version, maxBytes: Math.round(maxBytes * MB) },
      { onSuccess: () => void message.success(t('files.settings.saved')), onError: handleError },
    );
  };

  const label = t('files.settings.maxSize');
  return (
    <Card title={t('files.settings.title')}>
      {settings.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ maxBytes: Math.round((settings.data.maxBytes / MB) * 100) / 100 }}
          onFinish={handleFinish}
          requiredMark={false}
        >
          <FormErrorAlert error={formError} />
          <Form.Item
            name="maxBytes"
            label={label}
            extra={t('files.settings.maxSizeHelp', { max: FILE_SETTING_LIMITS.maxBytesMax / MB })}
            rules={[{ required: true, message: t('validation.required', { field: label }) }]}
          >
            <InputNumber min={1} max={FILE_SETTING_LIMITS.maxBytesMax / MB} suffix="MB" style={{ width: 180 }} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('files.settings.types')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
