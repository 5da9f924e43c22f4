import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileWordOutlined,
  FileZipOutlined,
  LockOutlined,
} from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskFile } from '../../../shared/files-api.js';
import { fileContentUrl } from '../../api/evidence.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatFileSize } from '../../lib/file-size.js';
import { formatShortDateTime } from '../../lib/format.js';
import { type FileKind, fileKind } from './file-kind.js';

const ICONS: Record<FileKind, ReactNode> = {
  pdf: <FilePdfOutlined style={{ color: '#cf1322' }} />,
  image: <FileImageOutlined style={{ color: '#1d4f91' }} />,
  word: <FileWordOutlined style={{ color: '#1d4f91' }} />,
  excel: <FileExcelOutlined style={{ color: '#389e0d' }} />,
  slides: <FilePptOutlined style={{ color: '#d4380d' }} />,
  wps: <FileWordOutlined style={{ color: '#cf1322' }} />,
  ofd: <FileOutlined style={{ color: '#cf1322' }} />,
  zip: <FileZipOutlined style={{ color: '#874d00' }} />,
  other: <FileOutlined />,
};

interface FileItemProps {
  file: TaskFile;
  canDelete: boolean;
  isDeleting: boolean;
  onPreview: () => void;
  onDelete: () => void;
}

/** One file of a task: kind, name, who uploaded it when, size, whether it is evidence, and actions. */
export function FileItem({ file, canDelete, isDeleting, onPreview, onDelete }: FileItemProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const kind = fileKind(file.contentType);
  const uploader = file.uploadedBy?.displayName ?? t('tasks.history.system');
  return (
    <li className="file-item">
      <span className="file-item-icon" aria-hidden>
        {ICONS[kind]}
      </span>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Flex align="center" gap={6} wrap>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {file.name}
          </Typography.Text>
          {file.inUse && (
            <Tooltip title={t('files.inUseHelp')}>
              <Tag icon={<LockOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
                {t('files.inUse')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
          {t(`files.kinds.${kind}`)} · {formatFileSize(file.sizeBytes, locale)} ·{' '}
          {file.unit
            ? t('files.uploadedByUnit', { name: uploader, unit: file.unit.name })
            : t('files.uploadedBy', { name: uploader })}{' '}
          · {formatShortDateTime(file.uploadedAt, locale)}
        </Typography.Text>
      </Flex>
      <Flex gap={4} className="file-item-actions">
        {file.previewable && (
          <Button icon={<EyeOutlined />} onClick={onPreview} aria-label={t('files.previewFile', { name: file.name })}>
            {t('files.preview.button')}
          </Button>
        )}
        <Tooltip title={t('files.download')}>
          <Button
            icon={<DownloadOutlined />}
            href={fileContentUrl(file.id)}
            download={file.name}
            aria-label={t('files.downloadFile', { name: file.name })}
          />
        </Tooltip>
        {canDelete && (
          <Popconfirm
            title={t('files.deleteConfirm', { name: file.name })}
            description={t('files.deleteHelp')}
            okText={t('files.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={onDelete}
            disabled={file.inUse}
          >
            <Tooltip title={file.inUse ? t('files.inUseHelp') : t('files.delete')}>
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={isDeleting}
                disabled={file.inUse}
                aria-label={t('files.deleteFile', { name: file.name })}
              />
            </Tooltip>
          </Popconfirm>
        )}
      </Flex>
    </li>
  );
}
