import { useTranslation } from 'react-i18next';
import { useClosureSettings, useUpdateClosureSettings } from '../../api/closure.queries.js';
import { SettingSwitch, SettingsCard, useSaveSettings } from '../../components/settings-card.js';

/** Administrators: whether a key task's closure, once accepted, also needs its leader's confirmation. */
export function ClosureSettingsCard() {
  const { t } = useTranslation();
  const settings = useClosureSettings();
  const update = useUpdateClosureSettings();
  const save = useSaveSettings(update, {
    saved: t('closure.settings.saved'),
    conflict: t('closure.settings.conflict'),
  });
  return (
    <SettingsCard title={t('closure.settings.title')} settings={settings}>
      {({ version, leaderConfirmsKeyTasks }) => (
        <SettingSwitch
          label={t('closure.settings.leaderConfirms')}
          help={t('closure.settings.leaderConfirmsHelp')}
          checked={leaderConfirmsKeyTasks}
          isSaving={update.isPending}
          onChange={(checked) => save({ version, leaderConfirmsKeyTasks: checked })}
        />
      )}
    </SettingsCard>
  );
}
