import { CheckCircleFilled, ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail, TaskUnit } from '../../../shared/task-api.js';
import { TASK_LIMITS } from '../../../shared/tasks.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { HEALTH_COLORS } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { taskErrorMessage } from './task-errors.js';

/** A unit's own part of the task, editable in place by that unit. */
function PartEditor({ task, unit, onDone }: { task: TaskDetail; unit: TaskUnit; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { part } = useTaskMutations();
  const [text, setText] = useState(unit.part ?? '');
  const handleSave = () =>
    part.mutate(
      { task, unitId: unit.unitId, part: text.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('tasks.units.partSaved'));
          onDone();
        },
        onError: (error) => void message.error(taskErrorMessage(error, t)),
      },
    );
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={TASK_LIMITS.partMax}
        showCount
        aria-label={t('tasks.fields.part')}
        autoFocus
      />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" loading={part.isPending} onClick={handleSave}>
          {t('common.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** 承办单位: the lead unit and cooperating units, whether each has acknowledged, and their parts. */
export function TaskUnitsTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editingId, setEditingId] = useState<number | null>(null);
  const isAssigned = task.status !== 'draft';
  const units = [...task.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  if (units.length === 0) return <Empty description={t('tasks.units.none')} />;

  return (
    <Flex vertical gap={12}>
      {units.map((unit) => {
        const canEditPart = task.editablePartUnitId === unit.unitId;
        return (
          <Card key={unit.unitId} size="small">
            <Flex vertical gap={8}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
                  <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                    {unit.unitName}
                  </Typography.Text>
                  <Tag color={unit.role === 'lead' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                    {t(`tasks.units.roles.${unit.role}`)}
                  </Tag>
                </Flex>
                {unit.acknowledgedAt ? (
                  <Typography.Text style={{ fontSize: 13 }}>
                    <CheckCircleFilled style={{ color: HEALTH_COLORS.green, marginInlineEnd: 4 }} />
                    {t('tasks.units.acknowledgedLine', {
                      time: formatDateTime(unit.acknowledgedAt, locale),
                      name: unit.acknowledgedBy?.displayName ?? t('common.none'),
                    })}
                  </Typography.Text>
                ) : (
                  isAssigned && (
                    <Typography.Text style={{ fontSize: 13, color: HEALTH_COLORS.amber }}>
                      <ClockCircleOutlined style={{ marginInlineEnd: 4 }} />
                      {t('tasks.units.notAcknowledged')}
                    </Typography.Text>
                  )
                )}
              </Flex>
              {editingId === unit.unitId ? (
                <PartEditor task={task} unit={unit} onDone={() => setEditingId(null)} />
              ) : (
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <Typography.Paragraph
                    type={unit.part ? undefined : 'secondary'}
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
                  >
                    {unit.part || (unit.role === 'lead' ? t('tasks.units.leadPart') : t('tasks.units.noPart'))}
                  </Typography.Paragraph>
                  {canEditPart && (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditingId(unit.unitId)}
                      style={{ flex: 'none' }}
                    >
                      {t('tasks.units.editPart')}
                    </Button>
                  )}
                </Flex>
              )}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
