import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.js';
import { errorMessage } from '../lib/error-message.js';
import { LoadError } from './load-error.js';

interface SettingsCardProps<S> {
  title: string;
  settings: UseQueryResult<S>;
  /** How tall the placeholder is while the settings load. */
  skeletonRows?: number;
  size?: 'small';
  /** The fields, once the settings have loaded. */
  children: (settings: S) => ReactNode;
}

/** An administrator's settings card: a placeholder while loading, a retry on failure, then the fields. */
export function SettingsCard<S>({ title, settings, skeletonRows = 2, size, children }: SettingsCardProps<S>) {
  return (
    <Card title={title} size={size}>
      {settings.isPending && <Skeleton active paragraph={{ rows: skeletonRows }} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && children(settings.data)}
    </Card>
  );
}

/**
 * Saves a settings change on the spot (no form to show errors in): a message says it was saved,
 * that someone changed the settings meanwhile (they reload), or why it failed.
 */
export function useSaveSettings<I>(
  update: UseMutationResult<unknown, Error, I>,
  texts: { saved: string; conflict: string },
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (input: I) =>
    update.mutate(input, {
      onSuccess: () => void message.success(texts.saved),
      onError: (error) =>
        void (isApiError(error, 'version_conflict')
          ? message.warning(texts.conflict)
          : message.error(errorMessage(error, t))),
    });
}

interface SettingSwitchProps {
  label: string;
  help: string;
  checked: boolean;
  isSaving: boolean;
  onChange: (checked: boolean) => void;
}

/** One on/off rule: the switch, then its name and what it does. */
export function SettingSwitch({ label, help, checked, isSaving, onChange }: SettingSwitchProps) {
  return (
    <Flex gap={12} align="flex-start">
      <Switch
        checked={checked}
        loading={isSaving}
        onChange={onChange}
        aria-label={label}
        style={{ flex: 'none', marginTop: 2 }}
      />
      <Flex vertical gap={2}>
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type="secondary">{help}</Typography.Text>
      </Flex>
    </Flex>
  );
}
