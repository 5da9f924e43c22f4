import { DownOutlined, EditOutlined, EyeOutlined, FormOutlined, UpOutlined } from '@ant-design/icons';
import { App, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PlanContent } from '../../../shared/plans-api.js';
import type { ReportSlot } from '../../api/reports.api.js';
import { useReport, useReportMutations } from '../../api/reports.queries.js';
import { LoadError } from '../../components/load-error.js';
import { errorMessage } from '../../lib/error-message.js';
import { DuplicateFlag, LateMark } from './report-marks.js';
import { ReportStatusTag } from './report-status-tag.js';
import { ReportView } from './report-view.js';

/** A report's content, loaded when its row is opened. */
function SlotReport({ reportId, plan }: { reportId: number; plan: PlanContent | null }) {
  const report = useReport(reportId);
  if (report.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  return <ReportView report={report.data} plan={plan} hideMeta />;
}

interface ReportSlotRowProps {
  taskId: number;
  slot: ReportSlot;
  /** The caller writes for this unit. */
  isOwn: boolean;
  /** The period's due date has passed. */
  isDue: boolean;
  plan: PlanContent | null;
  defaultOpen: boolean;
}

/** One unit's report for a period: where it stands, its marks, and what the caller can do with it. */
export function ReportSlotRow({ taskId, slot, isOwn, isDue, plan, defaultOpen }: ReportSlotRowProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { start } = useReportMutations(taskId);
  const [isOpen, setIsOpen] = useState(defaultOpen);
  const { report } = slot;
  const isEditable = isOwn && report !== null && (report.status === 'draft' || report.status === 'returned');

  const handleStart = () =>
    start.mutate(slot.periodId, {
      onSuccess: (started) => navigate(`/reports/${started.id}/edit`),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <Flex vertical gap={8} className="report-slot">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {slot.unitName}
          </Typography.Text>
          <Tag color={slot.role === 'lead' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`reports.roles.${slot.role}`)}
          </Tag>
          {report ? (
            <ReportStatusTag status={report.status} />
          ) : (
            <Tag color={isDue ? 'error' : 'default'} style={{ marginInlineEnd: 0 }}>
              {isDue ? t('reports.slot.missing') : t('reports.slot.open')}
            </Tag>
          )}
          {report?.percent !== null && report?.percent !== undefined && (
            <Typography.Text type="secondary">
              {t('reports.view.percentShort', { percent: report.percent })}
            </Typography.Text>
          )}
          {report?.lateWorkingDays ? <LateMark workingDays={report.lateWorkingDays} /> : null}
          {report?.flagged && report.similarity !== null && (
            <DuplicateFlag
              reportId={report.id}
              similarity={report.similarity}
              similarReportId={report.similarReportId}
            />
          )}
        </Flex>
        <Flex gap={8} wrap>
          {!report && isOwn && (
            <Button type="primary" icon={<FormOutlined />} loading={start.isPending} onClick={handleStart}>
              {t('reports.slot.write')}
            </Button>
          )}
          {isEditable && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/reports/${report.id}/edit`)}>
              {report.status === 'returned' ? t('reports.slot.fix') : t('reports.slot.continue')}
            </Button>
          )}
          {report && (
            <>
              <Button
                icon={isOpen ? <UpOutlined /> : <DownOutlined />}
                onClick={() => setIsOpen((open) => !open)}
                aria-expanded={isOpen}
              >
                {isOpen ? t('reports.slot.collapse') : t('reports.slot.expand')}
              </Button>
              <Button
                icon={<EyeOutlined />}
                onClick={() => navigate(`/reports/${report.id}`)}
                aria-label={t('reports.slot.openReport', { unit: slot.unitName })}
              >
                {t('reports.slot.view')}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      {report && isOpen && <SlotReport reportId={report.id} plan={plan} />}
    </Flex>
  );
}
