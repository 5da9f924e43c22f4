import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SOURCE_KINDS, type SourceKind, TASK_LIMITS } from '../../../shared/tasks.js';
import {
  type RegisterImportInput,
  type RegisterImportResult,
  registerDocumentImport,
} from '../../api/document-import.api.js';
import { isApiError } from '../../api/http.js';
import { sourceKeys, taskKeys } from '../../api/task-query-keys.js';
import { errorMessage } from '../../lib/error-message.js';

/** The source the tasks will name: the document itself. */
export interface SourceDraft {
  kind: SourceKind;
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: string | null;
}

interface ImportRegisterPanelProps {
  source: SourceDraft;
  onSourceChange: (source: SourceDraft) => void;
  mode: 'draft' | 'assign';
  onModeChange: (mode: 'draft' | 'assign') => void;
  summary: { count: number; top: number; withoutLead: number; unmapped: number };
  /** The request, built from the current tree when the person registers. */
  buildInput: () => RegisterImportInput;
  onRegistered: (result: RegisterImportResult) => void;
}

/** Step 3: the source's fields, a summary of what will be registered, drafts or assigned, and Register. */
export function ImportRegisterPanel(props: ImportRegisterPanelProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const { source, summary } = props;
  const register = useMutation({
    mutationFn: registerDocumentImport,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.all }),
      ]);
      props.onRegistered(result);
    },
  });
  const set = (patch: Partial<SourceDraft>) => props.onSourceChange({ ...source, ...patch });

  const handleRegister = () => {
    const input = props.buildInput();
    register.mutate(input, {
      onError: (error) => {
        if (!isApiError(error, 'import_duplicate')) return;
        modal.confirm({
          title: t('imports.register.confirmDuplicateTitle'),
          content: error.detail,
          okText: t('imports.register.confirmDuplicateOk'),
          onOk: () => register.mutate({ ...input, confirmDuplicate: true }),
        });
      },
    });
  };
  const failure = register.isError && !isApiError(register.error, 'import_duplicate') ? register.error : null;

  return (
    <Card size="small" title={t('imports.register.title')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('imports.register.sourceTitle')}
      </Typography.Title>
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label={t('sources.fields.title')} htmlFor="import-source-title" style={{ marginBottom: 12 }}>
              <Input
                id="import-source-title"
                value={source.title}
                maxLength={TASK_LIMITS.sourceTitleMax}
                onChange={(e) => set({ title: e.target.value })}
                status={source.title.trim() ? undefined : 'error'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('sources.fields.kind')} htmlFor="import-source-kind" style={{ marginBottom: 12 }}>
              <Select
                id="import-source-kind"
                value={source.kind}
                onChange={(kind) => set({ kind })}
                options={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`sources.kinds.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('sources.fields.docNumber')}
              htmlFor="import-source-number"
              style={{ marginBottom: 12 }}
            >
              <Input
                id="import-source-number"
                value={source.docNumber}
                maxLength={TASK_LIMITS.docNumberMax}
                onChange={(e) => set({ docNumber: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('sources.fields.issuer')} htmlFor="import-source-issuer" style={{ marginBottom: 12 }}>
              <Input
                id="import-source-issuer"
                value={source.issuer}
                maxLength={TASK_LIMITS.issuerMax}
                onChange={(e) => set({ issuer: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('sources.fields.issuedOn')} htmlFor="import-source-date" style={{ marginBottom: 12 }}>
              <DatePicker
                id="import-source-date"
                value={source.issuedOn ? dayjs(source.issuedOn) : null}
                onChange={(date) => set({ issuedOn: date ? date.format('YYYY-MM-DD') : null })}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Flex vertical gap={4} style={{ margin: '16px 0' }}>
        <Typography.Text>{t('imports.register.summary', { count: summary.count, top: summary.top })}</Typography.Text>
        {summary.withoutLead > 0 && (
          <Typography.Text type="warning">
            {t('imports.register.withoutLead', { count: summary.withoutLead })}
          </Typography.Text>
        )}
        {summary.unmapped > 0 && (
          <Typography.Text type="warning">
            {t('imports.register.unmapped', { count: summary.unmapped })}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={12} align="center" wrap justify="space-between">
        <Radio.Group
          value={props.mode}
          onChange={(e) => props.onModeChange(e.target.value)}
          aria-label={t('imports.register.mode')}
          options={(['draft', 'assign'] as const).map((mode) => ({
            value: mode,
            label: t(`imports.register.modes.${mode}`),
          }))}
        />
        <Button
          type="primary"
          onClick={handleRegister}
          loading={register.isPending}
          disabled={summary.count === 0 || !source.title.trim()}
        >
          {t('imports.register.submit')}
        </Button>
      </Flex>
      {props.mode === 'assign' && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('imports.register.assignHint')}
        </Typography.Paragraph>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={t('imports.register.failed')}
          description={errorMessage(failure, t)}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
