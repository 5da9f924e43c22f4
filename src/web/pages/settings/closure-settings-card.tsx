import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClosureSettings, useUpdateClosureSettings } from '../../api/closure.queries.js';
import { isApiError } from '../../api/http.js';
import { LoadError } from '../../components/load-error.js';
import { errorMessage } from '../../lib/error-message.js';

/** Administrators: whether a key task's closure, once accepted, also needs its leader's confirmation. */
export function ClosureSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useClosureSettings();
  const update = useUpdateClosureSettings();

  const handleChange = (leaderConfirmsKeyTasks: boolean) => {
    if (!settings.data) return;
    update.mutate(
      { version: settings.data.version, leaderConfirmsKeyTasks },
      {
        onSuccess: () => void message.success(t('closure.settings.saved')),
        onError: (error) =>
          void (isApiError(error, 'version_conflict')
            ? message.warning(t('closure.settings.conflict'))
            : message.error(errorMessage(error, t))),
      },
    );
  };

  const label = t('closure.settings.leaderConfirms');
  return (
    <Card title={t('closure.settings.title')}>
      {settings.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Flex gap={12} align="flex-start">
          <Switch
            checked={settings.data.leaderConfirmsKeyTasks}
            loading={update.isPending}
            onChange={handleChange}
            aria-label={label}
            style={{ flex: 'none', marginTop: 2 }}
          />
          <Flex vertical gap={2}>
            <Typography.Text strong>{label}</Typography.Text>
            <Typography.Text type="secondary">{t('closure.settings.leaderConfirmsHelp')}</Typography.Text>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
