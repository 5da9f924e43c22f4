import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.js';
import { usePlanSettings, useUpdatePlanSettings } from '../../api/plans.queries.js';
import { LoadError } from '../../components/load-error.js';
import { errorMessage } from '../../lib/error-message.js';

/** Administrators: whether a key task may start only once its plan is accepted. */
export function PlanSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = usePlanSettings();
  const update = useUpdatePlanSettings();

  const handleChange = (requireAcceptedForKeyTasks: boolean) => {
    if (!settings.data) return;
    update.mutate(
      { version: settings.data.version, requireAcceptedForKeyTasks },
      {
        onSuccess: () => void message.success(t('plans.settings.saved')),
        onError: (error) =>
          void (isApiError(error, 'version_conflict')
            ? message.warning(t('plans.settings.conflict'))
            : message.error(errorMessage(error, t))),
      },
    );
  };

  const label = t('plans.settings.requireAccepted');
  return (
    <Card title={t('plans.settings.title')}>
      {settings.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Flex gap={12} align="flex-start">
          <Switch
            checked={settings.data.requireAcceptedForKeyTasks}
            loading={update.isPending}
            onChange={handleChange}
            aria-label={label}
            style={{ flex: 'none', marginTop: 2 }}
          />
          <Flex vertical gap={2}>
            <Typography.Text strong>{label}</Typography.Text>
            <Typography.Text type="secondary">{t('plans.settings.requireAcceptedHelp')}</Typography.Text>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
