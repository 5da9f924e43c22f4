import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
} from '@ant-design/icons';
import { Button, Flex, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPreviewable } from '../../domain/file-types.js';
import { fileContentUrl } from '../api/evidence.api.js';
import { currentLocale } from '../i18n/index.js';
import { formatFileSize } from '../lib/file-size.js';

/** What a list of evidence shows of each file. */
export interface EvidenceFile {
  id: number;
  name: string;
  sizeBytes: number;
  contentType: string;
}

function FileIcon({ contentType }: { contentType: string }) {
  if (contentType === 'application/pdf') return <FilePdfOutlined style={{ color: '#cf1322' }} />;
  if (contentType.startsWith('image/')) return <FileImageOutlined style={{ color: '#1d4f91' }} />;
  return <FileOutlined />;
}

/** An image shown in a dialog, from the preview address (`?inline=1`). */
function ImagePreview({ file, onClose }: { file: EvidenceFile; onClose: () => void }) {
  return (
    <Modal open title={file.name} footer={null} onCancel={onClose} width={880} centered>
      <img
        src={fileContentUrl(file.id, true)}
        alt={file.name}
        style={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', margin: '0 auto' }}
      />
    </Modal>
  );
}

interface EvidenceFileListProps {
  files: readonly EvidenceFile[];
  /** Given: each file has a remove button (the picker); absent: read-only (a view). */
  onRemove?: (id: number) => void;
  disabled?: boolean;
  emptyText?: string;
}

/**
 * Evidence files as lines: name, size, preview (images in a dialog, PDFs in a new tab — both
 * through `?inline=1`), download (always an attachment), and remove when editing.
 */
export function EvidenceFileList({ files, onRemove, disabled, emptyText }: EvidenceFileListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [previewing, setPreviewing] = useState<EvidenceFile | null>(null);
  if (files.length === 0) {
    return emptyText ? <Typography.Text type="secondary">{emptyText}</Typography.Text> : null;
  }
  return (
    <ul aria-label={t('closure.evidence.listLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {files.map((file) => {
        const canPreview = isPreviewable(file.contentType);
        const isImage = file.contentType.startsWith('image/');
        return (
          <li key={file.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBlock: 6 }}>
            <Flex align="center" gap={8}>
              <FileIcon contentType={file.contentType} />
              <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{file.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatFileSize(file.sizeBytes, locale)}
                </Typography.Text>
              </Flex>
              <Flex gap={2} style={{ flex: 'none' }}>
                {canPreview && (
                  <Tooltip title={t('closure.evidence.preview')}>
                    {isImage ? (
                      <Button
                        type="text"
                        size="small"
                        icon={<EyeOutlined />}
                        onClick={() => setPreviewing(file)}
                        aria-label={t('closure.evidence.previewFile', { name: file.name })}
                      />
                    ) : (
                      <Button
                        type="text"
                        size="small"
                        icon={<EyeOutlined />}
                        href={fileContentUrl(file.id, true)}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={t('closure.evidence.previewFile', { name: file.name })}
                      />
                    )}
                  </Tooltip>
                )}
                <Tooltip title={t('closure.evidence.download')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<DownloadOutlined />}
                    href={fileContentUrl(file.id)}
                    download={file.name}
                    aria-label={t('closure.evidence.downloadFile', { name: file.name })}
                  />
                </Tooltip>
                {onRemove && (
                  <Tooltip title={t('closure.evidence.remove')}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={disabled}
                      onClick={() => onRemove(file.id)}
                      aria-label={t('closure.evidence.removeFile', { name: file.name })}
                    />
                  </Tooltip>
                )}
              </Flex>
            </Flex>
          </li>
        );
      })}
      {previewing && <ImagePreview file={previewing} onClose={() => setPreviewing(null)} />}
    </ul>
  );
}
