import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNTABILITY_DECISIONS,
  ACCOUNTABILITY_LIMITS,
  type AccountabilityDecision,
} from '../../../shared/accountability-api.js';
import { type AccountabilityRecord, type RecordStepInput, useRecordMutations } from '../../api/accountability.api.js';
import { isApiError } from '../../api/http.js';
import { errorMessage } from '../../lib/error-message.js';
import { optionalText, requiredText, requiredValue } from '../../lib/form-rules.js';
import { type EvidenceKey, EvidencePicker, parseEvidenceKey } from './evidence-picker.js';

/** The supervisor's steps that take a form. */
export type SupervisorStep = 'open' | 'decide' | 'dismiss' | 'evidence';

interface Values {
  statementDue?: Dayjs;
  decision?: AccountabilityDecision;
  note?: string;
  reason?: string;
  items?: EvidenceKey[];
}

const TEXTS = {
  open: { title: 'accountability.open.title', submit: 'accountability.open.submit', done: 'accountability.open.done' },
  decide: {
    title: 'accountability.decide.title',
    submit: 'accountability.decide.submit',
    done: 'accountability.decide.done',
  },
  dismiss: {
    title: 'accountability.dismiss.title',
    submit: 'accountability.dismiss.submit',
    done: 'accountability.dismiss.done',
  },
  evidence: {
    title: 'accountability.evidenceAdd.title',
    submit: 'accountability.evidenceAdd.submit',
    done: 'accountability.evidenceAdd.done',
  },
} as const;

/** The body of a step from the form's values. */
function inputOf(step: SupervisorStep, values: Values, version: number): RecordStepInput {
  switch (step) {
    case 'open':
      return { action: 'open', statementDue: values.statementDue?.format('YYYY-MM-DD') ?? '', version };
    case 'decide':
      return { action: 'decide', decision: values.decision ?? 'none', note: values.note?.trim() || null, version };
    case 'dismiss':
      return { action: 'dismiss', reason: values.reason?.trim() ?? '', version };
    case 'evidence':
      return { action: 'evidence', items: (values.items ?? []).map(parseEvidenceKey), version };
  }
}

/** Open (ask for a statement by a date), decide, dismiss (with a reason) or add evidence. */
export function RecordStepModal(props: { record: AccountabilityRecord; step: SupervisorStep; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { record, step } = props;
  const [form] = Form.useForm<Values>();
  const { step: mutation } = useRecordMutations();
  const [error, setError] = useState<string | null>(null);
  const attached = new Set(record.evidence.map((e) => `${e.refType}:${e.refId}`));

  const handleFinish = (values: Values) => {
    setError(null);
    mutation.mutate(
      { id: record.id, ...inputOf(step, values, record.version) },
      {
        onSuccess: () => {
          void message.success(t(TEXTS[step].done));
          props.onClose();
        },
        onError: (cause) => {
          if (isApiError(cause, 'version_conflict')) {
            void message.warning(t('accountability.stale'));
            props.onClose();
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
      title={`${t(TEXTS[step].title)} · ${record.number}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t(TEXTS[step].submit)}
      okButtonProps={step === 'dismiss' ? { danger: true } : {}}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      width={step === 'evidence' ? 680 : 520}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        {step === 'open' && (
          <Form.Item
            name="statementDue"
            label={t('accountability.open.statementDue')}
            rules={requiredValue(t, t('accountability.open.statementDue'))}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
        {step === 'decide' && (
          <>
            <Form.Item
              name="decision"
              label={t('accountability.decide.decision')}
              rules={requiredValue(t, t('accountability.decide.decision'))}
            >
              <Select
                options={ACCOUNTABILITY_DECISIONS.map((d) => ({ value: d, label: t(`accountability.decision.${d}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('accountability.decide.note')}
              rules={optionalText(t, t('accountability.decide.note'), ACCOUNTABILITY_LIMITS.noteMax)}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={ACCOUNTABILITY_LIMITS.noteMax} />
            </Form.Item>
          </>
        )}
        {step === 'dismiss' && (
          <Form.Item
            name="reason"
            label={t('accountability.dismiss.reason')}
            rules={requiredText(t, t('accountability.dismiss.reason'), ACCOUNTABILITY_LIMITS.noteMax)}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={ACCOUNTABILITY_LIMITS.noteMax} />
          </Form.Item>
        )}
        {step === 'evidence' && (
          <Form.Item name="items" rules={requiredValue(t, t('accountability.fields.evidence'))}>
            <EvidencePicker
              tasks={record.tasks.map((task) => ({ id: task.id, label: `${task.number} ${task.title}` }))}
              disabled={attached}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
