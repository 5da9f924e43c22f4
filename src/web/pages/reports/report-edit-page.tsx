import { App, Button, Card, Col, Flex, Form, Result, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/http.js';
import type { ReportDetail, ReportPart } from '../../api/reports.api.js';
import { useReport, useReportMutations, useTaskReports } from '../../api/reports.queries.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';
import { ReportBreadcrumb } from './report-breadcrumb.js';
import { ReportEditNotices } from './report-edit-notices.js';
import { REPORT_FORM_FIELDS, ReportForm } from './report-form.js';
import {
  isPartCopied,
  normalizeFormValues,
  previousAcceptedPercent,
  type ReportFormValues,
  reportFormValues,
  withPartCopied,
} from './report-form-values.js';
import { parseReportId, ReportLoading, ReportNotFound } from './report-not-found.js';
import { ReportParts } from './report-parts.js';
import { ReportSaveBar } from './report-save-bar.js';
import { ReportMeta } from './report-view.js';
import { useAcceptedPlan } from './use-accepted-plan.js';
import { useReportAutosave } from './use-report-autosave.js';
import './reports.css';

/** The form around one report, from the values it had when opened (autosave keeps it current). */
function ReportEditor({ report: opened }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportFormValues>();
  const [initialValues] = useState(() => reportFormValues(opened));
  const [isExplanationAsked, setIsExplanationAsked] = useState(false);
  const report = useReport(opened.id).data ?? opened;
  const autosave = useReportAutosave(opened);
  const plan = useAcceptedPlan(opened.taskId);
  const reports = useTaskReports(opened.taskId);
  const { act } = useReportMutations(opened.taskId);
  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: REPORT_FORM_FIELDS,
    conflictText: t('reports.errors.conflict'),
    version: null,
  });
  useDocumentTitle(`${t('reports.form.title')} ${report.task.number}`);
  const values = () => normalizeFormValues(form.getFieldsValue(true));
  const viewPath = `/reports/${report.id}`;

  const take = (next: ReportFormValues) => {
    form.setFieldsValue(next);
    autosave.edit(next);
  };

  const handleCopy = (part: ReportPart) => {
    take(withPartCopied(values(), part));
    void message.success(t('reports.parts.copiedMessage', { unit: part.unitName }));
  };

  const handleResolve = async (keepMine: boolean) => {
    try {
      const next = await autosave.resolveConflict(keepMine ? values() : null);
      if (!keepMine) form.setFieldsValue(next);
    } catch (error) {
      handleError(error);
    }
  };

  const handleDone = async () => {
    try {
      await autosave.flush();
    } catch {
      return;
    }
    navigate(viewPath);
  };

  const handleSubmit = async () => {
    clearFormError();
    try {
      await form.validateFields();
      await autosave.flush();
    } catch {
      return;
    }
    act.mutate(
      { report: { ...report, version: autosave.version() }, action: 'submit' },
      {
        onSuccess: () => {
          autosave.finish();
          void message.success(t('reports.actions.done.submit'));
          navigate(viewPath);
        },
        onError: (error) => {
          if (isApiError(error, 'explanation_required')) setIsExplanationAsked(true);
          handleError(error);
        },
      },
    );
  };

  const isLead = report.role === 'lead';
  return (
    <Flex vertical gap={16}>
      <ReportBreadcrumb report={report} current={t('reports.form.title')} />
      <Card>
        <Flex vertical gap={10}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {report.task.title}
          </Typography.Title>
          <ReportMeta report={report} />
        </Flex>
      </Card>
      <ReportEditNotices
        report={report}
        status={autosave.status}
        restorable={autosave.restorable}
        onRestore={(local) => {
          take(local.values);
          autosave.acceptRestorable();
        }}
        onDiscard={autosave.discardRestorable}
        onResolve={(keepMine) => void handleResolve(keepMine)}
      />
      <FormErrorAlert error={formError} />
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={isLead ? 16 : 24} xl={isLead ? 16 : 18}>
          <ReportForm
            form={form}
            initialValues={initialValues}
            taskId={report.taskId}
            plan={plan.content}
            previousPercent={previousAcceptedPercent(reports.data, report)}
            isExplanationAsked={isExplanationAsked}
            onChange={() => autosave.edit(values())}
          />
        </Col>
        {isLead && (
          <Col xs={24} lg={8}>
            <Card
              title={t('reports.parts.title')}
              size="small"
              className="report-parts-panel"
              style={{ marginBottom: 16 }}
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('reports.parts.help')}
              </Typography.Paragraph>
              <ReportParts parts={report.parts} onCopy={handleCopy} isCopied={(part) => isPartCopied(values(), part)} />
            </Card>
          </Col>
        )}
      </Row>
      <ReportSaveBar
        status={autosave.status}
        isSubmitting={act.isPending}
        onSubmit={() => void handleSubmit()}
        onDone={() => void handleDone()}
        onRetry={() => void autosave.flush().catch(() => undefined)}
        submitLabel={report.status === 'returned' ? t('reports.actions.resubmit') : t('reports.actions.submit')}
      />
    </Flex>
  );
}

/** The report cannot be edited any more (submitted, accepted, or not the caller's unit's). */
function NotEditable({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={t('reports.form.notEditableTitle')}
      subTitle={t('reports.form.notEditable')}
      extra={
        <Button type="primary" onClick={() => navigate(`/reports/${report.id}`)}>
          {t('reports.form.toView')}
        </Button>
      }
    />
  );
}

/** `/reports/:id/edit`: the report form with autosave, built for a phone as much as a desk. */
export function ReportEditPage() {
  const { id } = useParams();
  const reportId = parseReportId(id);
  const report = useReport(reportId ?? 0, reportId !== null);
  const [opened, setOpened] = useState<ReportDetail | null>(null);
  if (reportId === null) return <ReportNotFound />;
  if (!report.isSuccess) return <ReportLoading query={report} rows={12} />;
  // The form starts from the report as first loaded; later answers (autosave) must not reset it.
  const start = opened?.id === reportId ? opened : report.data;
  if (opened?.id !== reportId && report.data.canEdit) setOpened(report.data);
  if (!start.canEdit) return <NotEditable report={start} />;
  return <ReportEditor key={start.id} report={start} />;
}
