import { useTranslation } from 'react-i18next';
import { usePlanSettings, useUpdatePlanSettings } from '../../api/plans.queries.js';
import { SettingSwitch, SettingsCard, useSaveSettings } from '../../components/settings-card.js';

/** Administrators: whether a key task may start only once its plan is accepted. */
export function PlanSettingsCard() {
  const { t } = useTranslation();
  const settings = usePlanSettings();
  const update = useUpdatePlanSettings();
  const save = useSaveSettings(update, { saved: t('plans.settings.saved'), conflict: t('plans.settings.conflict') });
  return (
    <SettingsCard title={t('plans.settings.title')} settings={settings}>
      {({ version, requireAcceptedForKeyTasks }) => (
        <SettingSwitch
          label={t('plans.settings.requireAccepted')}
          help={t('plans.settings.requireAcceptedHelp')}
          checked={requireAcceptedForKeyTasks}
          isSaving={update.isPending}
          onChange={(checked) => save({ version, requireAcceptedForKeyTasks: checked })}
        />
      )}
    </SettingsCard>
  );
}
