import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_KINDS,
  type EmailKind,
  KIND_GROUPS,
  kindGroup,
  WEBHOOK_FORMATS,
  type WebhookFormat,
} from '../../../shared/channels-api.js';
import { LOCALES, type Locale } from '../../../shared/locales.js';
import type { WebhookView } from '../../api/channels.api.js';
import { useCreateWebhook, useUpdateWebhook } from '../../api/channels.queries.js';
import { isApiError } from '../../api/http.js';
import { LOCALE_NAMES } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
import { requiredText } from '../../lib/form-rules.js';

interface WebhookValues {
  name: string;
  format: WebhookFormat;
  url: string;
  secret?: string;
  removeSecret?: boolean;
  locale: Locale;
  kinds: EmailKind[];
  enabled: boolean;
}

const FIELDS = ['name', 'format', 'url', 'secret', 'locale', 'kinds', 'enabled'];

const URL_PLACEHOLDERS: Record<WebhookFormat, string> = {
  generic: 'https://example.gov.cn/hooks/luoshi',
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
};

const SECRET_HELP = {
  generic: 'channels.webhooks.help.secretGeneric',
  wecom: 'channels.webhooks.help.secretWecom',
  dingtalk: 'channels.webhooks.help.secretDingtalk',
  feishu: 'channels.webhooks.help.secretFeishu',
} as const;

interface WebhookFormModalProps {
  open: boolean;
  /** The webhook to edit; none to add one. */
  webhook: WebhookView | null;
  onClose: () => void;
}

/** Adds or edits a webhook; a generated signing secret is shown once after adding. */
export function WebhookFormModal({ open, webhook, onClose }: WebhookFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookValues>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const format = Form.useWatch('format', form) ?? webhook?.format ?? 'generic';
  const removeSecret = Form.useWatch('removeSecret', form) ?? false;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.setFieldsValue(
      webhook
        ? {
            name: webhook.name,
            format: webhook.format,
            url: webhook.url,
            secret: '',
            removeSecret: false,
            locale: webhook.locale,
            kinds: webhook.kinds.filter((kind): kind is EmailKind => kind !== 'digest.daily'),
            enabled: webhook.enabled,
          }
        : { name: '', format: 'generic', url: '', secret: '', locale: 'zh-CN', kinds: [], enabled: true },
    );
  }, [open, webhook, form]);

  const handleClose = () => {
    setSecret(null);
    form.resetFields();
    onClose();
  };

  const handleError = (error: unknown) => {
    if (isApiError(error, 'version_conflict')) {
      void message.warning(t('channels.webhooks.conflict'));
      handleClose();
      return;
    }
    if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, t));
  };

  const handleFinish = (values: WebhookValues) => {
    setFormError(null);
    const typed = values.secret?.trim() ? values.secret.trim() : undefined;
    const fields = {
      name: values.name.trim(),
      format: values.format,
      url: values.url.trim(),
      locale: values.locale,
      kinds: values.kinds,
      enabled: values.enabled,
    };
    if (webhook) {
      const secretChange = values.removeSecret ? { secret: null } : typed ? { secret: typed } : {};
      update.mutate(
        { id: webhook.id, version: webhook.version, ...fields, ...secretChange },
        {
          onSuccess: () => {
            void message.success(t('channels.webhooks.saved'));
            handleClose();
          },
          onError: handleError,
        },
      );
      return;
    }
    create.mutate(
      { ...fields, ...(typed ? { secret: typed } : {}) },
      {
        onSuccess: (created) => {
          void message.success(t('channels.webhooks.saved'));
          if (created.format === 'generic' && created.secret) setSecret(created.secret);
          else handleClose();
        },
        onError: handleError,
      },
    );
  };

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('channels.webhooks.createdTitle')}
        onCancel={handleClose}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={handleClose}>
            {t('common.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('channels.webhooks.createdSecret')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}
          className="secret-box"
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }

  const kindOptions = KIND_GROUPS.map((group) => ({
    label: t(`channels.groups.${group}`),
    title: t(`channels.groups.${group}`),
    options: EMAIL_KINDS.filter((kind) => kindGroup(kind) === group).map((kind) => ({
      value: kind,
      label: t(`channels.kinds.${kind}`),
    })),
  }));

  return (
    <Modal
      open={open}
      title={webhook ? t('channels.webhooks.edit') : t('channels.webhooks.add')}
      onCancel={handleClose}
      onOk={() => form.submit()}
      okText={webhook ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={600}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<WebhookValues> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('channels.webhooks.fields.name')}
          rules={requiredText(t, t('channels.webhooks.fields.name'), 100)}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="format" label={t('channels.webhooks.fields.format')}>
          <Select
            options={WEBHOOK_FORMATS.map((value) => ({ value, label: t(`channels.webhooks.formats.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('channels.webhooks.fields.url')}
          extra={t('channels.webhooks.help.url')}
          rules={requiredText(t, t('channels.webhooks.fields.url'), 2000)}
        >
          <Input placeholder={URL_PLACEHOLDERS[format]} maxLength={2000} inputMode="url" />
        </Form.Item>
        {format !== 'wecom' && (
          <Form.Item
            name="secret"
            label={t('channels.webhooks.fields.secret')}
            extra={webhook?.hasSecret ? t('channels.webhooks.help.secretKeep') : t(SECRET_HELP[format])}
          >
            <Input.Password maxLength={200} disabled={removeSecret} autoComplete="new-password" />
          </Form.Item>
        )}
        {format === 'wecom' && <Typography.Paragraph type="secondary">{t(SECRET_HELP.wecom)}</Typography.Paragraph>}
        {webhook?.hasSecret && (
          <Form.Item name="removeSecret" valuePropName="checked">
            <Checkbox>{t('channels.webhooks.removeSecret')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="locale" label={t('channels.webhooks.fields.locale')}>
          <Select<Locale> options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))} />
        </Form.Item>
        <Form.Item name="kinds" label={t('channels.webhooks.fields.kinds')} extra={t('channels.webhooks.help.kinds')}>
          <Select<EmailKind[]>
            mode="multiple"
            allowClear
            options={kindOptions}
            placeholder={t('channels.webhooks.allKinds')}
            optionFilterProp="label"
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('channels.webhooks.fields.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
