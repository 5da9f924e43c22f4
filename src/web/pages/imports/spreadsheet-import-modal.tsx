import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Form, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheet-api.js';
import { importSpreadsheet, type SpreadsheetImportOutcome, spreadsheetTemplateUrl } from '../../api/spreadsheet.api.js';
import { sourceKeys, taskKeys } from '../../api/task-query-keys.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatFileSize } from '../../lib/file-size.js';
import { TaskSourceSelect } from '../tasks/task-source-select.js';
import { SpreadsheetProblems, SpreadsheetResult } from './spreadsheet-report.js';

/**
 * 导入任务分解表: choose an .xlsx (the template is one click away), optionally the source it
 * updates and whether to assign at once; the server checks every row first. A refused sheet shows
 * its report (row, column, problem) and nothing was written; a good one shows what was done.
 */
export function SpreadsheetImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [file, setFile] = useState<File | null>(null);
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [assign, setAssign] = useState(false);
  const [outcome, setOutcome] = useState<SpreadsheetImportOutcome | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => importSpreadsheet(chosen, { sourceId, assign, language: locale }),
    onSuccess: async (answer) => {
      setOutcome(answer);
      if (!answer.ok) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.inbox }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.all }),
      ]);
    },
  });

  const handleChooseAgain = () => {
    setOutcome(null);
    setFile(null);
    upload.reset();
  };
  const handleClose = () => {
    handleChooseAgain();
    onClose();
  };
  const result = outcome?.ok ? outcome.result : null;

  const footer = result
    ? [
        <Button key="close" onClick={handleClose}>
          {t('spreadsheet.close')}
        </Button>,
        <Button
          key="view"
          type="primary"
          onClick={() => {
            handleClose();
            navigate(`/tasks?sourceId=${result.source.id}`);
          }}
        >
          {t('spreadsheet.viewTasks')}
        </Button>,
      ]
    : outcome
      ? [
          <Button key="again" type="primary" onClick={handleChooseAgain}>
            {t('spreadsheet.chooseAgain')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={handleClose}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="submit"
            type="primary"
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t('spreadsheet.submit')}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={t('spreadsheet.importTitle')}
      onCancel={handleClose}
      footer={footer}
      width={outcome ? 760 : 560}
      destroyOnHidden
    >
      {outcome && !outcome.ok && <SpreadsheetProblems problems={outcome.problems} />}
      {result && <SpreadsheetResult result={result} />}
      {!outcome && (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('spreadsheet.intro')}
          </Typography.Paragraph>
          <div>
            <Button icon={<DownloadOutlined />} href={spreadsheetTemplateUrl(locale)} download>
              {t('spreadsheet.template')}
            </Button>
          </div>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              setFile(chosen);
              upload.reset();
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">{file ? <FileExcelOutlined /> : <InboxOutlined />}</p>
            <p className="ant-upload-text">
              {file ? t('spreadsheet.chosen', { name: file.name }) : t('spreadsheet.drop')}
            </p>
            <p className="ant-upload-hint">
              {t('spreadsheet.dropHint', { size: formatFileSize(SPREADSHEET_LIMITS.maxBytes, locale) })}
            </p>
          </Upload.Dragger>
          <Form layout="vertical" component="div">
            <Form.Item label={t('spreadsheet.source')} extra={t('spreadsheet.sourceHelp')} style={{ marginBottom: 12 }}>
              <TaskSourceSelect
                value={sourceId}
                onChange={setSourceId}
                placeholder={t('spreadsheet.sourcePlaceholder')}
                aria-label={t('spreadsheet.source')}
              />
            </Form.Item>
            <Checkbox checked={assign} onChange={(event) => setAssign(event.target.checked)}>
              {t('spreadsheet.assign')}
            </Checkbox>
          </Form>
          {upload.isError && <Alert type="error" showIcon title={errorMessage(upload.error, t)} />}
        </Flex>
      )}
    </Modal>
  );
}
