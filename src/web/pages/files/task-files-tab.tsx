import { useQueryClient } from '@tanstack/react-query';
import { App, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskFile } from '../../../shared/files-api.js';
import type { TaskDetail } from '../../../shared/task-api.js';
import { useTaskFiles } from '../../api/evidence.queries.js';
import { useDeleteTaskFile } from '../../api/files.queries.js';
import { taskKeys } from '../../api/task-query-keys.js';
import type { Me } from '../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { deleteErrorMessage } from './file-errors.js';
import { FileItem } from './file-item.js';
import { FilePreviewModal } from './file-preview-modal.js';
import { FileUploadArea } from './file-upload-area.js';
import './files.css';

/** The server's rule: the uploader, the head of the unit it was uploaded for, or the supervision office. */
function mayDelete(file: TaskFile, user: Me): boolean {
  if (file.uploadedBy?.id === user.id) return true;
  if (hasAnyRole(user, ['supervisor', 'admin'])) return true;
  return user.roles.includes('unit_head') && file.unit !== null && file.unit.id === user.unitId;
}

/** Who may upload: the task's units and the supervision office, while the task is not a draft. */
function mayUpload(task: TaskDetail, user: Me): boolean {
  if (hasAnyRole(user, ['supervisor', 'admin'])) return true;
  return user.unitId !== null && task.units.some((unit) => unit.unitId === user.unitId);
}

/** 附件: the task's evidence files — upload, list, preview, download and delete. */
export function TaskFilesTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const files = useTaskFiles(task.id);
  const remove = useDeleteTaskFile(task.id);
  const [previewing, setPreviewing] = useState<TaskFile | null>(null);
  const [deletingId, setDeletingId] = useState<number | null>(null);

  const handleUploaded = (name: string) => {
    void message.success(t('files.uploaded', { name }));
    void queryClient.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
  };

  const handleDelete = (file: TaskFile) => {
    setDeletingId(file.id);
    remove.mutate(file.id, {
      onSuccess: () => void message.success(t('files.deleted', { name: file.name })),
      onError: (error) => void message.error(deleteErrorMessage(error, file.name, t)),
      onSettled: () => setDeletingId(null),
    });
  };

  return (
    <Flex vertical gap={16} style={{ paddingTop: 4 }}>
      {mayUpload(task, user) && <FileUploadArea taskId={task.id} onUploaded={handleUploaded} />}
      {files.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {files.isError && <LoadError error={files.error} onRetry={() => void files.refetch()} />}
      {files.data && files.data.length === 0 && <Empty description={t('files.empty')} />}
      {files.data && files.data.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('files.count', { count: files.data.length })}</Typography.Text>
          <ul className="file-list" aria-label={t('files.listLabel')}>
            {files.data.map((file) => (
              <FileItem
                key={file.id}
                file={file}
                canDelete={mayDelete(file, user)}
                isDeleting={deletingId === file.id}
                onPreview={() => setPreviewing(file)}
                onDelete={() => handleDelete(file)}
              />
            ))}
          </ul>
        </Flex>
      )}
      {previewing && <FilePreviewModal file={previewing} onClose={() => setPreviewing(null)} />}
    </Flex>
  );
}
