import { ToolOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECTIFICATION_LIMITS, type RectificationOrigin } from '../../../shared/rectifications-api.js';
import { TASK_LIMITS } from '../../../shared/tasks.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { TaskUserSelect } from '../tasks/task-user-select.js';
import { useCreateRectification } from './rectifications.queries.js';

/** What the finding is about; `periodId` and `taskId` are required by the server for a review finding. */
export interface RectificationOriginRef {
  type: RectificationOrigin;
  id?: number | null;
  taskId?: number | null;
  periodId?: number | null;
}

interface CreateRectificationButtonProps {
  origin: RectificationOriginRef;
  defaultUnitId?: number | null;
  defaultTitle?: string;
  defaultFinding?: string;
  size?: 'small' | 'middle';
  onCreated?: (taskId: number) => void;
}

interface FormValues {
  title: string;
  finding: string;
  measures: string;
  leadUnitId: number | null;
  deadline: Dayjs | null;
  responsiblePersonId?: number | null;
}

function CreateRectificationModal(props: CreateRectificationButtonProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRectification();
  const [error, setError] = useState<string | null>(null);
  const leadUnitId = Form.useWatch('leadUnitId', form);

  const handleFinish = (values: FormValues) => {
    setError(null);
    create.mutate(
      {
        title: values.title.trim(),
        originType: props.origin.type,
        originId: props.origin.id ?? null,
        originTaskId: props.origin.taskId ?? null,
        periodId: props.origin.periodId ?? null,
        finding: values.finding.trim(),
        measures: values.measures.trim(),
        leadUnitId: values.leadUnitId ?? 0,
        deadline: (values.deadline ?? dayjs()).format('YYYY-MM-DD'),
        responsiblePersonId: values.responsiblePersonId ?? null,
      },
      {
        onSuccess: (item) => {
          void message.success(t('rectifications.create.done', { number: item.number }));
          props.onCreated?.(item.taskId);
          props.onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('rectifications.create.title')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('rectifications.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rectifications.create.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: props.defaultTitle ?? '',
          finding: props.defaultFinding ?? '',
          measures: '',
          leadUnitId: props.defaultUnitId ?? null,
          deadline: null,
        }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="title"
          label={t('rectifications.fields.title')}
          rules={requiredText(t, t('rectifications.fields.title'), TASK_LIMITS.titleMax)}
        >
          <Input maxLength={TASK_LIMITS.titleMax} />
        </Form.Item>
        <Form.Item
          name="finding"
          label={t('rectifications.fields.finding')}
          rules={requiredText(t, t('rectifications.fields.finding'), RECTIFICATION_LIMITS.findingMax)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={RECTIFICATION_LIMITS.findingMax} />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('rectifications.fields.measures')}
          rules={requiredText(t, t('rectifications.fields.measures'), RECTIFICATION_LIMITS.measuresMax)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={RECTIFICATION_LIMITS.measuresMax} />
        </Form.Item>
        <Form.Item
          name="leadUnitId"
          label={t('rectifications.fields.unit')}
          rules={requiredValue(t, t('rectifications.fields.unit'))}
        >
          <UnitTreeSelect placeholder={t('rectifications.create.unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('rectifications.fields.deadline')}
          rules={requiredValue(t, t('rectifications.fields.deadline'))}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('rectifications.fields.person')}>
          <TaskUserSelect
            unitId={leadUnitId ?? null}
            disabled={!leadUnitId}
            placeholder={t('rectifications.create.personPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 整改: a button that opens a form creating a rectification item from a finding (a review row, a
 * bulletin, …). Shown to the supervision office only; other people see nothing.
 */
export function CreateRectificationButton(props: CreateRectificationButtonProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [isOpen, setIsOpen] = useState(false);
  if (!hasAnyRole(user, ['supervisor', 'admin'])) return null;
  return (
    <>
      <Button size={props.size ?? 'middle'} icon={<ToolOutlined />} onClick={() => setIsOpen(true)}>
        {t('rectifications.create.button')}
      </Button>
      {isOpen && <CreateRectificationModal {...props} onClose={() => setIsOpen(false)} />}
    </>
  );
}
