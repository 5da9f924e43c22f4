import { Alert, App, DatePicker, Form, Input, Modal, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_LIMITS } from '../../../shared/notices-api.js';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { NoticeDraft } from '../../api/notices.api.js';
import { useNoticeDraft, useNoticeMutations } from '../../api/notices.queries.js';
import { LoadError } from '../../components/load-error.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';

interface IssueValues {
  matter: string;
  requirements: string;
  responseDue: Dayjs;
  ccUnitIds?: number[];
}

function IssueForm({ task, draft, onClose }: { task: TaskDetail; draft: NoticeDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const { issue } = useNoticeMutations();
  const [error, setError] = useState<string | null>(null);
  const leadUnitId = task.leadUnit?.id;

  const handleFinish = (values: IssueValues) => {
    setError(null);
    issue.mutate(
      {
        taskIds: [task.id],
        matter: values.matter.trim(),
        requirements: values.requirements.trim(),
        responseDue: values.responseDue.format('YYYY-MM-DD'),
        ccUnitIds: values.ccUnitIds ?? [],
      },
      {
        onSuccess: ([notice]) => {
          void message.success(t('notices.issueForm.done', { number: notice?.number ?? '' }));
          onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('notices.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('notices.issueForm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('notices.issueForm.intro', { unit: draft.unit?.name ?? '—' })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<IssueValues>
        form={form}
        layout="vertical"
        initialValues={{
          matter: draft.matter,
          requirements: draft.requirements,
          responseDue: dayjs(draft.responseDue),
        }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="matter"
          label={t('notices.fields.matter')}
          extra={t('notices.issueForm.generated')}
          rules={requiredText(t, t('notices.fields.matter'), NOTICE_LIMITS.matterMax)}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={NOTICE_LIMITS.matterMax} />
        </Form.Item>
        <Form.Item
          name="requirements"
          label={t('notices.fields.requirements')}
          rules={requiredText(t, t('notices.fields.requirements'), NOTICE_LIMITS.requirementsMax)}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={NOTICE_LIMITS.requirementsMax} />
        </Form.Item>
        <Form.Item
          name="responseDue"
          label={t('notices.fields.responseDue')}
          extra={t('notices.issueForm.dueHelp')}
          rules={requiredValue(t, t('notices.fields.responseDue'))}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="ccUnitIds" label={t('notices.fields.ccUnits')}>
          <UnitTreeSelect
            multiple
            placeholder={t('notices.issueForm.ccPlaceholder')}
            disabledIds={leadUnitId ? new Set([leadUnitId]) : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The supervision office issues a notice on the task, starting from texts written from the task. */
export function NoticeIssueModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const draft = useNoticeDraft(task.id, true);
  if (draft.data) return <IssueForm task={task} draft={draft.data} onClose={onClose} />;
  return (
    <Modal open title={t('notices.issue')} onCancel={onClose} footer={null} destroyOnHidden>
      {draft.isError ? (
        <LoadError error={draft.error} onRetry={() => void draft.refetch()} />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Modal>
  );
}
