import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS, type TaskAction } from '../../../shared/tasks.js';
import { requiredText } from '../../lib/form-rules.js';

interface TaskReasonModalProps {
  action: TaskAction;
  isPending: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

/** Asks why (return, suspend, cancel, reopen): the reason is kept in the task's history. */
export function TaskReasonModal({ action, isPending, onSubmit, onClose }: TaskReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const isDanger = action === 'cancel';
  return (
    <Modal
      open
      title={t(`tasks.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`tasks.actions.${action}`)}
      okButtonProps={{ danger: isDanger }}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`tasks.actionHelp.${action}`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('tasks.reason.label')}
          rules={requiredText(t, t('tasks.reason.label'), TASK_LIMITS.reasonMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={TASK_LIMITS.reasonMax}
            placeholder={t('tasks.reason.placeholder')}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
