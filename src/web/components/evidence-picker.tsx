import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Progress, Select, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOWED_EXTENSIONS } from '../../domain/file-types.js';
import { useFileSettings, useTaskFiles, useUploadTaskFile } from '../api/evidence.queries.js';
import { currentLocale } from '../i18n/index.js';
import { errorMessage } from '../lib/error-message.js';
import { formatFileSize } from '../lib/file-size.js';
import { CameraButton } from './camera-button.js';
import { type EvidenceFile, EvidenceFileList } from './evidence-file-list.js';

// `image/*` as well as the extensions: phones then offer the camera and the photo library beside
// the file browser (a photo in a format not on the allow-list is still refused by the server).
const ACCEPT = [...ALLOWED_EXTENSIONS.map((extension) => `.${extension}`), 'image/*'].join(',');

interface EvidencePickerProps {
  /** The task the files belong to (uploaded to, and picked from). */
  taskId: number;
  /** The chosen files' ids (a Form.Item passes these). */
  value?: number[];
  onChange?: (fileIds: number[]) => void;
  disabled?: boolean;
  /** How many files may be chosen. */
  maxCount?: number;
  id?: string;
}

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

/**
 * Evidence for a report or a closure application: upload new files to the task (each one is
 * chosen at once) or pick files already on the task; the chosen ones are listed with size,
 * preview and download. Works as a form control: `value` is the list of file ids.
 */
export function EvidencePicker({ taskId, value, onChange, disabled, maxCount = 50, id }: EvidencePickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const files = useTaskFiles(taskId);
  const settings = useFileSettings();
  const upload = useUploadTaskFile(taskId);
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [picks, setPicks] = useState(0);
  // On a phone, a second button opens the back camera straight away (most evidence is a photo).
  const isPhone = Grid.useBreakpoint().md === false;
  const chosen = value ?? [];
  const byId = new Map((files.data ?? []).map((file) => [file.id, file]));
  const chosenFiles: EvidenceFile[] = chosen.map(
    (fileId) => byId.get(fileId) ?? { id: fileId, name: `#${fileId}`, sizeBytes: 0, contentType: '' },
  );
  const others = (files.data ?? []).filter((file) => !chosen.includes(file.id));
  const isFull = chosen.length >= maxCount;

  // Uploads finish after later renders (and several may finish together): read the latest value.
  const latest = useRef({ ids: chosen, onChange });
  latest.current = { ids: chosen, onChange };
  const choose = (fileId: number) => {
    const { ids } = latest.current;
    if (ids.includes(fileId)) return;
    latest.current.ids = [...ids, fileId];
    latest.current.onChange?.(latest.current.ids);
  };

  const handleUpload = (file: File) => {
    const uid = `${Date.now()}-${file.name}`;
    setUploading((list) => [...list, { uid, name: file.name, percent: 0 }]);
    upload.mutate(
      {
        file,
        onProgress: (percent) =>
          setUploading((list) => list.map((item) => (item.uid === uid ? { ...item, percent } : item))),
      },
      {
        onSuccess: (saved) => {
          choose(saved.id);
          void message.success(t('closure.evidence.uploaded', { name: saved.name }));
        },
        onError: (error) =>
          void message.error(t('closure.evidence.uploadFailed', { name: file.name, reason: errorMessage(error, t) })),
        onSettled: () => setUploading((list) => list.filter((item) => item.uid !== uid)),
      },
    );
  };

  return (
    <Flex vertical gap={8} id={id}>
      <Flex gap={8} wrap align="center">
        <Upload
          accept={ACCEPT}
          multiple
          showUploadList={false}
          disabled={disabled || isFull}
          beforeUpload={(file) => {
            handleUpload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={disabled || isFull}>
            {t('closure.evidence.upload')}
          </Button>
        </Upload>
        {isPhone && <CameraButton onPhoto={handleUpload} disabled={disabled || isFull} />}
        {others.length > 0 && !disabled && (
          <Select<number>
            key={picks}
            placeholder={t('closure.evidence.pickExisting')}
            aria-label={t('closure.evidence.pickExisting')}
            options={others.map((file) => ({
              value: file.id,
              label: `${file.name} (${formatFileSize(file.sizeBytes, locale)})`,
            }))}
            onChange={(fileId) => {
              choose(fileId);
              setPicks((n) => n + 1); // a fresh, empty picker for the next file
            }}
            disabled={isFull}
            style={{ flex: '1 1 200px', minWidth: 0, maxWidth: 360 }}
            showSearch
            optionFilterProp="label"
          />
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {settings.data
          ? t('closure.evidence.hint', { size: formatFileSize(settings.data.maxBytes, locale) })
          : t('closure.evidence.hintNoSize')}
      </Typography.Text>
      {uploading.map((item) => (
        <Flex key={item.uid} align="center" gap={8}>
          <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
            {item.name}
          </Typography.Text>
          <Progress percent={item.percent} size="small" style={{ width: 120, margin: 0 }} />
        </Flex>
      ))}
      <EvidenceFileList
        files={chosenFiles}
        disabled={disabled}
        onRemove={disabled ? undefined : (fileId) => onChange?.(chosen.filter((idValue) => idValue !== fileId))}
        emptyText={t('closure.evidence.none')}
      />
    </Flex>
  );
}
