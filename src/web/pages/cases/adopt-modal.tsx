import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADOPTION_ANSWERS, type Adoption, type AdoptionAnswer, CASE_LIMITS } from '../../../shared/cases-api.js';
import type { CaseView } from '../../api/cases.api.js';
import { useCaseMutations } from '../../api/cases.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { optionalText, requiredValue } from '../../lib/form-rules.js';

interface AdoptValues {
  status: AdoptionAnswer;
  note?: string;
}

/** A unit records whether it adopts the practice (the supervision office may record it for a unit). */
export function AdoptModal({ item, adoption, onClose }: { item: CaseView; adoption: Adoption; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdoptValues>();
  const { answer } = useCaseMutations();
  const handleFinish = (values: AdoptValues) =>
    answer.mutate(
      {
        id: item.id,
        unitId: adoption.unit.id,
        status: values.status,
        note: values.note?.trim() || null,
        version: adoption.version,
      },
      {
        onSuccess: () => {
          void message.success(t('cases.done.adopt'));
          onClose();
        },
      },
    );
  const initial = adoption.status === 'pending' ? undefined : adoption.status;
  return (
    <Modal
      open
      title={t('cases.adoptForm.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.adoptForm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={answer.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('cases.adoptForm.intro', { unit: adoption.unit.name, title: item.title })}
      </Typography.Paragraph>
      {answer.error ? (
        <Alert type="error" showIcon title={errorMessage(answer.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<AdoptValues>
        form={form}
        layout="vertical"
        initialValues={{ status: initial, note: adoption.note ?? '' }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="status"
          label={t('cases.adoptForm.status')}
          rules={requiredValue(t, t('cases.adoptForm.status'))}
        >
          <Radio.Group
            options={ADOPTION_ANSWERS.map((status) => ({
              value: status,
              label: t(`cases.adoptionStatuses.${status}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('cases.fields.note')}
          rules={optionalText(t, t('cases.fields.note'), CASE_LIMITS.noteMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={CASE_LIMITS.noteMax}
            placeholder={t('cases.adoptForm.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
