import { CalendarOutlined, CloseOutlined, SendOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkInput } from '../../../shared/task-api.js';
import { TASK_LIMITS } from '../../../shared/tasks.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { taskErrorMessage } from './task-errors.js';

type BulkKind = BulkInput['operation']['kind'];

interface BulkValues {
  deadline?: Dayjs | null;
  unitId?: number | null;
  part?: string;
}

interface TaskBulkBarProps {
  selectedIds: readonly number[];
  onClear: () => void;
}

/** The form for one bulk operation; assign needs no input, only a confirmation. */
function BulkModal({
  kind,
  taskIds,
  onClose,
  onDone,
}: {
  kind: BulkKind;
  taskIds: readonly number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BulkValues>();
  const { bulk } = useTaskMutations();
  const [error, setError] = useState<string | null>(null);

  const handleFinish = (values: BulkValues) => {
    setError(null);
    const operation: BulkInput['operation'] =
      kind === 'assign'
        ? { kind }
        : kind === 'set_deadline'
          ? { kind, deadline: (values.deadline as Dayjs).format('YYYY-MM-DD') }
          : { kind, unitId: values.unitId as number, part: values.part?.trim() || null };
    bulk.mutate(
      { taskIds: [...taskIds], operation },
      {
        onSuccess: ({ updated }) => {
          void message.success(t('tasks.bulk.done', { count: updated }));
          onDone();
        },
        onError: (cause) => setError(taskErrorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t(`tasks.bulk.${kind}.title`, { count: taskIds.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`tasks.bulk.${kind}.ok`)}
      cancelText={t('common.cancel')}
      confirmLoading={bulk.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(`tasks.bulk.${kind}.description`)}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <Form<BulkValues> form={form} layout="vertical" onFinish={handleFinish}>
          {kind === 'set_deadline' && (
            <Form.Item
              name="deadline"
              label={t('tasks.fields.deadline')}
              rules={[{ required: true, message: t('validation.required', { field: t('tasks.fields.deadline') }) }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          {kind === 'add_cooperating_unit' && (
            <>
              <Form.Item
                name="unitId"
                label={t('tasks.fields.cooperatingUnit')}
                rules={[
                  { required: true, message: t('validation.required', { field: t('tasks.fields.cooperatingUnit') }) },
                ]}
              >
                <UnitTreeSelect placeholder={t('tasks.form.unitPlaceholder')} />
              </Form.Item>
              <Form.Item name="part" label={t('tasks.fields.part')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TASK_LIMITS.partMax} />
              </Form.Item>
            </>
          )}
        </Form>
      </Flex>
    </Modal>
  );
}

/** Shown while rows are selected: assign, change deadline or add a cooperating unit, all at once. */
export function TaskBulkBar({ selectedIds, onClear }: TaskBulkBarProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BulkKind | null>(null);
  if (selectedIds.length === 0) return null;
  const tooMany = selectedIds.length > TASK_LIMITS.bulkMax;
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title={
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong>
              {tooMany
                ? t('tasks.bulk.tooMany', { max: TASK_LIMITS.bulkMax })
                : t('tasks.bulk.selected', { count: selectedIds.length })}
            </Typography.Text>
            <Flex gap={8} wrap>
              <Button size="small" icon={<SendOutlined />} disabled={tooMany} onClick={() => setKind('assign')}>
                {t('tasks.bulk.assign.button')}
              </Button>
              <Button
                size="small"
                icon={<CalendarOutlined />}
                disabled={tooMany}
                onClick={() => setKind('set_deadline')}
              >
                {t('tasks.bulk.set_deadline.button')}
              </Button>
              <Button
                size="small"
                icon={<UsergroupAddOutlined />}
                disabled={tooMany}
                onClick={() => setKind('add_cooperating_unit')}
              >
                {t('tasks.bulk.add_cooperating_unit.button')}
              </Button>
              <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear}>
                {t('tasks.bulk.clear')}
              </Button>
            </Flex>
          </Flex>
        }
      />
      {kind && (
        <BulkModal
          kind={kind}
          taskIds={selectedIds}
          onClose={() => setKind(null)}
          onDone={() => {
            setKind(null);
            onClear();
          }}
        />
      )}
    </>
  );
}
