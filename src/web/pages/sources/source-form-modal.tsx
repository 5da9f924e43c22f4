import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SourceDetail } from '../../../shared/task-api.js';
import { SOURCE_KINDS, type SourceKind, TASK_LIMITS } from '../../../shared/tasks.js';
import { useSourceMutations } from '../../api/sources.queries.js';
import { optionalText, requiredText } from '../../lib/form-rules.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';

interface SourceFormValues {
  kind: SourceKind;
  title: string;
  docNumber?: string;
  issuer?: string;
  issuedOn?: Dayjs | null;
  fullText?: string;
}

const FIELDS = ['kind', 'title', 'docNumber', 'issuer', 'issuedOn', 'fullText'];

function initialValues(source: SourceDetail | null): Partial<SourceFormValues> {
  if (!source) return { kind: 'document' };
  return {
    kind: source.kind,
    title: source.title,
    docNumber: source.docNumber ?? '',
    issuer: source.issuer ?? '',
    issuedOn: source.issuedOn ? dayjs(source.issuedOn) : null,
    fullText: source.fullText ?? '',
  };
}

interface SourceFormModalProps {
  /** null to register a new source. */
  source: SourceDetail | null;
  onClose: () => void;
  onSaved: (source: SourceDetail, isNew: boolean) => void;
}

/** Register or edit a source (来源): kind, title, 文号, issuer, date and the full text. */
export function SourceFormModal({ source, onClose, onSaved }: SourceFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SourceFormValues>();
  const { create, update } = useSourceMutations();
  const mutation = source ? update : create;
  const version = source?.version;

  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('sources.conflict'),
    version,
  });

  const handleFinish = (values: SourceFormValues) => {
    clearFormError();
    const input = {
      kind: values.kind,
      title: values.title.trim(),
      docNumber: values.docNumber?.trim() || null,
      issuer: values.issuer?.trim() || null,
      issuedOn: values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : null,
      fullText: values.fullText?.trim() || null,
    };
    if (source) {
      update.mutate(
        { id: source.id, version: source.version, ...input },
        { onSuccess: (saved) => onSaved(saved, false), onError: handleError },
      );
      return;
    }
    create.mutate(input, { onSuccess: (saved) => onSaved(saved, true), onError: handleError });
  };

  return (
    <Modal
      open
      title={source ? t('sources.form.editTitle') : t('sources.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={source ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={640}
    >
      <FormErrorAlert error={formError} />
      <Form<SourceFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(source)}
        onFinish={handleFinish}
      >
        <Form.Item name="kind" label={t('sources.fields.kind')} rules={[{ required: true }]}>
          <Select options={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`sources.kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('sources.fields.title')}
          rules={requiredText(t, t('sources.fields.title'), TASK_LIMITS.sourceTitleMax)}
        >
          <Input placeholder={t('sources.form.titlePlaceholder')} maxLength={TASK_LIMITS.sourceTitleMax} autoFocus />
        </Form.Item>
        <Form.Item
          name="docNumber"
          label={t('sources.fields.docNumber')}
          rules={optionalText(t, t('sources.fields.docNumber'), TASK_LIMITS.docNumberMax)}
        >
          <Input placeholder={t('sources.form.docNumberPlaceholder')} maxLength={TASK_LIMITS.docNumberMax} />
        </Form.Item>
        <Form.Item
          name="issuer"
          label={t('sources.fields.issuer')}
          rules={optionalText(t, t('sources.fields.issuer'), TASK_LIMITS.issuerMax)}
        >
          <Input placeholder={t('sources.form.issuerPlaceholder')} maxLength={TASK_LIMITS.issuerMax} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('sources.fields.issuedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="fullText"
          label={t('sources.fields.fullText')}
          extra={t('sources.form.fullTextHelp')}
          rules={optionalText(t, t('sources.fields.fullText'), TASK_LIMITS.sourceTextMax)}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={TASK_LIMITS.sourceTextMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
