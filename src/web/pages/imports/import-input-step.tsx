import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERT_OPTIONS, DOCUMENT_FILE_TYPES, DOCUMENT_IMPORT_LIMITS } from '../../../shared/document-import-api.js';
import { type ParseResult, parseDocumentFile, parseDocumentText } from '../../api/document-import.api.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatFileSize } from '../../lib/file-size.js';

/** What the person gave: the text or the file, and the options. */
export interface ImportInput {
  mode: 'paste' | 'upload';
  text: string;
  file: File | null;
  year: number | null;
  convert: (typeof CONVERT_OPTIONS)[number];
}

export const EMPTY_INPUT: ImportInput = { mode: 'paste', text: '', file: null, year: null, convert: 'none' };

interface ImportInputStepProps {
  input: ImportInput;
  onChange: (input: ImportInput) => void;
  onParsed: (result: ParseResult) => void;
}

/** Step 1: paste the text or upload a .txt/.md/.docx, choose the year and conversion, and read it. */
export function ImportInputStep({ input, onChange, onParsed }: ImportInputStepProps) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  const parse = useMutation({
    mutationFn: (given: ImportInput) =>
      given.mode === 'upload' && given.file
        ? parseDocumentFile(given.file, { year: given.year, convert: given.convert, language: currentLocale() })
        : parseDocumentText(given.text, { year: given.year, convert: given.convert }),
    onSuccess: onParsed,
  });
  const set = (patch: Partial<ImportInput>) => onChange({ ...input, ...patch });

  const handleParse = () => {
    const ready = input.mode === 'upload' ? input.file !== null : input.text.trim() !== '';
    setMissing(!ready);
    if (ready) parse.mutate(input);
  };

  const pasteTab = (
    <Form.Item label={t('imports.input.textLabel')} htmlFor="import-text" style={{ marginBottom: 0 }}>
      <Input.TextArea
        id="import-text"
        value={input.text}
        onChange={(event) => set({ text: event.target.value })}
        placeholder={t('imports.input.textPlaceholder')}
        autoSize={{ minRows: 10, maxRows: 24 }}
        maxLength={DOCUMENT_IMPORT_LIMITS.textMax}
      />
    </Form.Item>
  );
  const uploadTab = (
    <Flex vertical gap={8}>
      <Upload.Dragger
        accept={DOCUMENT_FILE_TYPES.join(',')}
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          set({ file });
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.input.uploadHint')}</p>
        <p className="ant-upload-hint">
          {t('imports.input.uploadLimit', {
            size: formatFileSize(DOCUMENT_IMPORT_LIMITS.fileMaxBytes, currentLocale()),
          })}
        </p>
      </Upload.Dragger>
      {input.file && (
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t('imports.input.chosen', { name: input.file.name })}</Typography.Text>
          <Button
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('imports.input.removeFile')}
            onClick={() => set({ file: null })}
          />
        </Flex>
      )}
    </Flex>
  );

  return (
    <Card>
      <Form layout="vertical" onFinish={handleParse}>
        <Tabs
          activeKey={input.mode}
          onChange={(key) => set({ mode: key as ImportInput['mode'] })}
          items={[
            { key: 'paste', label: t('imports.input.paste'), children: pasteTab },
            { key: 'upload', label: t('imports.input.upload'), children: uploadTab },
          ]}
        />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item label={t('imports.input.year')} htmlFor="import-year" extra={t('imports.input.yearHelp')}>
              <InputNumber
                id="import-year"
                value={input.year}
                min={DOCUMENT_IMPORT_LIMITS.yearMin}
                max={DOCUMENT_IMPORT_LIMITS.yearMax}
                precision={0}
                onChange={(value) => set({ year: value ?? null })}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={8}>
            <Form.Item label={t('imports.input.convert')} htmlFor="import-convert">
              <Select
                id="import-convert"
                value={input.convert}
                onChange={(convert) => set({ convert })}
                options={CONVERT_OPTIONS.map((value) => ({ value, label: t(`imports.input.convertOptions.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {missing && <Alert type="warning" showIcon title={t('imports.input.empty')} style={{ marginBottom: 16 }} />}
        {parse.isError && (
          <Alert type="error" showIcon title={errorMessage(parse.error, t)} style={{ marginBottom: 16 }} />
        )}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={parse.isPending}>
            {t('imports.input.parse')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
