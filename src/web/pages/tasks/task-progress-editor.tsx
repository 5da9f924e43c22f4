import { App, Button, Flex, InputNumber, Slider, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { isStaleTaskError, staleTaskMessage, taskErrorMessage } from './task-errors.js';

/** Sets a leaf task's progress: a slider for quick moves, a number for exact ones. */
export function TaskProgressEditor({ task, onStale }: { task: TaskDetail; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { progress } = useTaskMutations();
  const [value, setValue] = useState(Math.round(task.progress));

  // A reload (someone else saved, or a conflict) starts again from the stored value.
  useEffect(() => setValue(Math.round(task.progress)), [task.progress]);

  const handleSave = () =>
    progress.mutate(
      { task, progress: value },
      {
        onSuccess: () => void message.success(t('tasks.progressSaved', { progress: value })),
        onError: (error) => {
          if (isStaleTaskError(error)) {
            void message.warning(staleTaskMessage(error, t));
            onStale();
            return;
          }
          void message.error(taskErrorMessage(error, t));
        },
      },
    );

  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('tasks.progressEditor.title')}</Typography.Text>
      <Flex align="center" gap={12} wrap>
        <Slider
          min={0}
          max={100}
          step={5}
          value={value}
          onChange={setValue}
          style={{ flex: '1 1 160px', minWidth: 140, margin: '8px 6px' }}
          aria-label={t('tasks.fields.progress')}
        />
        <InputNumber
          min={0}
          max={100}
          precision={0}
          value={value}
          onChange={(next) => setValue(next ?? 0)}
          suffix="%"
          style={{ width: 96 }}
          aria-label={t('tasks.progressEditor.exact')}
        />
        <Button
          type="primary"
          onClick={handleSave}
          loading={progress.isPending}
          disabled={value === Math.round(task.progress)}
        >
          {t('tasks.progressEditor.save')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tasks.progressEditor.help')}
      </Typography.Text>
    </Flex>
  );
}
