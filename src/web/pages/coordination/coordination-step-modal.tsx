import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATION_LIMITS, type CoordinationAction } from '../../../shared/coordination-api.js';
import type { CoordinationRequest } from '../../api/coordination.api.js';
import { isApiError } from '../../api/http.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';
import { optionalText, requiredText, requiredValue } from '../../lib/form-rules.js';
import { type CoordinationFieldKey, TargetChoice } from './coordination-target-fields.js';
import { useCoordinationMutations } from './use-coordination.js';

interface StepValues {
  commitmentDate?: Dayjs;
  dueDate?: Dayjs;
  response?: string;
  reason?: string;
  targetKind?: 'unit' | 'leader';
  toUnitId?: number | null;
  toLeaderId?: number | null;
}

const day = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD');
const notBeforeToday = (value: Dayjs) => value.isBefore(dayjs(), 'day');

/** The 409s that mean "the request moved on": reload and say so. */
function isStale(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'supervision_action_illegal');
}

/** The fields of one step: dates, the unit or leader to turn to, a reason, a note or a decision. */
function StepFields({ action, request }: { action: CoordinationAction; request: CoordinationRequest }) {
  const { t } = useTranslation();
  const f = (key: CoordinationFieldKey) => t(`coordination.fields.${key}`);
  const excluded = new Set([request.fromUnit.id, ...(request.toUnit ? [request.toUnit.id] : [])]);
  const date = (name: 'commitmentDate' | 'dueDate', label: string, required: boolean) => (
    <Form.Item name={name} label={label} rules={required ? requiredValue(t, label) : []}>
      <DatePicker style={{ width: '100%' }} disabledDate={notBeforeToday} />
    </Form.Item>
  );
  const text = (name: 'response' | 'reason', label: string, required: boolean) => (
    <Form.Item
      name={name}
      label={label}
      rules={
        required
          ? requiredText(t, label, COORDINATION_LIMITS.reasonMax)
          : optionalText(t, label, COORDINATION_LIMITS.reasonMax)
      }
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={COORDINATION_LIMITS.reasonMax} />
    </Form.Item>
  );
  const unit = (label: string, required: boolean) => (
    <Form.Item name="toUnitId" label={label} rules={required ? requiredValue(t, label) : []}>
      <UnitTreeSelect allowClear={!required} disabledIds={excluded} placeholder={f('pickUnit')} aria-label={label} />
    </Form.Item>
  );
  switch (action) {
    case 'accept':
      return (
        <>
          {date('commitmentDate', f('commitmentDate'), true)}
          {text('response', f('response'), false)}
        </>
      );
    case 'decline':
      return text('reason', f('reason'), true);
    case 'pass_on':
      return (
        <>
          {unit(f('passTo'), true)}
          {text('reason', f('reason'), true)}
        </>
      );
    case 'fulfil':
      return text('response', f('response'), false);
    case 'withdraw':
      return text('reason', f('reasonOptional'), false);
    case 'resend':
      return (
        <>
          <TargetChoice excludedUnitIds={excluded} />
          {date('dueDate', f('dueDate'), true)}
        </>
      );
    case 'resolve':
      return (
        <>
          {text('response', f('decision'), true)}
          {unit(f('assignTo'), false)}
          <Form.Item noStyle dependencies={['toUnitId']}>
            {({ getFieldValue }) => (getFieldValue('toUnitId') ? date('dueDate', f('dueDate'), true) : null)}
          </Form.Item>
        </>
      );
  }
}

/** One step on a request, in a dialog: the fields it needs, then the call; stale answers reload. */
export function CoordinationStepModal({
  request,
  action,
  onClose,
}: {
  request: CoordinationRequest;
  action: CoordinationAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const { act } = useCoordinationMutations(request.task.id);
  const [error, setError] = useState<string | null>(null);
  const handleFinish = (values: StepValues) => {
    setError(null);
    const toLeader = values.targetKind === 'leader';
    act.mutate(
      {
        requestId: request.id,
        action,
        version: request.version,
        ...(values.commitmentDate ? { commitmentDate: day(values.commitmentDate) } : {}),
        ...(values.dueDate ? { dueDate: day(values.dueDate) } : {}),
        ...(values.response?.trim() ? { response: values.response.trim() } : {}),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        ...(values.toUnitId && !toLeader ? { toUnitId: values.toUnitId } : {}),
        ...(values.toLeaderId && toLeader ? { toLeaderId: values.toLeaderId } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t(`coordination.actionDone.${action}`));
          onClose();
        },
        onError: (cause) => {
          if (isStale(cause)) {
            void message.warning(t('coordination.stale'));
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
      title={t(`coordination.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`coordination.actions.${action}`)}
      okButtonProps={{ danger: action === 'decline' || action === 'withdraw' }}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`coordination.actionHelp.${action}`)}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {request.matter}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<StepValues> form={form} layout="vertical" onFinish={handleFinish}>
        <StepFields action={action} request={request} />
      </Form>
    </Modal>
  );
}
