import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUCTION_LIMITS } from '../../../shared/instructions-api.js';
import type { InstructionTarget } from '../../api/instructions.api.js';
import { useInstructionMutations } from '../../api/instructions.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText } from '../../lib/form-rules.js';

/** The lead unit's report on an instruction (once: it cannot be changed afterwards). */
export function InstructionRespondModal({ item, onClose }: { item: InstructionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: string }>();
  const { respond } = useInstructionMutations();
  const [error, setError] = useState<string | null>(null);

  const handleFinish = ({ response }: { response: string }) => {
    setError(null);
    respond.mutate(
      { instructionId: item.instructionId, taskId: item.task.id, response: response.trim() },
      {
        onSuccess: () => {
          void message.success(t('instructions.respond.done'));
          onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('instructions.respond.button')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('instructions.respond.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={respond.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph
        type="secondary"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        ellipsis={{ rows: 4, expandable: true }}
      >
        {item.body}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="response"
          label={t('instructions.respond.label')}
          rules={requiredText(t, t('instructions.respond.label'), INSTRUCTION_LIMITS.responseMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={INSTRUCTION_LIMITS.responseMax}
            placeholder={t('instructions.respond.placeholder')}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
