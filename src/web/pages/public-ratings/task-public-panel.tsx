import { GlobalOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { setTaskPublic } from '../../api/public-page.api.js';
import { taskKeys } from '../../api/task-query-keys.js';
import { currentLocale } from '../../i18n/index.js';
import { isStaleTaskError, staleTaskMessage, taskErrorMessage } from '../tasks/task-errors.js';

/** The public page's address for a task, in the reader's language. */
function publicUrl(taskId: number): string {
  const locale = currentLocale();
  return locale === 'zh-CN' ? `/public/tasks/${taskId}` : `/public/tasks/${taskId}?lang=${locale}`;
}

/**
 * 公开督办 on the task page, for the supervision office: open the task (and, if asked, its whole
 * subtree) to the public, or close it again, in one call; and a link to what the public sees.
 */
export function TaskPublicPanel({ task, onStale }: { task: TaskDetail; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [includeSubtasks, setIncludeSubtasks] = useState(task.childCount > 0);
  const publish = useMutation({
    mutationFn: (isPublic: boolean) => setTaskPublic(task.id, { isPublic, includeSubtasks, version: task.version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  const hidden = task.status === 'draft' || task.status === 'cancelled';

  const handleSet = (isPublic: boolean) =>
    publish.mutate(isPublic, {
      onSuccess: (result) => {
        const count = result.changed.length;
        if (count === 0) void message.info(t('publicPage.publish.unchanged'));
        else
          void message.success(
            t(isPublic ? 'publicPage.publish.published' : 'publicPage.publish.unpublished', { count }),
          );
      },
      onError: (error) => {
        if (isStaleTaskError(error)) {
          void message.warning(staleTaskMessage(error, t));
          onStale();
          return;
        }
        void message.error(taskErrorMessage(error, t));
      },
    });

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <GlobalOutlined aria-hidden />
          {t('publicPage.publish.title')}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text>
          {t(task.isPublic ? 'publicPage.publish.isPublic' : 'publicPage.publish.isPrivate')}
        </Typography.Text>
        {hidden && <Typography.Text type="secondary">{t('publicPage.publish.hidden')}</Typography.Text>}
        <Flex gap={12} align="center" wrap>
          {task.childCount > 0 && (
            <Checkbox checked={includeSubtasks} onChange={(event) => setIncludeSubtasks(event.target.checked)}>
              {t('publicPage.publish.includeSubtasks')}
            </Checkbox>
          )}
          <Button
            type={task.isPublic ? 'default' : 'primary'}
            loading={publish.isPending}
            onClick={() => handleSet(!task.isPublic)}
          >
            {t(task.isPublic ? 'publicPage.publish.unpublish' : 'publicPage.publish.publish')}
          </Button>
          {task.isPublic && !hidden && (
            <Typography.Link href={publicUrl(task.id)} target="_blank" rel="noopener">
              {t('publicPage.publish.view')}
            </Typography.Link>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
