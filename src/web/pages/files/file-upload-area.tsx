import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOWED_EXTENSIONS } from '../../../domain/file-types.js';
import { useFileSettings, useUploadTaskFile } from '../../api/evidence.queries.js';
import { currentLocale } from '../../i18n/index.js';
import { formatFileSize } from '../../lib/file-size.js';
import { uploadErrorMessage } from './file-errors.js';

const ACCEPT = ALLOWED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

interface Failure {
  uid: string;
  text: string;
}

/**
 * Upload to a task: drag and drop (or click) on a desk, a big button that opens the picker (camera,
 * files) on a phone. Each file shows its progress; refusals (too large, not an allowed type) stay
 * on screen, naming the file, until dismissed.
 */
export function FileUploadArea({ taskId, onUploaded }: { taskId: number; onUploaded: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = Grid.useBreakpoint().md === false;
  const settings = useFileSettings();
  const upload = useUploadTaskFile(taskId);
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);
  const maxBytes = settings.data?.maxBytes;

  const fail = (uid: string, text: string) => setFailures((list) => [...list, { uid, text }]);

  const handleFile = (file: File) => {
    const uid = `${Date.now()}-${Math.random()}-${file.name}`;
    if (maxBytes !== undefined && file.size > maxBytes) {
      fail(uid, t('files.errors.tooLarge', { name: file.name, limit: formatFileSize(maxBytes, locale) }));
      return;
    }
    setUploading((list) => [...list, { uid, name: file.name, percent: 0 }]);
    upload.mutate(
      {
        file,
        onProgress: (percent) =>
          setUploading((list) => list.map((item) => (item.uid === uid ? { ...item, percent } : item))),
      },
      {
        onSuccess: (saved) => onUploaded(saved.name),
        onError: (error) => fail(uid, uploadErrorMessage(error, { name: file.name, maxBytes, locale }, t)),
        onSettled: () => setUploading((list) => list.filter((item) => item.uid !== uid)),
      },
    );
  };

  const hint = maxBytes
    ? t('files.upload.hint', { size: formatFileSize(maxBytes, locale) })
    : t('files.upload.hintNoSize');
  const uploadProps = {
    accept: ACCEPT,
    multiple: true,
    showUploadList: false,
    beforeUpload: (file: File) => {
      handleFile(file);
      return false;
    },
  };

  return (
    <Flex vertical gap={8}>
      {isMobile ? (
        <Flex vertical gap={4}>
          <Upload {...uploadProps}>
            <Button type="primary" size="large" icon={<UploadOutlined />} block>
              {t('files.upload.button')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </Flex>
      ) : (
        <Upload.Dragger {...uploadProps} aria-label={t('files.upload.button')}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('files.upload.drop')}</p>
          <p className="ant-upload-hint">{hint}</p>
        </Upload.Dragger>
      )}
      {uploading.map((item) => (
        <Flex key={item.uid} align="center" gap={8}>
          <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
            {t('files.upload.uploading', { name: item.name })}
          </Typography.Text>
          <Progress percent={item.percent} size="small" style={{ width: 120, margin: 0 }} />
        </Flex>
      ))}
      {failures.map((failure) => (
        <Alert
          key={failure.uid}
          type="error"
          showIcon
          closable={{ onClose: () => setFailures((list) => list.filter((item) => item.uid !== failure.uid)) }}
          title={failure.text}
        />
      ))}
    </Flex>
  );
}
