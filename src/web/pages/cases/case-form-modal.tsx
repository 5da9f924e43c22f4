import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CASE_LIMITS, type CaseKind } from '../../../shared/cases-api.js';
import { usePeriodOptions } from '../../api/cases.queries.js';
import { useTask } from '../../api/tasks.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { TaskPicker } from '../tasks/task-picker.js';

/** What the case form edits; the links are optional. */
export interface CaseFormValues {
  kind: CaseKind;
  title: string;
  summary: string;
  writeUp: string;
  taskId?: number | null;
  unitId?: number | null;
  periodId?: number | null;
}

/** What Form.Item hands a custom field (the id ties its label to the control). */
interface FieldProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
}

/** A task given beforehand shows as its number and title until someone asks to change it. */
function TaskField({ id, value, onChange }: FieldProps) {
  const { t } = useTranslation();
  const [initial] = useState(value ?? null);
  const [picking, setPicking] = useState(!initial);
  const task = useTask(initial ?? 0, Boolean(initial) && !picking);
  if (!picking && initial) {
    return (
      <Space wrap>
        <Typography.Text>{task.data ? `${task.data.number} ${task.data.title}` : `#${initial}`}</Typography.Text>
        <Button size="small" type="link" onClick={() => setPicking(true)}>
          {t('cases.form.changeTask')}
        </Button>
      </Space>
    );
  }
  return (
    <TaskPicker
      id={id}
      value={value ?? null}
      onChange={(next) => onChange?.(next)}
      placeholder={t('cases.form.taskPlaceholder')}
    />
  );
}

function PeriodField({ id, value, onChange }: FieldProps) {
  const { t } = useTranslation();
  const periods = usePeriodOptions(true);
  return (
    <Select<number | null>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={periods.isPending}
      placeholder={t('cases.form.periodPlaceholder')}
      options={(periods.data ?? []).map((period) => ({ value: period.id, label: period.name }))}
    />
  );
}

interface CaseFormModalProps {
  title: string;
  initialValues: Partial<CaseFormValues> & { kind: CaseKind };
  /** The kind cannot change (a practice being spread must stay exemplary). */
  kindLocked?: boolean;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: CaseFormValues) => void;
  onClose: () => void;
}

/** The form behind "new case" and "edit case": kind, texts and links to a task, unit and period. */
export function CaseFormModal(props: CaseFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CaseFormValues>();
  const handleFinish = (values: CaseFormValues) =>
    props.onSubmit({
      ...values,
      title: values.title.trim(),
      summary: values.summary.trim(),
      writeUp: values.writeUp.trim(),
      taskId: values.taskId ?? null,
      unitId: values.unitId ?? null,
      periodId: values.periodId ?? null,
    });
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.submitting}
      width={720}
      destroyOnHidden
    >
      {props.error ? (
        <Alert type="error" showIcon title={errorMessage(props.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<CaseFormValues> form={form} layout="vertical" initialValues={props.initialValues} onFinish={handleFinish}>
        <Form.Item
          name="kind"
          label={t('cases.fields.kind')}
          rules={requiredValue(t, t('cases.fields.kind'))}
          extra={props.kindLocked ? t('cases.form.kindLocked') : undefined}
        >
          <Radio.Group
            disabled={props.kindLocked}
            optionType="button"
            options={CASE_KINDS.map((kind) => ({ value: kind, label: t(`cases.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cases.fields.title')}
          rules={requiredText(t, t('cases.fields.title'), CASE_LIMITS.titleMax)}
        >
          <Input maxLength={CASE_LIMITS.titleMax} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('cases.fields.summary')}
          extra={t('cases.form.summaryHelp')}
          rules={requiredText(t, t('cases.fields.summary'), CASE_LIMITS.summaryMax)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={CASE_LIMITS.summaryMax} />
        </Form.Item>
        <Form.Item
          name="writeUp"
          label={t('cases.fields.writeUp')}
          extra={t('cases.form.writeUpHelp')}
          rules={requiredText(t, t('cases.fields.writeUp'), CASE_LIMITS.writeUpMax)}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={CASE_LIMITS.writeUpMax} />
        </Form.Item>
        <Form.Item name="taskId" label={`${t('cases.fields.task')}${t('common.optional')}`}>
          <TaskField />
        </Form.Item>
        <Form.Item name="unitId" label={`${t('cases.fields.unit')}${t('common.optional')}`}>
          <UnitTreeSelect placeholder={t('cases.form.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="periodId" label={`${t('cases.fields.period')}${t('common.optional')}`}>
          <PeriodField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
