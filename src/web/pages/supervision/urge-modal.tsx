import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPERVISION_LIMITS } from '../../../shared/supervision-api.js';
import { useUrge } from '../../api/supervision.queries.js';
import { errorMessage } from '../../lib/error-message.js';

interface UrgeModalProps {
  taskIds: number[];
  onClose: () => void;
  onDone?: () => void;
}

/** Urge (催办) or remind the selected tasks' units with a message of one's own. */
export function UrgeModal({ taskIds, onClose, onDone }: UrgeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const urge = useUrge();
  const [form] = Form.useForm<{ kind: 'urge' | 'reminder'; message: string }>();
  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      await urge.mutateAsync({ taskIds, kind: values.kind, message: values.message ?? '' });
      message.success(t('supervision.urge.done', { count: taskIds.length }));
      onDone?.();
      onClose();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  return (
    <Modal
      open
      title={t('supervision.urge.title', { count: taskIds.length })}
      okText={t('supervision.urge.send')}
      onOk={handleOk}
      confirmLoading={urge.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'urge', message: '' }}>
        <Form.Item name="kind" label={t('supervision.urge.kind')}>
          <Radio.Group
            options={[
              { value: 'urge', label: t('supervision.kinds.urge') },
              { value: 'reminder', label: t('supervision.kinds.reminder') },
            ]}
          />
        </Form.Item>
        <Form.Item name="message" label={t('supervision.urge.message')} extra={t('supervision.urge.messageHelp')}>
          <Input.TextArea rows={3} maxLength={SUPERVISION_LIMITS.messageMax} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
