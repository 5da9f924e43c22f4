import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredText } from '../lib/form-rules.js';

interface ReviewReasonModalProps {
  title: string;
  /** What happens next, above the field. */
  help: string;
  label: string;
  placeholder: string;
  okText: string;
  maxLength: number;
  isPending: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

/**
 * Asks why (a return in a review flow: plans, reports, closure applications). The reason is
 * required, kept in the review rounds and sent to the people who must act on it.
 */
export function ReviewReasonModal(props: ReviewReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.okText}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={props.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{props.help}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={({ reason }) => props.onSubmit(reason.trim())}>
        <Form.Item name="reason" label={props.label} rules={requiredText(t, props.label, props.maxLength)}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
