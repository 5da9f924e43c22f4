import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Grid, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskFile } from '../../../shared/files-api.js';
import { fileContentUrl } from '../../api/evidence.api.js';

/**
 * An image or a PDF shown in a dialog through its preview address (`?inline=1`, served sandboxed),
 * with download and "open in a new window" for phones whose browsers cannot show PDFs in a page.
 */
export function FilePreviewModal({
  file,
  onClose,
}: {
  file: Pick<TaskFile, 'id' | 'name' | 'contentType'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const url = fileContentUrl(file.id, true);
  const isPdf = file.contentType === 'application/pdf';
  return (
    <Modal
      open
      title={<span style={{ overflowWrap: 'anywhere' }}>{file.name}</span>}
      onCancel={onClose}
      width={isMobile ? '100%' : 960}
      centered={!isMobile}
      style={isMobile ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      footer={[
        <Button key="open" icon={<ExportOutlined />} href={url} target="_blank" rel="noopener noreferrer">
          {t('files.preview.openNew')}
        </Button>,
        <Button
          key="download"
          type="primary"
          icon={<DownloadOutlined />}
          href={fileContentUrl(file.id)}
          download={file.name}
        >
          {t('files.download')}
        </Button>,
      ]}
    >
      {isPdf ? (
        <iframe
          src={url}
          title={t('files.preview.title', { name: file.name })}
          style={{
            display: 'block',
            width: '100%',
            height: isMobile ? '70vh' : '72vh',
            border: '1px solid #e8ebf0',
            borderRadius: 6,
          }}
        />
      ) : (
        <img
          src={url}
          alt={file.name}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '72vh', margin: '0 auto', objectFit: 'contain' }}
        />
      )}
    </Modal>
  );
}
