import { Alert, App, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  ACCOUNTABILITY_LIMITS,
  ACCOUNTABILITY_TYPES,
  type AccountabilityType,
} from '../../../shared/accountability-api.js';
import { useRecordMutations } from '../../api/accountability.api.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { TaskPicker } from '../tasks/task-picker.js';
import { TaskUserSelect } from '../tasks/task-user-select.js';
import { type EvidenceKey, EvidencePicker, parseEvidenceKey } from './evidence-picker.js';

interface FormValues {
  type: AccountabilityType;
  subjectUnitId?: number | null;
  subjectUserId?: number | null;
  evidence?: EvidenceKey[];
  proposal: string;
  openNow?: boolean;
  statementDue?: Dayjs;
}

/** A supervisor opens a record by hand: type, subject, linked tasks and evidence from them, proposal. */
export function AccountabilityCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const { create } = useRecordMutations();
  const [tasks, setTasks] = useState<Array<{ id: number; label: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  const openNow = Form.useWatch('openNow', form);

  const handleAddTask = (id: number | null, task: { number: string; title: string } | null) => {
    if (id === null || !task || tasks.some((x) => x.id === id)) return;
    setTasks([...tasks, { id, label: `${task.number} ${task.title}` }]);
  };
  const handleRemoveTask = (id: number) => {
    setTasks(tasks.filter((x) => x.id !== id));
    // Evidence of a removed task goes with it (the server would refuse it).
    form.setFieldValue('evidence', []);
  };

  const handleFinish = (values: FormValues) => {
    setError(null);
    if (!values.subjectUnitId && !values.subjectUserId) {
      setError(t('accountability.create.subjectRequired'));
      return;
    }
    create.mutate(
      {
        type: values.type,
        subjectUnitId: values.subjectUnitId ?? null,
        subjectUserId: values.subjectUserId ?? null,
        taskIds: tasks.map((x) => x.id),
        evidence: (values.evidence ?? []).map(parseEvidenceKey),
        proposal: values.proposal.trim(),
        ...(values.openNow && values.statementDue ? { statementDue: values.statementDue.format('YYYY-MM-DD') } : {}),
      },
      {
        onSuccess: (record) => {
          void message.success(t('accountability.create.done', { number: record.number }));
          onClose();
          navigate(`/accountability/${record.id}`);
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  const proposal = t('accountability.create.proposal');
  return (
    <Modal
      open
      title={t('accountability.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('accountability.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ type: 'ineffective', evidence: [] }} onFinish={handleFinish}>
        <Form.Item
          name="type"
          label={t('accountability.create.type')}
          rules={requiredValue(t, t('accountability.create.type'))}
        >
          <Select
            options={ACCOUNTABILITY_TYPES.map((type) => ({ value: type, label: t(`accountability.type.${type}`) }))}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="subjectUnitId"
            label={t('accountability.create.subjectUnit')}
            extra={t('accountability.create.subjectHint')}
            style={{ flex: '1 1 240px', minWidth: 0 }}
          >
            <UnitTreeSelect aria-label={t('accountability.create.subjectUnit')} />
          </Form.Item>
          <Form.Item
            name="subjectUserId"
            label={t('accountability.create.subjectUser')}
            style={{ flex: '1 1 240px', minWidth: 0 }}
          >
            <TaskUserSelect aria-label={t('accountability.create.subjectUser')} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('accountability.create.tasks')}>
          <Flex vertical gap={8}>
            <TaskPicker
              value={null}
              aria-label={t('accountability.create.addTask')}
              placeholder={t('accountability.create.addTask')}
              excludeIds={tasks.map((x) => x.id)}
              onChange={handleAddTask}
            />
            <Flex gap={4} wrap>
              {tasks.map((task) => (
                <Tag key={task.id} closable onClose={() => handleRemoveTask(task.id)} style={{ whiteSpace: 'normal' }}>
                  {task.label}
                </Tag>
              ))}
            </Flex>
          </Flex>
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('accountability.create.evidence')}
          extra={t('accountability.create.evidenceHint')}
        >
          <EvidencePicker tasks={tasks} />
        </Form.Item>
        <Form.Item
          name="proposal"
          label={proposal}
          rules={requiredText(t, proposal, ACCOUNTABILITY_LIMITS.proposalMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={ACCOUNTABILITY_LIMITS.proposalMax}
            placeholder={t('accountability.create.proposalPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="openNow" valuePropName="checked" style={{ marginBottom: openNow ? 8 : 0 }}>
          <Checkbox>{t('accountability.create.openNow')}</Checkbox>
        </Form.Item>
        {openNow && (
          <Form.Item
            name="statementDue"
            label={t('accountability.create.statementDue')}
            rules={requiredValue(t, t('accountability.create.statementDue'))}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
