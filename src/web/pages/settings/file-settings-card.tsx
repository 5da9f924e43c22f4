import { Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FILE_SETTING_LIMITS } from '../../../shared/files-api.js';
import { useFileSettings } from '../../api/evidence.queries.js';
import { useUpdateFileSettings } from '../../api/files.queries.js';
import { SettingsCard } from '../../components/settings-card.js';
import { SettingsForm } from '../../components/settings-form.js';
import { requiredValue } from '../../lib/form-rules.js';

const MB = 1024 * 1024;
const FIELDS = ['maxBytes'] as const;

/** File settings (admins): the largest evidence file accepted, in MB. */
export function FileSettingsCard() {
  const { t } = useTranslation();
  const settings = useFileSettings();
  const update = useUpdateFileSettings();
  const label = t('files.settings.maxSize');
  return (
    <SettingsCard title={t('files.settings.title')} settings={settings}>
      {(data) => (
        <SettingsForm
          version={data.version}
          initialValues={{ maxBytes: Math.round((data.maxBytes / MB) * 100) / 100 }}
          fields={FIELDS}
          update={update}
          toInput={({ maxBytes }, version) => ({ version, maxBytes: Math.round(maxBytes * MB) })}
          texts={{ saved: t('files.settings.saved'), conflict: t('files.settings.conflict') }}
        >
          <Form.Item
            name="maxBytes"
            label={label}
            extra={t('files.settings.maxSizeHelp', { max: FILE_SETTING_LIMITS.maxBytesMax / MB })}
            rules={requiredValue(t, label)}
          >
            <InputNumber min={1} max={FILE_SETTING_LIMITS.maxBytesMax / MB} suffix="MB" style={{ width: 180 }} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('files.settings.types')}
          </Typography.Paragraph>
        </SettingsForm>
      )}
    </SettingsCard>
  );
}
