import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_LIMITS } from '../../../shared/notices-api.js';
import { isApiError } from '../../api/http.js';
import type { Notice } from '../../api/notices.api.js';
import { useNoticeMutations } from '../../api/notices.queries.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText } from '../../lib/form-rules.js';
import { formatDay } from '../tasks/task-view-model.js';

/** The addressed unit's written response to a notice (again after a return, starting from the last one). */
export function NoticeRespondModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: string }>();
  const { respond } = useNoticeMutations();
  const [error, setError] = useState<string | null>(null);
  const label = t('notices.respondForm.label');

  const handleFinish = ({ response }: { response: string }) => {
    setError(null);
    respond.mutate(
      { id: notice.id, response: response.trim(), version: notice.version },
      {
        onSuccess: () => {
          void message.success(t('notices.respondForm.done'));
          onClose();
        },
        onError: (cause) => {
          if (isApiError(cause, 'version_conflict') || isApiError(cause, 'supervision_action_illegal')) {
            void message.warning(t('notices.stale'));
            onClose();
            return;
          }
          setError(errorMessage(cause, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('notices.respond')} · ${notice.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('notices.respondForm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={respond.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('notices.respondForm.intro', { date: formatDay(notice.responseDue, currentLocale()) })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ response: notice.response ?? '' }} onFinish={handleFinish}>
        <Form.Item name="response" label={label} rules={requiredText(t, label, NOTICE_LIMITS.responseMax)}>
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 16 }}
            maxLength={NOTICE_LIMITS.responseMax}
            placeholder={t('notices.respondForm.placeholder')}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
