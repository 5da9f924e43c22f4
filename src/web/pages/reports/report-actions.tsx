import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { REPORT_LIMITS } from '../../../shared/reports-api.js';
import type { ReportDetail } from '../../api/reports.api.js';
import { useReportMutations } from '../../api/reports.queries.js';
import { ReviewReasonModal } from '../../components/review-reason-modal.js';
import { isStaleReportError, reportErrorMessage } from './report-errors.js';

/**
 * What the caller may do with a report they are reading: edit it (their unit's draft or returned
 * report), approve or return it (their unit's head), accept or return it (the supervision office).
 */
export function ReportActions({ report, onStale }: { report: ReportDetail; onStale: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { act } = useReportMutations(report.taskId);
  const [isReturning, setIsReturning] = useState(false);
  const allowed = new Set(report.allowedActions);
  const isSupervision = report.status === 'pending_supervisor';

  const run = (action: 'approve' | 'accept' | 'return', reason?: string) =>
    act.mutate(
      { report, action, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          setIsReturning(false);
          void message.success(t(`reports.actions.done.${action}`));
        },
        onError: (error) => {
          if (isStaleReportError(error)) {
            setIsReturning(false);
            void message.warning(reportErrorMessage(error, t));
            onStale();
            return;
          }
          void message.error(reportErrorMessage(error, t));
        },
      },
    );

  const confirm = (action: 'approve' | 'accept') =>
    modal.confirm({
      title: t(`reports.actions.confirm.${action}`),
      content: t(`reports.actions.help.${action}`),
      okText: t(`reports.actions.${action}`),
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });

  const hasAny = report.canEdit || allowed.has('approve') || allowed.has('accept') || allowed.has('return');
  if (!hasAny) return null;
  return (
    <Flex gap={8} wrap>
      {report.canEdit && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/reports/${report.id}/edit`)}>
          {report.status === 'returned' ? t('reports.slot.fix') : t('reports.slot.continue')}
        </Button>
      )}
      {allowed.has('approve') && (
        <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} onClick={() => confirm('approve')}>
          {t('reports.actions.approve')}
        </Button>
      )}
      {allowed.has('accept') && (
        <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} onClick={() => confirm('accept')}>
          {t('reports.actions.accept')}
        </Button>
      )}
      {allowed.has('return') && (
        <Button danger icon={<RollbackOutlined />} onClick={() => setIsReturning(true)}>
          {t('reports.actions.return')}
        </Button>
      )}
      {isReturning && (
        <ReviewReasonModal
          title={t('reports.actions.returnTitle')}
          help={isSupervision ? t('reports.actions.help.returnSupervisor') : t('reports.actions.help.returnHead')}
          label={t('reports.actions.reason')}
          placeholder={t('reports.actions.reasonPlaceholder')}
          okText={t('reports.actions.return')}
          maxLength={REPORT_LIMITS.reasonMax}
          isPending={act.isPending}
          onSubmit={(reason) => run('return', reason)}
          onClose={() => setIsReturning(false)}
        />
      )}
    </Flex>
  );
}
