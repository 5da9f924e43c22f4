import { ArrowLeftOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EMAIL_KINDS, type EmailKind, KIND_GROUPS, type KindGroup, kindGroup } from '../../../shared/channels-api.js';
import { LOCALES, type Locale } from '../../../shared/locales.js';
import type { NotificationKind } from '../../../shared/notifications-api.js';
import type { NotificationPrefsView } from '../../api/channels.api.js';
import { useNotificationPrefs, useUpdateNotificationPrefs } from '../../api/channels.queries.js';
import { isApiError } from '../../api/http.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { SettingSwitch } from '../../components/settings-card.js';
import { LOCALE_NAMES } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { DigestPreviewModal } from './digest-preview-modal.js';

interface Draft {
  locale: Locale | null;
  emailEnabled: boolean;
  digestEnabled: boolean;
  mutedKinds: NotificationKind[];
}

const KINDS_BY_GROUP = KIND_GROUPS.map((group) => ({
  group,
  kinds: EMAIL_KINDS.filter((kind) => kindGroup(kind) === group),
}));

function draftOf(prefs: NotificationPrefsView): Draft {
  return {
    locale: prefs.locale,
    emailEnabled: prefs.emailEnabled,
    digestEnabled: prefs.digestEnabled,
    mutedKinds: prefs.mutedKinds,
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.locale === b.locale &&
    a.emailEnabled === b.emailEnabled &&
    a.digestEnabled === b.digestEnabled &&
    [...a.mutedKinds].sort().join() === [...b.mutedKinds].sort().join()
  );
}

/** 通知设置: my email language, email and digest on or off, and the kinds I am emailed about. */
export function NotificationPrefsPage() {
  const { t } = useTranslation();
  const prefs = useNotificationPrefs();
  return (
    <>
      <PageHeader
        title={t('channels.prefs.title')}
        subtitle={t('channels.prefs.subtitle')}
        extra={
          <Link to="/notifications">
            <Button icon={<ArrowLeftOutlined />}>{t('notifications.title')}</Button>
          </Link>
        }
      />
      {prefs.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {prefs.isError && <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} />}
      {prefs.data && <PrefsForm prefs={prefs.data} />}
    </>
  );
}

function PrefsForm({ prefs }: { prefs: NotificationPrefsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateNotificationPrefs();
  const [draft, setDraft] = useState<Draft>(() => draftOf(prefs));
  const [isPreviewing, setIsPreviewing] = useState(false);
  // A save (or a reload after a conflict) brings a new version: start again from it.
  useEffect(() => setDraft(draftOf(prefs)), [prefs]);
  const isDirty = !sameDraft(draft, draftOf(prefs));
  const muted = new Set(draft.mutedKinds);
  const canEmail = prefs.emailAvailable && prefs.hasEmail;

  const handleSave = () =>
    update.mutate(
      { ...draft, version: prefs.version },
      {
        onSuccess: () => void message.success(t('channels.prefs.saved')),
        onError: (error) =>
          void (isApiError(error, 'version_conflict')
            ? message.warning(t('channels.prefs.conflict'))
            : message.error(errorMessage(error, t))),
      },
    );

  const setKinds = (kinds: readonly NotificationKind[], wanted: boolean) => {
    const next = new Set(draft.mutedKinds);
    for (const kind of kinds) {
      if (wanted) next.delete(kind);
      else next.add(kind);
    }
    setDraft({ ...draft, mutedKinds: [...next] });
  };

  const groupBox = (group: KindGroup, kinds: readonly EmailKind[]) => {
    const on = kinds.filter((kind) => !muted.has(kind)).length;
    return (
      <div key={group} style={{ paddingBlock: 8, borderBottom: '1px solid #f0f0f0' }}>
        <Checkbox
          checked={on === kinds.length}
          indeterminate={on > 0 && on < kinds.length}
          disabled={!draft.emailEnabled}
          onChange={(event) => setKinds(kinds, event.target.checked)}
        >
          <Typography.Text strong>{t(`channels.groups.${group}`)}</Typography.Text>
        </Checkbox>
        <Flex wrap gap="4px 16px" style={{ marginTop: 6, paddingInlineStart: 24 }}>
          {kinds.map((kind) => (
            <Checkbox
              key={kind}
              checked={!muted.has(kind)}
              disabled={!draft.emailEnabled}
              onChange={(event) => setKinds([kind], event.target.checked)}
            >
              {t(`channels.kinds.${kind}`)}
            </Checkbox>
          ))}
        </Flex>
      </div>
    );
  };

  return (
    <Flex vertical gap={16}>
      {!prefs.emailAvailable && <Alert type="info" showIcon title={t('channels.prefs.emailUnavailable')} />}
      {prefs.emailAvailable && !prefs.hasEmail && <Alert type="warning" showIcon title={t('channels.prefs.noEmail')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('channels.prefs.deliveryTitle')}>
            <Flex vertical gap={20}>
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('channels.prefs.language')}</Typography.Text>
                <Select<Locale | 'default'>
                  value={draft.locale ?? 'default'}
                  onChange={(value) => setDraft({ ...draft, locale: value === 'default' ? null : value })}
                  options={[
                    { value: 'default', label: t('channels.prefs.languageDefault') },
                    ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
                  ]}
                  aria-label={t('channels.prefs.language')}
                  style={{ maxWidth: 280 }}
                />
                <Typography.Text type="secondary">{t('channels.prefs.languageHelp')}</Typography.Text>
              </Flex>
              <SettingSwitch
                label={t('channels.prefs.email')}
                help={t('channels.prefs.emailHelp')}
                checked={draft.emailEnabled}
                isSaving={false}
                onChange={(checked) => setDraft({ ...draft, emailEnabled: checked })}
              />
              <SettingSwitch
                label={t('channels.prefs.digest')}
                help={t('channels.prefs.digestHelp', { hour: String(prefs.digestHour).padStart(2, '0') })}
                checked={draft.digestEnabled}
                isSaving={false}
                onChange={(checked) => setDraft({ ...draft, digestEnabled: checked })}
              />
              <div>
                <Button icon={<EyeOutlined />} onClick={() => setIsPreviewing(true)}>
                  {t('channels.prefs.preview')}
                </Button>
              </div>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('channels.prefs.kindsTitle')}>
            <Typography.Paragraph type="secondary">{t('channels.prefs.kindsHelp')}</Typography.Paragraph>
            {KINDS_BY_GROUP.map(({ group, kinds }) => groupBox(group, kinds))}
          </Card>
        </Col>
      </Row>
      <Flex
        justify="flex-end"
        align="center"
        gap={8}
        wrap
        style={{ position: 'sticky', bottom: 0, paddingBlock: 12, background: '#f3f5f8', zIndex: 2 }}
      >
        {!canEmail && isDirty && (
          <Typography.Text type="secondary">
            {prefs.emailAvailable ? t('channels.prefs.noEmail') : t('channels.prefs.emailUnavailable')}
          </Typography.Text>
        )}
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!isDirty}
          loading={update.isPending}
          onClick={handleSave}
        >
          {t('channels.prefs.save')}
        </Button>
      </Flex>
      <DigestPreviewModal open={isPreviewing} onClose={() => setIsPreviewing(false)} />
    </Flex>
  );
}
